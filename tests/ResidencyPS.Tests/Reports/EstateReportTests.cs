using System.Text.RegularExpressions;
using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// One report of several vendors (issue 22, point 3): two fictional vendors that both sell Widgetry, each row tested
/// against its own vendor's policy. Every format that takes several vendors keeps each vendor's facts under its own
/// name and provenance, every row in input order, and the result file reads back into the same rows.
/// </summary>
public sealed class EstateReportTests : IDisposable
{
    private static readonly JsonSchema Schema = ResultFileTests.Schema;
    private static readonly ResidencyPolicy Acme = new FictionalPolicy().Data("Orders", "Stated", "EEA").DataOf("Gadgetry", "Orders", "Stated", "EEA").Load();
    private static readonly ResidencyPolicy Globex = new FictionalPolicy("Globex (fictional)").Data("Orders", "Stated", "US").DataOf("Gizmo", "Orders", "Stated", "US").Load();
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-estate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Rows 1-4: Globex's Widgetry, Acme's Gadgetry, Globex's Gizmo, Acme's Widgetry; each carrying an Owner column.
    private static EstateData Estate()
    {
        var output = new CollectedOutput();
        var set = new PolicySet(new[] { Acme, Globex });
        var estate = new EstateCheck(set, p => new BoundaryCheck(AssessmentContext.Default(p), null, null, new StarWildcards(), output), new StarWildcards());
        var rows = new[] { (Globex, "Widgetry"), (Acme, "Gadgetry"), (Globex, "Gizmo"), (Acme, "Widgetry") };
        for (var i = 0; i < rows.Length; i++)
        {
            var columns = new InputColumns(new[] { new KeyValuePair<string, string>("Owner", "team " + (i + 1)) });
            estate[rows[i].Item1].Check(new CheckInput(new[] { rows[i].Item2 }, true, null, true, null, true, i + 1, columns));
        }

        return new EstateData(set.Policies, output.Results, r => r.PolicyVendor == Acme.Vendor ? Acme : Globex, DateTime.UtcNow);
    }

    private static string Written(Action<TextWriter> write)
    {
        using var text = new StringWriter();
        write(text);
        return text.ToString();
    }

    [Fact]
    public void The_html_and_markdown_pages_give_each_vendor_its_own_heading_provenance_and_findings_and_a_summary_by_vendor()
    {
        var estate = Estate();
        var html = Written(w => HtmlReportWriter.WriteEstate(estate, w));
        Assert.Contains("<h1>Data residency report: Acme Widgets (fictional), Globex (fictional)</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Vendor</th><th>Product</th>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"vendor-1\">Acme Widgets (fictional)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"vendor-2-matrix\">", html, StringComparison.Ordinal);
        Assert.Contains(Acme.Sha256, html, StringComparison.Ordinal);
        Assert.Contains(Globex.Sha256, html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"verdict\" class=\"verdict Outside\">NOT PASSED: 2 of 4 results did not pass.</p>", html, StringComparison.Ordinal);
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Globex's part holds Globex's rows only: its Widgetry is the US one, Outside.
        var globex = html[html.IndexOf("<h2 id=\"vendor-2\">", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Gadgetry", globex[globex.IndexOf("id=\"vendor-2-boundary-results\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var markdown = Written(w => MarkdownReportWriter.WriteEstate(estate, w));
        Assert.Contains("\n## Acme Widgets (fictional)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Provenance\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Vendor | Product |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_reports_every_row_in_input_order_each_with_its_vendor_and_own_columns()
    {
        var lines = Written(w => CsvReportWriter.WriteEstate(Estate(), w)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",\"Input.Owner\"", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Equal(new[] { "\"1\",\"Globex (fictional)\",\"Widgetry\"", "\"2\",\"Acme Widgets (fictional)\",\"Gadgetry\"", "\"3\",\"Globex (fictional)\",\"Gizmo\"", "\"4\",\"Acme Widgets (fictional)\",\"Widgetry\"" },
            lines.Skip(1).Select(l => string.Join(",", l.Split(',').Take(3))));
    }

    [Fact]
    public void The_result_file_of_several_vendors_satisfies_the_schema_and_reads_back_each_row_with_its_policy()
    {
        var estate = Estate();
        var file = Path.Combine(_folder, "estate.json");
        File.WriteAllText(file, Written(w => ResultFile.WriteEstate(estate, w, Guid.NewGuid())));
        var text = File.ReadAllText(file);
        var evaluation = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("; ", (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).Select(d => d.InstanceLocation + ": " + string.Join(", ", d.Errors!.Values))));
        var json = JObject.Parse(text);
        Assert.Equal("1.1", (string?)json["schemaVersion"]);
        Assert.Equal(new[] { Acme.Vendor, Globex.Vendor }, json["policies"]!.Select(p => (string?)p["vendor"]));
        Assert.Equal(new[] { "Globex (fictional)", "Globex (fictional)", "Acme Widgets (fictional)", "Acme Widgets (fictional)" }.Order(), json["summary"]!.Select(s => (string?)s["vendor"]).Order());

        var run = ResultFileReader.Read(file);
        Assert.Equal(new[] { Acme.Sha256, Globex.Sha256 }, run.Policies.Select(p => p.Sha256));
        Assert.Equal(new[] { Globex.Sha256, Acme.Sha256, Globex.Sha256, Acme.Sha256 }, run.Results.Select(r => r.PolicySha256));
        Assert.Equal(new int?[] { 1, 2, 3, 4 }, run.Results.Select(r => r.InputRow));

        // A result moved to a policy the file does not hold, or to the other vendor (the summary then miscounts), is refused.
        var other = JObject.Parse(text);
        other["results"]![0]!["policySha256"] = new string('0', 64);
        File.WriteAllText(file, other.ToString());
        Assert.Contains("not among the file's policies", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);
        other["results"]![0]!["policySha256"] = Acme.Sha256;
        File.WriteAllText(file, other.ToString());
        Assert.Contains("results were removed or added", Assert.Throws<ResultFileException>(() => ResultFileReader.Read(file)).Message, StringComparison.Ordinal);

        // The schema holds the two shapes apart: policies in a 1.0 file is invalid.
        var mixed = JObject.Parse(text);
        mixed["schemaVersion"] = "1.0";
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(mixed.ToString()).RootElement).IsValid);
    }

    [Fact]
    public void JUnit_and_the_article_30_record_name_each_suite_and_part_by_its_vendor()
    {
        var estate = Estate();
        var junit = Written(w => JUnitWriter.WriteEstate(estate, w));
        Assert.Contains("name=\"Globex (fictional): Widgetry, hosted in EEA\"", junit, StringComparison.Ordinal);
        Assert.Contains("name=\"Acme Widgets (fictional): Widgetry, hosted in EEA\"", junit, StringComparison.Ordinal);
        Assert.Contains("tests=\"4\"", junit, StringComparison.Ordinal);

        var record = Written(w => Article30Writer.WriteEstateHtml(estate, w));
        Assert.Contains("<h2 id=\"vendor-2\" class=\"vendor\">Globex (fictional)</h2>", record, StringComparison.Ordinal);
        var ids = Regex.Matches(record, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var csv = Written(w => Article30Writer.WriteEstateCsv(estate, w, ',')).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Vendor,Product,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv.Skip(1), l => l.StartsWith("\"Globex (fictional)\",\"Gizmo\"", StringComparison.Ordinal));
    }
}
