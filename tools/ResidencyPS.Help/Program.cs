using System.Text;
using ResidencyPS.Help;

// Usage: ResidencyPS.Help <docs folder> <module output folder>
// Writes <module>/en-US/ResidencyPS.dll-Help.xml from the cmdlet pages of docs/ and about_*.help.txt from docs/about_*.md.
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: ResidencyPS.Help <docs folder> <module output folder>");
    return 2;
}

try
{
    var (docs, module) = (args[0], args[1]);
    var culture = Directory.CreateDirectory(Path.Combine(module, "en-US")).FullName;
    var pages = HelpPages.CommandPages(docs).Select(MarkdownHelpReader.ReadFile).ToList();
    var maml = Path.Combine(culture, "ResidencyPS.dll-Help.xml");
    MamlWriter.Write(pages).Save(maml);
    Console.WriteLine($"Help: {pages.Count} cmdlets -> {maml}");
    foreach (var about in Directory.GetFiles(docs, "about_*.md"))
    {
        var target = Path.Combine(culture, Path.GetFileNameWithoutExtension(about) + ".help.txt");
        // With a byte order mark, so Windows PowerShell 5.1 reads any non-ASCII character as UTF-8, not as Windows-1252.
        File.WriteAllText(target, AboutTopicWriter.Write(File.ReadAllText(about), about), new UTF8Encoding(true));
        Console.WriteLine($"Help: {Path.GetFileName(about)} -> {target}");
    }

    return 0;
}
catch (HelpFormatException ex)
{
    Console.Error.WriteLine("Help error: " + ex.Message);
    return 1;
}
