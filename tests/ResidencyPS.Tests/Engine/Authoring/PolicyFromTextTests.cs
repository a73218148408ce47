using System.Text;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Authoring;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Authoring;

/// <summary>
/// A starting policy from a vendor's own words: every non-blank line verbatim, at its line, nothing made up, and a file the
/// loader reads through to the end, naming each gap (and nothing else) at its place. The vendor's text is fictional.
/// </summary>
public class PolicyFromTextTests
{
    // A FICTIONAL vendor's text, written for these tests; no vendor published it.
    private const string Fictional =
        "Nimbus Notes (fictional) keeps your notes safe.\r\n"
        + "\r\n"
        + "# Where we host\n"
        + "   \n"
        + "Notes are stored in the EU region.\tAttachments too.\n"
        + "\u00a0\n"
        + "## Logs ##\n"
        + "Logs are kept for 30 days.\n"
        + "\n";

    private static readonly DraftSource Source = new("Nimbus Notes", "en", "nimbus.txt", "https://example.com/hosting", new DateTime(2026, 12, 1));

    private static string Json(string text) => PolicyFromText.ToJson(Source, PolicyFromText.Statements(text), "given", out var problem)
        ?? throw new InvalidOperationException(problem!.Message);

    [Fact]
    public void Every_non_blank_line_is_a_statement_verbatim_at_its_line_with_a_deterministic_id()
    {
        var statements = PolicyFromText.Statements(Fictional);
        Assert.Equal(new[] { 1, 3, 5, 7, 8 }, statements.Select(s => s.Line));
        Assert.Equal(new[] { "line-0001", "line-0003", "line-0005", "line-0007", "line-0008" }, statements.Select(s => s.Id));
        Assert.Equal("Notes are stored in the EU region.\tAttachments too.", statements[2].Text);
        Assert.Equal("## Logs ##", statements[3].Text);
        Assert.Equal(statements, PolicyFromText.Statements(Fictional));
    }

    [Fact]
    public void A_section_is_the_nearest_Markdown_heading_above_and_a_plain_line_is_never_taken_for_one()
    {
        var statements = PolicyFromText.Statements(Fictional);
        Assert.Equal(new[] { PolicyFromText.NoHeading, "Where we host", "Where we host", "Logs", "Logs" }, statements.Select(s => s.Section));
        Assert.Equal(new[] { "Sentence", "Heading", "Sentence", "Heading", "Sentence" }, statements.Select(s => s.Kind));

        // The Freshworks text's headings are plain lines, shaped like its table cells: none is taken for a heading.
        var freshworks = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks-data-hosting.nl.txt"));
        var read = PolicyFromText.Statements(freshworks);
        Assert.All(read, s => Assert.Equal(PolicyFromText.NoHeading, s.Section));
        Assert.Subset(read.Select(s => s.Line).ToHashSet(), PolicyStore.Embedded.Statements.Select(s => s.Line).ToHashSet());
    }

    [Theory]
    [InlineData("# Title", "Title")]
    [InlineData("   ###   Spaced   ", "Spaced")]
    [InlineData("## Closed ##", "Closed")]
    [InlineData("#NoBlank", null)]
    [InlineData("    # Indented four (code)", null)]
    [InlineData("####### Seven", null)]
    [InlineData("#", null)]
    [InlineData("Gegevensmigratie", null)]
    public void Only_a_marked_heading_is_a_heading(string line, string? title) => Assert.Equal(title, PolicyFromText.Heading(line));

    [Fact]
    public void Ids_have_as_many_digits_as_the_last_line_needs()
    {
        var text = string.Join("\n", Enumerable.Range(1, 12_000).Select(i => i == 12_000 ? "last" : i == 1 ? "first" : string.Empty));
        Assert.Equal(new[] { "line-00001", "line-12000" }, PolicyFromText.Statements(text).Select(s => s.Id));
    }

    [Fact]
    public void The_file_holds_the_statements_and_the_source_and_no_record_English_title_or_version()
    {
        var doc = JObject.Parse(Json(Fictional));
        Assert.Equal("./policy.schema.json", (string?)doc["$schema"]);
        Assert.Equal("1.0", (string?)doc["schemaVersion"]);
        Assert.Equal("Nimbus Notes", (string?)doc["vendor"]);
        Assert.Null(doc["policyVersion"]);
        Assert.True(JToken.DeepEquals(new JObject { ["language"] = "en", ["document"] = "nimbus.txt", ["url"] = "https://example.com/hosting", ["retrieved"] = "2026-12-01" }, doc["source"]));
        Assert.All(doc["statements"]!, s => Assert.Null(s["english"]));
        foreach (var list in PolicyFromText.RecordLists)
        {
            Assert.Empty((JArray)doc[list]!);
        }

        Assert.Null(doc["securityMeasures"]);
        Assert.Null(doc["effectiveDate"]);
    }

