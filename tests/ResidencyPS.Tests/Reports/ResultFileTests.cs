using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 21, point 1: the result file satisfies the schema shipped in the module folder (checked by a JSON Schema
/// validator, not by hand), carries enum names, ISO 8601 times and durations and the statements each finding cites,
/// and reads back into the same results.
/// </summary>
public sealed class ResultFileTests : IDisposable
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(TestPaths.RequireModule())!;
    // Loaded once per test run: the validator registers a schema by its $id, once.
    internal static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(ModuleFolder, ResultFile.SchemaFileName)));
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-results-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A run with every kind of row: each verdict, a waived result, one that could not be evaluated, a custom mailbox.
    private static List<EeaBoundaryResult> Run() => SampleRun.Every(
        "{\"product\":\"Freshsales\",\"dataCategory\":\"Call recordings\",\"justification\":\"Ten minutes reviewed.\",\"approvedBy\":\"DPO\",\"expires\":\"2099-12-31\"}",
        BoundaryOptions.CustomMailbox, "Zendesk");

    private string Write(IReadOnlyList<EeaBoundaryResult> results)
    {
        var file = Path.Combine(_folder, "run.json");
        using (var writer = new StreamWriter(file))
        {
            ResultFile.Write(new ReportData(Policy, results, DateTime.UtcNow), writer, Guid.NewGuid());
        }

        return file;
    }

    [Fact]
    public void The_result_file_satisfies_the_shipped_schema_with_names_iso_times_and_cited_lines()
    {
        var results = Run();
        var file = Write(results);
        var text = File.ReadAllText(file);
        var evaluation = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("; ", (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).Select(d => d.InstanceLocation + ": " + string.Join(", ", d.Errors!.Values))));
        var json = JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });
        Assert.Equal("./result.schema.json", (string?)json["$schema"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)json["generatedUtc"]);
        Assert.Equal(Policy.Sha256, (string?)json["policy"]!["sha256"]);
        var rows = (JArray)json["results"]!;
        Assert.Equal(results.Count, rows.Count);
        var transit = rows.Single(r => (string?)r["product"] == "Freshsales" && (string?)r["dataCategory"] == "Call recordings");
        Assert.Equal("Transient", (string?)transit["verdict"]);
        Assert.Equal("2099-12-31", (string?)transit["waiver"]!["expires"]);
        Assert.Contains(transit["findings"]!, f => (string?)f["duration"] == "PT10M" && f["sources"]!.Any(s => (int)s["line"]! == 81));
        Assert.Equal(results.Count, (int?)rows.Last()["inputRow"]);
        Assert.Equal("NotEvaluated", (string?)rows.Last()["verdict"]);

        // The schema is no formality: a verdict the module never gives, or a missing run id, is invalid.
        rows[0]!["verdict"] = "Banana";
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json.ToString()).RootElement).IsValid);
        rows[0]!["verdict"] = "Within";
        json.Remove("runId");
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json.ToString()).RootElement).IsValid);
    }

    [Fact]
    public void The_result_file_reads_back_into_the_same_results()
    {
        var results = Run();
        var run = ResultFileReader.Read(Write(results));
        var contexts = new CarriedContexts(Policy);
        var back = run.Results.Select(v => CarriedResult.Rebuild(Policy, v, contexts.For, out _)!).ToList();
        Assert.Equal(results.Count, back.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.NotNull(back[i]);
            Assert.Equal((results[i].InputRow, results[i].Product, results[i].DataCategory, results[i].Verdict, results[i].Passed, results[i].Waived, results[i].WaiverJustification, results[i].CustomMailbox),
                (back[i].InputRow, back[i].Product, back[i].DataCategory, back[i].Verdict, back[i].Passed, back[i].Waived, back[i].WaiverJustification, back[i].CustomMailbox));
            Assert.Equal(results[i].Findings.Select(f => f.Message), back[i].Findings.Select(f => f.Message));
        }
    }

    [Fact]
    public void A_file_of_another_schema_version_or_not_json_is_refused_with_what_is_wrong()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, "{\"schemaVersion\":\"2.0\",\"policy\":{\"sha256\":\"x\"},\"results\":[]}");
        Assert.Contains("reads \"1.0\"", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
        File.WriteAllText(file, "[1, 2");
        Assert.Contains("not one JSON object", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_waiver_register_lists_every_waiver_applied_unused_expired_or_invalidated_with_the_files_hash_and_reads_back()
    {
        var waiverFile = Path.Combine(_folder, "waivers.json");
        File.WriteAllText(waiverFile, """
            { "waivers": [
              { "product": "Freshsales", "dataCategory": "Call recordings", "justification": "Ten minutes reviewed.", "approvedBy": "DPO", "expires": "2099-12-31" },
              { "product": "Freshteam", "dataCategory": "*", "justification": "Nothing of Freshteam is tested here.", "expires": "2099-12-31" },
              { "product": "Freshdesk", "dataCategory": "*", "verdict": "Outside", "justification": "Lapsed.", "approvedBy": "CISO", "expires": "2020-01-31" },
              { "product": "Freshsales", "dataCategory": "*", "justification": "Reviewed against words since changed.", "expires": "2099-12-31",
                "statements": [ { "id": "intro-customer-data", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" } ] } ] }
            """);
        var waivers = WaiverLoader.LoadFile(waiverFile, Policy, pattern => pattern == "*" ? _ => true : null, DateTime.UtcNow);
        var context = new AssessmentContext(Policy, false, false, () => new[] { waivers.Ledger() });
        var eea = Policy.RegionIndex.Find("EEA")!;
        var results = Policy.Residency.Where(r => r.Product != "Freshteam").Select(r => BoundaryEvaluator.Evaluate(Policy, r, eea, BoundaryOptions.None, context, waivers)).ToList();
        var file = Write(results);

        var json = JObject.Parse(File.ReadAllText(file));
        Assert.True(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement).IsValid);
        Assert.True((bool)json["waiverFilesKnown"]!);
        var register = (JObject)json["waiverFiles"]!.Single();
        Assert.Equal(Path.GetFullPath(waiverFile), (string?)register["path"]);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(waiverFile))).ToLowerInvariant(), (string?)register["sha256"]);
        Assert.Equal(new[] { "Applied", "Unused", "Expired", "Invalidated" }, register["waivers"]!.Select(w => (string)w["status"]!));
        Assert.Equal(new[] { "DPO", null, "CISO", null }, register["waivers"]!.Select(w => (string?)w["approvedBy"]));
        // Only an invalidated waiver says why, in the words the warning used.
        Assert.Equal(new[] { null, null, null, "statement 'intro-customer-data' (line 1) changed since it was reviewed" }, register["waivers"]!.Select(w => (string?)w["reason"]));
        Assert.Equal("Outside", (string?)register["waivers"]![2]!["verdict"]);
        Assert.Equal("2020-01-31", (string?)register["waivers"]![2]!["expires"]);

        // Read back, the register is the same, so a report written from the file lists every waiver again.
        var run = ResultFileReader.Read(file);
        var ledger = Assert.Single(run.Waivers!);
        Assert.Equal(waivers.Ledger().Entries, ledger.Entries);
        Assert.Equal(waivers.Sha256, ledger.Sha256);

        // A status the module never writes is refused, not read as something else.
        register["waivers"]![0]!["status"] = "Approved";
        File.WriteAllText(file, json.ToString());
        Assert.Contains("status is not Applied, Unused, Expired, Invalidated", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_that_travelled_without_their_register_say_so_instead_of_listing_no_waivers()
    {
        var carried = new AssessmentContext(Policy, false, false);
        var eea = Policy.RegionIndex.Find("EEA")!;
        var results = Policy.Residency.Take(3).Select(r => BoundaryEvaluator.Evaluate(Policy, r, eea, BoundaryOptions.None, carried, null)).ToList();
        var json = JObject.Parse(File.ReadAllText(Write(results)));
        Assert.False((bool)json["waiverFilesKnown"]!);
        Assert.Empty((JArray)json["waiverFiles"]!);
        Assert.Null(ResultFileReader.Read(Write(results)).Waivers);
    }

    [Fact]
    public void A_file_is_read_whole_and_strictly_whatever_the_order_of_its_parts_and_however_deep_a_duplicate_key_hides()
    {
        var results = Run();
        var file = Write(results);
        var json = JObject.Parse(File.ReadAllText(file));

        // The results before the policy and the run's time (a file written by another tool) read the same.
        var reordered = new JObject(new JProperty("results", json["results"]), json.Properties().Where(p => p.Name != "results"));
        File.WriteAllText(file, reordered.ToString());
        var run = ResultFileReader.Read(file);
        Assert.Equal(results.Count, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(Policy.Sha256, r.PolicySha256));

        // A key named twice is refused in a result, in its waiver, and deep inside a finding's sources.
        var text = File.ReadAllText(file);
        foreach (var (from, to) in new[]
        {
            ("\"verdict\": \"Within\"", "\"verdict\": \"Within\", \"verdict\": \"Within\""),
            ("\"justification\": \"Ten minutes reviewed.\"", "\"justification\": \"Ten minutes reviewed.\", \"justification\": \"x\""),
            ("\"line\": 81", "\"line\": 81, \"line\": 82"),
        })
        {
            Assert.Contains(from, text);
            File.WriteAllText(file, text.Replace(from, to));
            Assert.Contains("twice", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_cut_off_anywhere_is_refused_never_read_as_a_shorter_run()
    {
        var results = Run().Take(3).ToList();
        var text = File.ReadAllText(Write(results));
        var cut = Path.Combine(_folder, "cut.json");
        var start = text.IndexOf("\"results\"", StringComparison.Ordinal);
        for (var length = start; length < text.TrimEnd().Length; length++)
        {
            File.WriteAllText(cut, text.AsSpan(0, length));
            Assert.Throws<ResultFileException>(() => ResultFileReader.Read(cut));
        }
    }

    [Fact]
    public void A_file_that_contradicts_itself_is_refused_a_row_removed_or_a_waiver_added_by_hand()
    {
        var waiverFile = Path.Combine(_folder, "waivers.json");
        File.WriteAllText(waiverFile, """{ "waivers": [ { "product": "Freshsales", "dataCategory": "Call recordings", "justification": "Ten minutes reviewed.", "approvedBy": "DPO", "expires": "2099-12-31" } ] }""");
        var waivers = WaiverLoader.LoadFile(waiverFile, Policy, _ => null, DateTime.UtcNow);
        var context = new AssessmentContext(Policy, false, false, () => new[] { waivers.Ledger() });
        var eea = Policy.RegionIndex.Find("EEA")!;
        var results = Policy.Residency.Where(r => r.Product is "Freshsales" or "Freshdesk").Select(r => BoundaryEvaluator.Evaluate(Policy, r, eea, BoundaryOptions.None, context, waivers)).ToList();
        var file = Write(results);
        Assert.Equal(results.Count, ResultFileReader.Read(file).Results.Count);
        var text = File.ReadAllText(file);

        // One result line removed: the summary still counts it.
        var lines = text.Split('\n').ToList();
        var outside = lines.FindIndex(l => l.Contains("\"verdict\":\"Outside\"", StringComparison.Ordinal));
        lines.RemoveAt(outside);
        File.WriteAllText(file, string.Join('\n', lines));
        Assert.Contains("removed or added", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);

        // A waiver written into an Outside result that no waiver of the register covered.
        var forged = text.Replace("\"verdict\":\"Outside\",\"staysInEea\":false,\"passed\":false,\"waived\":false,\"waiver\":null",
            "\"verdict\":\"Outside\",\"staysInEea\":false,\"passed\":false,\"waived\":true,\"waiver\":{\"justification\":\"Looks fine.\",\"approvedBy\":\"me\",\"expires\":\"2099-12-31\"}");
        Assert.NotEqual(text, forged);
        File.WriteAllText(file, forged);
        Assert.Contains("no waiver of the file's waiver register applied", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
    }
}
