using System.Text;

namespace ResidencyPS.Help;

/// <summary>Turns an about_ topic page (markdown) into the plain text Get-Help about_... shows.</summary>
public static class AboutTopicWriter
{
    private const int Width = 80;

    /// <summary>The help text for the markdown in <paramref name="text"/>.</summary>
    public static string Write(string text, string file)
    {
        var doc = MarkdownDocument.Parse(text, file);
        if (doc.Title == null || !doc.Title.StartsWith("about_", StringComparison.Ordinal))
        {
            throw new HelpFormatException(file, 1, "An about topic must start with '# about_Name'.");
        }

        var output = new StringBuilder();
        output.Append("TOPIC\n    ").Append(doc.Title).Append("\n\n");
        foreach (var section in doc.Sections)
        {
            output.Append(section.Title.ToUpperInvariant()).Append('\n');
            AppendBlocks(output, section, 4);
            foreach (var sub in section.Subsections)
            {
                output.Append("  ").Append(sub.Title.ToUpperInvariant()).Append('\n');
                AppendBlocks(output, sub, 4);
            }
        }

        return output.ToString().TrimEnd() + "\n";
    }

    private static void AppendBlocks(StringBuilder output, MarkdownSection section, int indent)
    {
        foreach (var block in section.Blocks())
        {
            if (block.Fence != null)
            {
                foreach (var line in block.Text.Split('\n'))
                {
                    output.Append(' ', indent + 4).Append(line).Append('\n');
                }
            }
            else
            {
                foreach (var line in MamlWriter.Plain(block.Text).Split('\n'))
                {
                    Wrap(output, line, indent);
                }
            }

            output.Append('\n');
        }
    }

    private static void Wrap(StringBuilder output, string text, int indent)
    {
        var hanging = text.StartsWith("- ", StringComparison.Ordinal) ? 2 : 0;
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent + line.Length + 1 + word.Length > Width)
            {
                output.Append(' ', indent).Append(line).Append('\n');
                line.Clear().Append(' ', hanging);
            }

            if (line.Length > 0 && line.ToString().Trim().Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            output.Append(' ', indent).Append(line).Append('\n');
        }
    }
}
