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
}
