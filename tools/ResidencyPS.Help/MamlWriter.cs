using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ResidencyPS.Help;

/// <summary>Writes cmdlet help as MAML, the XML that Get-Help reads from en-US/&lt;Assembly&gt;.dll-Help.xml.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The MAML document for all <paramref name="commands"/>.</summary>
    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.Select(CommandElement)));

    /// <summary>Markdown inline markup removed: code ticks, emphasis, and links as "text (url)".</summary>
    public static string Plain(string text)
    {
        // Code spans are taken verbatim, as CommonMark reads them: `exit [int](-not $ok)` is code, not a link, and a
        // span fenced by two backticks keeps the backticks inside it (`` -Product 'Helpdesk `[EU`]' ``).
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (Match code in Regex.Matches(text, "(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)", RegexOptions.Singleline))
        {
            result.Append(Prose(text[at..code.Index]));
            var content = code.Groups[2].Value;
            result.Append(content.Length > 2 && content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0 ? content[1..^1] : content);
            at = code.Index + code.Length;
        }

        return result.Append(Prose(text[at..])).ToString();
    }

    private static string Prose(string text)
    {
        var part = Regex.Replace(text, @"\[([^\]]+)\]\(([^)]+)\)", m => m.Groups[2].Value.StartsWith("http", StringComparison.Ordinal) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        return Regex.Replace(part, @"(\*\*|__)(.+?)\1", "$2");
    }

    private static XElement CommandElement(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Name[..dash]),
                new XElement(Command + "noun", help.Name[(dash + 1)..]),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Metadata[0], forSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => new XElement(Command + "inputType", TypeElement(t.TypeName), Description(t.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => new XElement(Command + "returnValue", TypeElement(t.TypeName), Description(t.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", help.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri.StartsWith("http", StringComparison.Ordinal) ? l.Uri : string.Empty)))));
    }

    private static XElement SyntaxItem(CommandHelp help, SyntaxSet set)
    {
        var members = help.Parameters
            .Select(p => (Parameter: p, Meta: p.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(set.Name) || m.ParameterSets.Contains("(All)"))))
            .Where(x => x.Meta != null)
            .OrderBy(x => int.TryParse(x.Meta!.Position, out var pos) ? pos : int.MaxValue)
            .ThenBy(x => x.Meta!.Required ? 0 : 1);
        return new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name),
            members.Select(x => Parameter(x.Parameter, x.Meta!, forSyntax: true)));
    }

    private static XElement Parameter(ParameterHelp parameter, ParameterMetadata meta, bool forSyntax)
    {
        var isSwitch = meta.Type == "SwitchParameter";
        var position = int.TryParse(meta.Position, out var p) ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named";
        var element = new XElement(Command + "parameter",
            new XAttribute("required", meta.Required ? "true" : "false"),
            new XAttribute("variableLength", meta.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", meta.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", meta.PipelineInput),
            new XAttribute("position", position),
            new XAttribute("aliases", meta.Aliases.Count == 0 ? "none" : string.Join(", ", meta.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description));
        if (!isSwitch || !forSyntax)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", isSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"), meta.Type));
        }

        element.Add(TypeElement(meta.Type), new XElement(Dev + "defaultValue", meta.DefaultValue));
        return element;
    }

    private static XElement Example(HelpExample example)
    {
        var code = example.Output == null ? example.Code : example.Code + "\n\n" + example.Output;
        return new XElement(Command + "example",
            new XElement(Maml + "title", $"--------- {example.Title} ---------"),
            new XElement(Maml + "introduction", Paragraphs(example.Introduction)),
            new XElement(Dev + "code", code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));
    }

    private static XElement TypeElement(string name) =>
        new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", Plain(p)));
}
