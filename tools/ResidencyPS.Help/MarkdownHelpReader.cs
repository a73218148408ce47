using System.Text.RegularExpressions;

namespace ResidencyPS.Help;

/// <summary>Reads a PlatyPS schema 2.0.0 cmdlet page. Throws <see cref="HelpFormatException"/> naming the file and line of a problem.</summary>
public static class MarkdownHelpReader
{
    /// <summary>The level-2 sections a cmdlet page must have, in this order.</summary>
    public static readonly string[] RequiredSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    /// <summary>Reads the page at <paramref name="path"/>.</summary>
    public static CommandHelp ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>Reads a page from its text.</summary>
    public static CommandHelp Read(string text, string sourceFile)
    {
        var doc = MarkdownDocument.Parse(text, sourceFile);
        if (!doc.Metadata.TryGetValue("schema", out var schema) || schema != "2.0.0")
        {
            throw new HelpFormatException(sourceFile, 1, "The front matter must say 'schema: 2.0.0'.");
        }

        var help = new CommandHelp { SourceFile = sourceFile, Metadata = doc.Metadata, Name = doc.Title ?? throw new HelpFormatException(sourceFile, 1, "The page has no '# Command-Name' heading.") };
        foreach (var section in doc.Sections)
        {
            help.Sections.Add(section.Title);
            switch (section.Title)
            {
                case "SYNOPSIS":
                    help.Synopsis = string.Join(" ", section.Paragraphs());
                    break;
                case "SYNTAX":
                    foreach (var sub in section.Subsections)
                    {
                        var isDefault = sub.Title.EndsWith("(Default)", StringComparison.Ordinal);
                        help.Syntax.Add(new SyntaxSet(isDefault ? sub.Title[..^"(Default)".Length].Trim() : sub.Title, isDefault));
                    }

                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(section.Paragraphs());
                    break;
                case "EXAMPLES":
                    help.Examples.AddRange(section.Subsections.Select(ReadExample));
                    break;
                case "PARAMETERS":
                    ReadParameters(section, help);
                    break;
                case "INPUTS":
                    help.Inputs.AddRange(section.Subsections.Select(s => new TypeHelp(s.Title, s.Paragraphs())));
                    break;
                case "OUTPUTS":
                    help.Outputs.AddRange(section.Subsections.Select(s => new TypeHelp(s.Title, s.Paragraphs())));
                    break;
                case "NOTES":
                    help.Notes.AddRange(section.Paragraphs());
                    break;
                case "RELATED LINKS":
                    foreach (Match link in Regex.Matches(string.Join("\n", section.Body), @"\[([^\]]+)\]\(([^)]*)\)"))
                    {
                        help.Links.Add(new HelpLink(link.Groups[1].Value, link.Groups[2].Value));
                    }

                    break;
            }
        }

        var missing = RequiredSections.Where(s => !help.Sections.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            throw new HelpFormatException(sourceFile, 1, "Missing sections: " + string.Join(", ", missing) + ".");
        }

        return help;
    }

    private static HelpExample ReadExample(MarkdownSection example)
    {
        var intro = new List<string>();
        var remarks = new List<string>();
        string? code = null;
        string? output = null;
        foreach (var block in example.Blocks())
        {
            if (block.Fence == "powershell" && code == null)
            {
                code = block.Text;
            }
            else if (block.Fence != null && code != null && output == null)
            {
                output = block.Text;
            }
            else if (block.Fence == null)
            {
                (code == null ? intro : remarks).Add(block.Text);
            }
        }

        return new HelpExample(example.Title, intro,
            code ?? throw new HelpFormatException(example.File, example.Line, $"Example '{example.Title}' has no ```powershell code block."),
            output, remarks);
    }

    private static void ReadParameters(MarkdownSection section, CommandHelp help)
    {
        foreach (var sub in section.Subsections)
        {
            if (sub.Title == "CommonParameters")
            {
                help.HasCommonParameters = true;
                continue;
            }

            if (!sub.Title.StartsWith('-'))
            {
                throw new HelpFormatException(sub.File, sub.Line, $"A parameter heading must be '### -Name', not '### {sub.Title}'.");
            }

            var parameter = new ParameterHelp { Name = sub.Title[1..] };
            foreach (var block in sub.Blocks())
            {
                if (block.Fence == "yaml")
                {
                    parameter.Metadata.Add(new ParameterMetadata { Values = ParseYaml(block.Text, sub) });
                }
                else if (block.Fence == null)
                {
                    parameter.Description.Add(block.Text);
                }
            }

            if (parameter.Metadata.Count == 0)
            {
                throw new HelpFormatException(sub.File, sub.Line, $"Parameter -{parameter.Name} has no ```yaml metadata block.");
            }

            help.Parameters.Add(parameter);
        }
    }

    private static Dictionary<string, string> ParseYaml(string text, MarkdownSection where)
    {
        // Parameter metadata is YAML whose values are plain text ("True (ByPropertyName)", "PSPath, FullName").
        try
        {
            var values = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, string?>>(text)
                ?? throw new HelpFormatException(where.File, where.Line, $"The metadata of {where.Title} is empty.");
            return values.ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new HelpFormatException(where.File, where.Line, $"The metadata of {where.Title} is not 'Key: value' YAML: {ex.Message}");
        }
    }
}

/// <summary>A help page that does not follow the schema.</summary>
public sealed class HelpFormatException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>The line (1-based).</summary>
    public int Line { get; } = line;
}
