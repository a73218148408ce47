using System.Management.Automation;
using ResidencyPS.Help;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>Get-Help shows the full help from the built module, and every documented example runs.</summary>
public class HelpRenderingTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _ps;

    public HelpRenderingTests(PowerShellSession ps) => _ps = ps;

    public static IEnumerable<object[]> Examples()
    {
        foreach (var file in HelpPages.CommandPages(TestPaths.HelpSources).OrderBy(f => f))
        {
            var page = MarkdownHelpReader.ReadFile(file);
            for (var i = 0; i < page.Examples.Count; i++)
            {
                yield return new object[] { page.Name, i, page.Examples[i].Title };
            }
        }
    }

    [Theory]
    [MemberData(nameof(HelpDriftTests.Cmdlets), MemberType = typeof(HelpDriftTests))]
    public void Get_Help_Full_renders_synopsis_description_parameters_and_examples(string command)
    {
        var page = MarkdownHelpReader.ReadFile(Path.Combine(TestPaths.HelpSources, command + ".md"));
        var help = _ps.RunClean($"Get-Help {command} -Full")[0];
        Assert.Equal(page.Synopsis.Replace("`", string.Empty), help.Properties["Synopsis"].Value.ToString()!.Trim());
        var text = string.Join("\n", _ps.RunClean($"Get-Help {command} -Full | Out-String -Width 400").Select(o => o.ToString()));

        // Get-Help wraps long paragraphs wherever it likes, so compare without white space.
        var flat = NoSpace(text);
        Assert.Contains(NoSpace(MamlWriter.Plain(page.Description[0])), flat);
        foreach (var parameter in page.Parameters)
        {
            Assert.Contains("-" + parameter.Name, text);
            Assert.Contains(NoSpace(MamlWriter.Plain(parameter.Description[0])), flat);
        }

        var examples = _ps.RunClean($"(Get-Help {command} -Examples).examples.example.Count")[0];
        Assert.Equal(page.Examples.Count, (int)examples.BaseObject);
        Assert.DoesNotContain("ProgressAction", text.Replace("<CommonParameters>", string.Empty).Split("PARAMETERS")[1].Split("<CommonParameters>")[0]);
    }

    // Independent of the generator: code spans keep their text, links their words, nothing else changes.
    private static string Rendered(string markdown)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(markdown, "(`[^`]*`)");
        return string.Concat(parts.Select(p => p.StartsWith('`') && p.EndsWith('`') && p.Length >= 2
            ? p[1..^1]
            : System.Text.RegularExpressions.Regex.Replace(p, @"\[([^\]]+)\]\(([^)]+)\)", m => m.Groups[2].Value.StartsWith("http", StringComparison.Ordinal) ? m.Groups[1].Value + " (" + m.Groups[2].Value + ")" : m.Groups[1].Value)));
    }

    [Theory]
    [MemberData(nameof(HelpDriftTests.Cmdlets), MemberType = typeof(HelpDriftTests))]
    public void Every_description_line_and_example_of_the_docs_reaches_Get_Help_as_written(string command)
    {
        var page = MarkdownHelpReader.ReadFile(Path.Combine(TestPaths.HelpSources, command + ".md"));
        var flat = NoSpace(string.Join("\n", _ps.RunClean($"Get-Help {command} -Full | Out-String -Width 400").Select(o => o.ToString())));
        var paragraphs = page.Description.Concat(page.Parameters.SelectMany(p => p.Description)).Concat(page.Notes)
            .Concat(page.Examples.SelectMany(e => e.Introduction.Concat(e.Remarks)));
        foreach (var paragraph in paragraphs)
        {
            Assert.True(flat.Contains(NoSpace(Rendered(paragraph).Replace("**", string.Empty)), StringComparison.Ordinal), command + ": " + paragraph);
        }

        foreach (var example in page.Examples)
        {
            foreach (var line in example.Code.Split('\n').Where(l => l.Trim().Length > 0))
            {
                Assert.True(flat.Contains(NoSpace(line), StringComparison.Ordinal), command + " example line: " + line);
            }
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);

    private static string NoSpace(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);

    [Fact]
    public void About_topic_renders_from_the_built_module()
    {
        var text = string.Join("\n", _ps.RunClean("Get-Help about_ResidencyPS | Out-String").Select(o => o.ToString()));
        Assert.Contains("about_ResidencyPS", text);
        Assert.Contains("READING VERDICT", text);
        Assert.Contains("ResidencyPS\\Get-RetentionPolicy", text);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Documented_example_runs_without_error(string command, int index, string title)
    {
        var example = MarkdownHelpReader.ReadFile(Path.Combine(TestPaths.HelpSources, command + ".md")).Examples[index];
        Assert.Equal(title, example.Title);
        var result = _ps.Run("& {\n" + example.Code + "\n} | Out-String -Width 120");
        Assert.True(result.Errors.Count == 0, $"{command} '{title}' wrote: {string.Join(" | ", result.Errors)}");
        Assert.NotEmpty(result.Output);
        if (example.Output != null)
        {
            // The output shown in the docs is what the example prints today, line for line.
            Assert.Equal(Lines(example.Output), Lines(result.Output[0].ToString()));
        }
    }
}
