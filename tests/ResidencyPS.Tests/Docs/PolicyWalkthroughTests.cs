using Json.Schema;
using ResidencyPS.Engine.Authoring;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>
/// The walk-through of about_ResidencyPS_PolicyFormat (a fictional vendor's text to a policy) shows what the module does
/// today: the starting policy's size, every error Import-ResidencyPolicy gives on it, and a finished file that loads,
/// satisfies the schema and quotes the same lines.
/// </summary>
public class PolicyWalkthroughTests
{
    private const string Prefix = "Import-ResidencyPolicy: /tmp/nimbus/nimbus.json: ";

    private static readonly string Topic = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "about_ResidencyPS_PolicyFormat.md")).Replace("\r\n", "\n");

    private static readonly string Walkthrough = Topic[Topic.IndexOf("### Writing a policy from a vendor's text", StringComparison.Ordinal)..];

    private static string Block(string opening, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = Walkthrough.IndexOf(opening, start + 1, StringComparison.Ordinal);
        }

        start += opening.Length;
        return Walkthrough[start..Walkthrough.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static readonly string VendorText = Block("```text\n") + "\n";

    private static string StartingPolicy() =>
        PolicyFromText.ToJson(new DraftSource("Nimbus Notes", "nl", "nimbus-hosting.nl.txt", "https://example.com/nimbus/hosting", new DateTime(2026, 12, 2)),
            PolicyFromText.Statements(VendorText), "nimbus-hosting.nl.txt", out _)!;

    [Fact]
    public void The_starting_policy_is_as_long_as_shown_and_refused_with_exactly_the_errors_shown()
    {
        Assert.Contains("nimbus.json   " + System.Text.Encoding.UTF8.GetByteCount(StartingPolicy()), Walkthrough, StringComparison.Ordinal);
        var error = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(StartingPolicy()), "/tmp/nimbus/nimbus.json"));
        var shown = Block("```text\n", 2).Split('\n').Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).Select(l => l[Prefix.Length..]);
        Assert.Equal(shown, error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_finished_file_loads_satisfies_the_schema_and_quotes_the_lines_New_ResidencyPolicy_wrote()
    {
        var finished = "{\n  \"$schema\"" + Block("```json\n{\n  \"$schema\"");
        var result = PolicySchema.Schema.Evaluate(System.Text.Json.JsonDocument.Parse(finished).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
        var policy = PolicyLoader.Load(new StringReader(finished), "nimbus.json");
        var written = PolicyFromText.Statements(VendorText);
        Assert.Equal(written.Select(s => (s.Id, s.Line, s.Section, s.Kind, s.Text)), policy.Statements.Select(s => (s.Id, s.Line, s.Section, s.Kind, s.Text)));
        Assert.Contains("Fictional", Walkthrough, StringComparison.OrdinalIgnoreCase);
    }
}
