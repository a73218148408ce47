using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// The CSV report's Input.&lt;name&gt; columns are every row's own columns: a mixed inventory lost every column past the
/// 64th across all rows, silently. Past <see cref="ReportData.MaxReportColumns"/> the count left out is known, for a warning.
/// </summary>
public sealed class ReportColumnsTests
{
    private static List<EeaBoundaryResult> Rows(int rows, int columnsEach)
    {
        var context = AssessmentContext.Default(SampleRun.Policy);
        return Enumerable.Range(0, rows).Select(row =>
        {
            var result = BoundaryEvaluator.NotEvaluated(context, "Freshdesk", "Ticket data", "EEA", "test");
            result.InputRow = row + 1;
            result.InputColumns = new InputColumns(Enumerable.Range(0, columnsEach).Select(i => new KeyValuePair<string, string>("r" + row + "c" + i, "v")).ToList());
            return result;
        }).ToList();
    }

    [Fact]
    public void Every_rows_own_columns_have_a_column_in_the_csv_report()
    {
        var data = new ReportData(SampleRun.Policy, Rows(3, 60), DateTime.UtcNow);
        Assert.Equal(180, data.InputColumnNames.Count);
        Assert.Equal(0, data.InputColumnsLeftOut);

        using var writer = new StringWriter();
        CsvReportWriter.Write(data, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"Input.r2c59\"", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("\"v\"", lines[3].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_reports_limit_the_names_left_out_are_counted_not_lost_silently()
    {
        var data = new ReportData(SampleRun.Policy, Rows(20, 60), DateTime.UtcNow);
        Assert.Equal(ReportData.MaxReportColumns, data.InputColumnNames.Count);
        Assert.Equal(20 * 60 - ReportData.MaxReportColumns, data.InputColumnsLeftOut);
    }
}
