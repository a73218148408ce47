using System.Xml.Linq;
using ResidencyPS.Help;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Tools.Help;

/// <summary>The project's own PlatyPS-markdown-to-MAML generator.</summary>
public class HelpGeneratorTests
{
    private const string Page = """
        ---
        schema: 2.0.0
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets `things`.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Thing [-Name] <String[]>
        ```

        ### Quiet
        ```
        Get-Thing -Quiet
        ```

        ## DESCRIPTION
        First paragraph
        over two lines.

        Second paragraph.

        ## EXAMPLES

        ### Example 1: One
        ```powershell
        Get-Thing a
        ```

        ```output
        a
        ```

        A remark.

        ## PARAMETERS

        ### -Name
        The name.

        ```yaml
        Type: String[]
        Parameter Sets: ByName
        Aliases: N

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: True
        ```

        ### -Quiet
        Quietly.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: Quiet
        Aliases: None

        Required: True
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        Common.

        ## INPUTS

        ### System.String

        ## OUTPUTS

        ### Thing
        A thing.

        ## NOTES

        ## RELATED LINKS

        [Other](Other.md)
        """;

    [Fact]
    public void Reads_every_section_of_a_page()
    {
        var help = MarkdownHelpReader.Read(Page, "Get-Thing.md");
        Assert.Equal("Get-Thing", help.Name);
        Assert.Equal("Gets `things`.", help.Synopsis);
        Assert.Equal(new[] { "First paragraph over two lines.", "Second paragraph." }, help.Description);
        Assert.Equal(new[] { new SyntaxSet("ByName", true), new SyntaxSet("Quiet", false) }, help.Syntax);
        var example = Assert.Single(help.Examples);
        Assert.Equal(("Get-Thing a", "a", "A remark."), (example.Code, example.Output, example.Remarks.Single()));
        Assert.Equal(new[] { "Name", "Quiet" }, help.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "N" }, help.Parameters[0].Metadata[0].Aliases);
        Assert.True(help.HasCommonParameters);
        Assert.Equal("Thing", help.Outputs.Single().TypeName);
    }

    [Fact]
    public void Writes_maml_with_one_syntax_item_per_set_and_switches_without_values()
    {
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        var doc = MamlWriter.Write(new[] { MarkdownHelpReader.Read(Page, "Get-Thing.md") });
        var cmd = doc.Root!.Element(command + "command")!;
        Assert.Equal("Gets things.", cmd.Element(command + "details")!.Element(maml + "description")!.Value);
        var items = cmd.Element(command + "syntax")!.Elements(command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("Name", items[0].Element(command + "parameter")!.Element(maml + "name")!.Value);
        var quiet = items[1].Element(command + "parameter")!;
        Assert.Null(quiet.Element(command + "parameterValue"));
        Assert.Equal("true", items[0].Element(command + "parameter")!.Attribute("globbing")!.Value);
        Assert.Contains("a", cmd.Descendants(XNamespace.Get("http://schemas.microsoft.com/maml/dev/2004/10") + "code").Single().Value);
    }

    [Theory]
    [InlineData("## SYNOPSIS\n", "Missing sections: SYNOPSIS")]
    [InlineData("schema: 2.0.0", "schema: 2.0.0")]
    [InlineData("```yaml\nType: String[]", "no ```yaml metadata block")]
    public void A_broken_page_names_the_file_and_the_problem(string remove, string expected)
    {
        var broken = Page.Replace(remove, remove.StartsWith("```yaml", StringComparison.Ordinal) ? "```text\nType: String[]" : string.Empty);
        var error = Assert.Throws<HelpFormatException>(() => MarkdownHelpReader.Read(broken, "Get-Thing.md"));
        Assert.Contains("Get-Thing.md", error.Message);
        Assert.Contains(expected.Replace("schema: 2.0.0", "'schema: 2.0.0'"), error.Message);
    }

    [Fact]
    public void About_topic_becomes_indented_help_text()
    {
        var text = AboutTopicWriter.Write("# about_Thing\n\n## Short description\nShort `text`.\n\n## Long description\nLong.\n\n### Part\n- item one\n- item two\n", "about_Thing.md");
        Assert.StartsWith("TOPIC\n    about_Thing\n\nSHORT DESCRIPTION\n    Short text.\n", text);
        Assert.Contains("  PART\n    - item one\n    - item two\n", text);
    }

    [Fact]
    public void The_repository_docs_all_parse()
    {
        foreach (var file in HelpPages.CommandPages(TestPaths.HelpSources))
        {
            MarkdownHelpReader.ReadFile(file);
        }
    }

    [Theory]
    [InlineData("end the script with `exit [int](-not $ok)` so", "end the script with exit [int](-not $ok) so")]
    [InlineData("see [about_ResidencyPS](about_ResidencyPS.md) and `[ResidencyPS.Verdict]`", "see about_ResidencyPS and [ResidencyPS.Verdict]")]
    [InlineData("**bold** `**not bold**` [web](https://example.org/x)", "bold **not bold** web (https://example.org/x)")]
    public void Inline_code_is_kept_verbatim_and_only_text_outside_it_loses_its_markup(string markdown, string expected)
    {
        Assert.Equal(expected, MamlWriter.Plain(markdown));
    }
}