    [Fact]
    public void The_loader_reads_the_file_to_the_end_and_names_each_gap_at_its_line_with_what_to_add()
    {
        var json = Json(Fictional);
        var error = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(json), "nimbus.json"));
        var expected = new[] { "policyVersion", "source.title" }
            .Concat(Enumerable.Range(0, 5).Select(i => $"statements[{i}].english"))
            .Concat(PolicyFromText.RecordLists);
        Assert.Equal(expected, error.Problems.Select(p => p.Path));
        Assert.All(error.Problems, p => Assert.NotNull(p.Line));
        Assert.Contains(error.Problems, p => p.Path == "statements[2].english" && p.Message.Contains("the English rendering of line 5 of the vendor's text", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "regions" && p.Message.Contains("add each hosting region", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "policyVersion" && p.Message.Contains("yours to choose", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "source.title" && p.Message.Contains("title of the vendor's document", StringComparison.Ordinal));
        // Each at the line of its own place in the file: the statement's object, the empty list.
        var lines = json.Split('\n');
        var regions = error.Problems.Single(p => p.Path == "regions");
        Assert.Contains("\"regions\": []", lines[regions.Line!.Value - 1], StringComparison.Ordinal);
        var english = error.Problems.Single(p => p.Path == "statements[2].english");
        Assert.Contains("{", lines[english.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Contains("\"line-0005\"", lines[english.Line!.Value], StringComparison.Ordinal);
    }

    [Fact]
    public void Filled_in_it_loads_and_quotes_the_lines_verbatim()
    {
        var doc = JObject.Parse(Json(Fictional));
        doc["policyVersion"] = "1.0";
        doc["source"]!["title"] = "Where Nimbus Notes hosts your data (fictional)";
        foreach (var statement in doc["statements"]!)
        {
            statement["english"] = statement["text"];
        }

        doc["regions"] = new JArray(new JObject { ["code"] = "EU", ["name"] = "European Union", ["nameNl"] = "Europese Unie", ["countries"] = new JArray("DE"), ["basis"] = "Stated", ["sources"] = new JArray("line-0005") });
        doc["products"] = new JArray(new JObject { ["name"] = "Nimbus Notes", ["basis"] = "Stated", ["sources"] = new JArray("line-0001") });
        doc["categories"] = new JArray(new JObject { ["id"] = "Notes", ["name"] = "Notes", ["nameNl"] = "Notities", ["sources"] = new JArray("line-0005") });
        doc["residency"] = new JArray(new JObject { ["product"] = "Nimbus Notes", ["category"] = "Notes", ["term"] = "Notes", ["regions"] = new JArray("EU"), ["basis"] = "Stated", ["sources"] = new JArray("line-0005") });
        doc["subjects"] = new JArray(new JObject { ["id"] = "Logs", ["name"] = "Logs", ["nameNl"] = "Logboeken", ["sources"] = new JArray("line-0008") });
        doc["retention"] = new JArray(new JObject
        {
            ["id"] = "logs",
            ["subject"] = "Logs",
            ["products"] = new JArray("Nimbus Notes"),
            ["storage"] = "HostRegion",
            ["period"] = new JObject { ["value"] = 30, ["unit"] = "Days", ["text"] = "30 days" },
            ["after"] = "NotStated",
            ["basis"] = "Stated",
            ["sources"] = new JArray("line-0008"),
        });
        doc["rules"] = new JArray(new JObject { ["id"] = "Hosting", ["when"] = "Always", ["effect"] = "Info", ["message"] = "Notes stay in the EU.", ["basis"] = "Stated", ["sources"] = new JArray("line-0005") });

        var policy = PolicyLoader.Load(new StringReader(doc.ToString()), "nimbus.json");
        Assert.Equal(PolicyFromText.Statements(Fictional).Select(s => (s.Id, s.Line, s.Text)), policy.Statements.Select(s => (s.Id, s.Line, s.Text)));
    }

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("NL", "nl")]
    [InlineData(" de ", "de")]
    [InlineData("dutch", null)]
    [InlineData("xx", null)]
    [InlineData("nl-BE", null)]
    [InlineData("", null)]
    public void The_language_is_an_ISO_639_1_code(string given, string? code)
    {
        var problem = PolicyFromText.CheckLanguage(given, out var read);
        Assert.Equal(code == null, problem != null);
        if (code != null)
        {
            Assert.Equal(code, read);
        }
        else
        {
            Assert.Equal(ProblemKind.InvalidLanguage, problem!.Kind);
            Assert.Equal(given, problem.Target);
        }
    }

    [Theory]
    [InlineData("Acme", true)]
    [InlineData(" Acme", false)]
    [InlineData("   ", false)]
    [InlineData("Ac\u001bme", false)]
    [InlineData("Ac\u202eme", false)]
    public void The_vendor_is_a_plain_name(string vendor, bool ok) => Assert.Equal(ok, PolicyFromText.CheckVendor(vendor) == null);

    [Theory]
    [InlineData("https://example.com/a", true)]
    [InlineData("http://example.com/a", true)]
    [InlineData("ftp://example.com/a", false)]
    [InlineData("file:///tmp/a", false)]
    [InlineData("hosting.html", false)]
    public void The_source_address_is_http_or_https(string uri, bool ok) =>
        Assert.Equal(ok, PolicyFromText.CheckSourceUri(new Uri(uri, UriKind.RelativeOrAbsolute), uri) == null);

    private static Problem? ReadBytes(byte[] bytes, out string? text)
    {
        var file = Path.Combine(RunTemp.Folder, "vendor-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllBytes(file, bytes);
        try
        {
            text = PolicyFromText.ReadText(file, "given.txt", out var problem);
            return problem;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_UTF_8_text_is_read_with_or_without_a_byte_order_mark()
    {
        Assert.Null(ReadBytes(Encoding.UTF8.GetBytes("Gegevens worden gehost in de EER."), out var plain));
        Assert.Null(ReadBytes(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Één regel")).ToArray(), out var marked));
        Assert.Equal("Gegevens worden gehost in de EER.", plain);
        Assert.Equal("Één regel", marked);
    }

    [Fact]
    public void A_text_that_is_not_UTF_8_names_its_line_and_position_and_the_encoding_it_looks_like()
    {
        var problem = ReadBytes(Encoding.Latin1.GetBytes("first line\nsecond: gr\u00f6\u00dfe"), out var text);
        Assert.Null(text);
        Assert.Equal(ProblemKind.InvalidSourceText, problem!.Kind);
        Assert.Equal("given.txt", problem.Target);
        Assert.Contains("line 2, position 11, the byte 0xF6", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_or_UTF_16_file_is_refused()
    {
        Assert.Equal(ProblemKind.InvalidSourceText, ReadBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, out _)!.Kind);
        Assert.Equal(ProblemKind.InvalidSourceText, ReadBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("text")).ToArray(), out _)!.Kind);
    }

    [Fact]
    public void A_control_character_is_refused_at_its_line_since_a_policy_text_cannot_hold_it()
    {
        var problem = ReadBytes(Encoding.UTF8.GetBytes("one\r\ntwo \u001b[2J three"), out _);
        Assert.Equal(ProblemKind.InvalidSourceText, problem!.Kind);
        Assert.Contains("line 2, position 5", problem.Message, StringComparison.Ordinal);
        Assert.Contains("U+001B", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_and_a_file_too_large_for_a_policy_are_refused_before_they_are_read()
    {
        Assert.Equal(ProblemKind.SourceTextEmpty, ReadBytes(Array.Empty<byte>(), out _)!.Kind);
        var large = ReadBytes(Enumerable.Repeat((byte)'a', (int)PolicyLoader.MaxBytes + 1).ToArray(), out _);
        Assert.Equal(ProblemKind.SourceTextTooLarge, large!.Kind);
        Assert.Contains("4,194,304", large.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_whose_policy_would_exceed_the_limit_is_refused()
    {
        // 100 KB of text, but every line a statement of about 100 bytes of JSON: over 4 MB of policy.
        var text = string.Join("\n", Enumerable.Repeat("x", 50_000));
        Assert.Null(PolicyFromText.ToJson(Source, PolicyFromText.Statements(text), "given.txt", out var problem));
        Assert.Equal(ProblemKind.SourceTextTooLarge, problem!.Kind);
        Assert.Equal("given.txt", problem.Target);
    }

    [Fact]
    public void Lines_end_at_CR_LF_LF_or_CR_as_an_editor_numbers_them()
    {
        Assert.Equal(new[] { "a", "b", "c", string.Empty, "d" }, PolicyFromText.Lines("a\r\nb\rc\n\nd\n"));
        Assert.Empty(PolicyFromText.Lines(string.Empty));
    }
}
