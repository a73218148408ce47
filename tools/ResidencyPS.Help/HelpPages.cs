namespace ResidencyPS.Help;

/// <summary>Finds the cmdlet pages of a docs folder: the pages whose front matter names an external help file.</summary>
public static class HelpPages
{
    /// <summary>The cmdlet pages, by file name.</summary>
    public static IReadOnlyList<string> CommandPages(string docs) =>
        Directory.GetFiles(docs, "*.md")
            .Where(file => File.ReadLines(file).Take(10).Any(line => line.StartsWith("external help file:", StringComparison.Ordinal)))
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToList();
}
