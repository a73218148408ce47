using System.Text.RegularExpressions;
using Json.Schema;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Waivers;

/// <summary>The waiver file: its shipped schema and the loader agree, and the documented examples are valid.</summary>
public sealed class WaiverFileTests : IDisposable
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(TestPaths.RequireModule())!;
    // Internal: JsonSchema.Net registers a schema once per process, so every test of waiver files shares this one.
    internal static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(ModuleFolder, "waiver.schema.json")));
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-waivers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<string, bool>? Wildcard(string pattern) =>
        pattern.Contains('*') ? name => Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase) : null;

    private WaiverSet Load(string json) => Load(json, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc));

    private WaiverSet Load(string json, DateTime now, Func<string, Func<string, bool>?>? wildcard = null)
    {
        var path = Path.Combine(_folder, "w.json");
        File.WriteAllText(path, json);
        return WaiverLoader.LoadFile(path, PolicyStore.Embedded, wildcard ?? Wildcard, now);
    }

    private static bool Valid(string json) => Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid;

    public static IEnumerable<object[]> DocumentedExamples()
    {
        foreach (var file in new[] { Path.Combine(TestPaths.RepoRoot, "README.md"), Path.Combine(TestPaths.HelpSources, "about_ResidencyPS_Waivers.md") })
        {
            foreach (Match match in Regex.Matches(File.ReadAllText(file), "\n(\\{\n  \"\\$schema\": \"\\./waiver\\.schema\\.json\".*?\n\\})\n", RegexOptions.Singleline))
            {
                yield return new object[] { Path.GetFileName(file), match.Groups[1].Value };
            }
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void Every_documented_waiver_file_satisfies_the_schema_and_loads(string file, string json)
    {
        Assert.True(Valid(json), file);
        var waivers = Load(json);
        Assert.NotEmpty(waivers.All);
        // A documented waiver that names reviewed statements names them as the embedded policy words them today.
        Assert.Empty(waivers.Invalidated);
    }

    [Fact]
    public void The_schema_ships_in_the_module_folder_with_the_about_topic()
    {
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "waiver.schema.json")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "en-US", "about_ResidencyPS_Waivers.help.txt")));
    }

    [Theory]
    [InlineData("""{ "waivers": [ { "product": "*", "dataCategory": "*", "expires": "2027-01-01" } ] }""", "justification")]
    [InlineData("""{ "waivers": [ { "product": "*", "dataCategory": "*", "justification": "x" } ] }""", "expires")]
    [InlineData("""{ "waivers": [ { "product": "*", "dataCategory": "*", "justification": "x", "expires": "2027-01-01", "verdict": "Within" } ] }""", "verdict")]
    [InlineData("""{ "waivers": [ { "product": "*", "dataCategory": "*", "justification": "x", "expires": "2027-01-01", "note": "x" } ] }""", "note")]
    [InlineData("""{ "exceptions": [] }""", "exceptions")]
    public void The_schema_and_the_loader_refuse_the_same_mistakes(string json, string path)
    {
        Assert.False(Valid(json));
        var ex = Assert.Throws<PolicyValidationException>(() => Load(json));
        Assert.Contains(ex.Problems, p => p.Path.Contains(path, StringComparison.Ordinal) && p.Line != null);
        Assert.StartsWith("The waiver file ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_and_current_waivers_are_told_apart_by_their_last_day()
    {
        var set = Load("""
            { "waivers": [
              { "product": "Freshdesk", "dataCategory": "Ticket data", "justification": "a", "expires": "2026-11-28" },
              { "product": "Freshdesk", "dataCategory": "Ticket data", "justification": "b", "expires": "2026-11-29" } ] }
            """);
        Assert.Equal("a", Assert.Single(set.Expired).Justification);
        Assert.Equal("b", set.Find("Freshdesk", "Ticket data", Verdict.Outside)!.Justification);
        Assert.Empty(set.Unused);
    }

    [Theory]
    [InlineData("2026-11-29T23:59:59.9999999Z", false)]
    [InlineData("2026-11-30T00:00:00Z", true)]
    [InlineData("2026-11-30T01:00:00+02:00", false)]
    [InlineData("2026-11-29T23:30:00-01:00", true)]
    public void A_waiver_applies_through_the_end_of_its_expiry_date_in_UTC(string now, bool expired)
    {
        var instant = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        const string Json = """{ "waivers": [ { "product": "Freshdesk", "dataCategory": "Ticket data", "justification": "a", "expires": "2026-11-29" } ] }""";
        foreach (var given in new[] { instant.UtcDateTime, instant.UtcDateTime.ToLocalTime() })
        {
            var set = Load(Json, given);
            Assert.Equal(expired, set.Expired.Count == 1);
        }
    }

    [Fact]
    public void A_waiver_file_saved_as_ANSI_is_refused_at_its_line_with_how_to_save_it()
    {
        var path = Path.Combine(_folder, "ansi.json");
        var text = "{ \"waivers\": [\n  { \"product\": \"Freshdesk\", \"dataCategory\": \"Ticket data\", \"justification\": \"Geprüft\", \"expires\": \"2027-01-01\" } ] }";
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
        var problem = Assert.Single(Assert.Throws<PolicyValidationException>(() => WaiverLoader.LoadFile(path, PolicyStore.Embedded, Wildcard, DateTime.UtcNow)).Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(text.Split('\n')[1].IndexOf('ü') + 1, problem.Position);
        Assert.Contains("not UTF-8: the byte 0xFC", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Set-Content -Encoding UTF8", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Transient,Outside")]
    [InlineData("Outside, Transient")]
    [InlineData(" Outside")]
    [InlineData("outside")]
    [InlineData("2")]
    [InlineData("Within")]
    public void A_verdict_is_one_waivable_name_exactly_never_a_list_that_adds_up_to_another(string verdict)
    {
        // "Transient,Outside" once parsed as flags to 3, which is Unknown: the waiver covered results nobody reviewed.
        var json = """{ "waivers": [ { "product": "*", "dataCategory": "*", "justification": "x", "expires": "2099-01-01", "verdict": "VERDICT" } ] }""".Replace("VERDICT", verdict, StringComparison.Ordinal);
        var problem = Assert.Single(Assert.Throws<PolicyValidationException>(() => Load(json)).Problems);
        Assert.Equal("waivers[0].verdict", problem.Path);
        Assert.NotNull(problem.Line);
        Assert.Contains("accepted: Transient, Outside, Unknown", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("product", "Fresh[")]
    [InlineData("dataCategory", "Ticket]data[")]
    public void An_invalid_wildcard_pattern_is_a_located_problem(string field, string pattern)
    {
        var problem = Assert.Single(Assert.Throws<PolicyValidationException>(() => Load(OneWaiver(field, pattern), DateTime.UtcNow, NameFilterWildcard)).Problems);
        Assert.Equal("waivers[0]." + field, problem.Path);
        Assert.Contains("is not a valid wildcard pattern", problem.Message, StringComparison.Ordinal);
    }

    // A file of one valid waiver whose <field> is <value>.
    private static string OneWaiver(string field, string value)
    {
        var waiver = new Dictionary<string, string> { ["product"] = "Freshdesk", ["dataCategory"] = "Ticket data", ["justification"] = "Reviewed", ["expires"] = "2099-01-01" };
        waiver[field] = value;
        return Newtonsoft.Json.JsonConvert.SerializeObject(new { waivers = new[] { waiver } });
    }

    // The module's own wildcard rules (PowerShell's WildcardPattern), which fail on an unbalanced bracket.
    private static Func<string, bool>? NameFilterWildcard(string pattern) =>
        System.Management.Automation.WildcardPattern.ContainsWildcardCharacters(pattern)
            ? new System.Management.Automation.WildcardPattern(pattern, System.Management.Automation.WildcardOptions.IgnoreCase).IsMatch
            : null;

    [Theory]
    [InlineData("justification", "\u200B")]
    [InlineData("justification", " \u00AD\u2060 ")]
    [InlineData("justification", "\u034F\u034F")]
    [InlineData("justification", "\uFE0F\uFE0E")]
    [InlineData("justification", "\U000E0100")]
    [InlineData("justification", "\u17B4")]
    [InlineData("justification", "\u0301")]
    [InlineData("justification", "\u2800")]
    [InlineData("product", "Fresh\u200Bdesk")]
    [InlineData("dataCategory", "Ticket\u202Edata")]
    public void Invisible_text_is_no_justification_and_no_name(string field, string value)
    {
        var problem = Assert.Single(Assert.Throws<PolicyValidationException>(() => Load(OneWaiver(field, value))).Problems);
        Assert.Equal("waivers[0]." + field, problem.Path);
        Assert.Matches(field == "justification" ? "A justification is required" : "invisible or direction-changing character U\\+", problem.Message);
    }

    [Fact]
    public void A_null_verdict_is_refused_not_read_as_absent()
    {
        // Absent, a waiver covers any verdict; null must not widen it silently (the schema refuses null too).
        var json = """{ "waivers": [ { "product": "*", "dataCategory": "*", "justification": "x", "expires": "2099-01-01", "verdict": null } ] }""";
        Assert.False(Valid(json));
        var problem = Assert.Single(Assert.Throws<PolicyValidationException>(() => Load(json)).Problems);
        Assert.Equal("waivers[0].verdict", problem.Path);
    }
}
