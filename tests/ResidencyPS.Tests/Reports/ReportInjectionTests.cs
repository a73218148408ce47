using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Reports;

/// <summary>What a report does with hostile text: CSV cells never start a formula; HTML allows nothing to load or run.</summary>
public class ReportInjectionTests
{
    private static ReportData Data(params EeaBoundaryResult[] results) => new(PolicyStore.Embedded, results, new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void A_CSV_cell_that_would_start_a_formula_starts_with_a_quote(string payload)
    {
        var context = AssessmentContext.Default(PolicyStore.Embedded);
        var result = BoundaryEvaluator.NotEvaluated(context, payload, payload, payload, "reason");
        using var writer = new StringWriter();
        CsvReportWriter.Write(Data(result), writer);
        var row = writer.ToString().Split('\n')[1];

        // A control character from an inventory arrives shown as \uXXXX (inert text); the writer still guards any cell.
        var shown = ResidencyPS.Engine.Text.InertText.Escape(payload);
        Assert.Contains(shown == payload ? "\"'" + payload.Replace("\"", "\"\"") + "\"" : "\"" + shown + "\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"" + payload[0], row, StringComparison.Ordinal);
        Assert.Equal("\"'" + payload.Replace("\"", "\"\"") + "\"", CsvReportWriter.Quote(payload));
    }

    [Fact]
    public void The_HTML_report_declares_a_content_security_policy_that_loads_and_runs_nothing()
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(Data(), writer);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_CSV_report_cites_statements_by_line_so_its_size_follows_the_results_not_the_statements()
    {
        // One long statement cited by every row made a 542 KB policy a 200 MB CSV report (issue 25, finding 4).
        var json = ResidencyPS.Tests.Infrastructure.EmbeddedPolicyJson.Mutate(doc =>
        {
            var statement = doc["statements"]!.First(s => (string?)s["id"] == "hosting-custom-mailbox")!;
            statement["text"] = string.Join(" ", Enumerable.Repeat("Voor klanten gehost in de EER met een aangepaste mailbox.", 4000));
        });
        var policy = PolicyLoader.Load(new StringReader(json), "long-statement.json");
        var eea = policy.RegionIndex.Find("EEA")!;
        var results = policy.Residency.Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None)).ToList();
        using var writer = new StringWriter();
        CsvReportWriter.Write(new ResidencyPS.Reports.ReportData(policy, results, new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)), writer);
        var csv = writer.ToString();
        Assert.Contains("line 21", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("aangepaste mailbox. Voor klanten", csv, StringComparison.Ordinal);
        Assert.True(csv.Length < json.Length / 2, $"a CSV of {csv.Length:N0} characters from a policy of {json.Length:N0}");
    }
}
