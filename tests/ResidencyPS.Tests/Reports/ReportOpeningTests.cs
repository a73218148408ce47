using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 23, point 2: the markdown report, like the HTML one, opens with the overall verdict, the summary and a
/// sign-off block before the provenance, cites each result's source lines and carries the waiver register, or says
/// why it has none.
/// </summary>
public sealed class ReportOpeningTests
{
    private static string Markdown(IReadOnlyList<EeaBoundaryResult> results)
    {
        using var writer = new StringWriter();
        MarkdownReportWriter.Write(new ReportData(SampleRun.Policy, results, DateTime.UtcNow), writer);
        return writer.ToString();
    }

    [Fact]
    public void Markdown_opens_with_the_verdict_summary_and_sign_off_then_provenance_and_the_waiver_register()
    {
        var results = SampleRun.Every(
            "{\"product\":\"Freshsales\",\"dataCategory\":\"Call recordings\",\"justification\":\"Ten minutes reviewed.\",\"approvedBy\":\"DPO\",\"expires\":\"2099-12-31\"}",
            BoundaryOptions.None, "Zendesk");
        var text = Markdown(results);
        var failed = results.Count(r => !r.Passed);
        var order = new[] { "# Data residency report", "**NOT PASSED\\: " + failed + " of " + results.Count + " results did not pass (1 could not be evaluated); 1 passed only because a waiver covers them.**",
            "## Summary by product", "## Sign-off", "| Reviewed by |  |", "| Signature |  |", "## Provenance", "## Waiver register", "## EEA boundary" }
            .Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0, text));
        Assert.Equal(order.OrderBy(i => i), order);

        // The sample run's results carry no register (their context was built without one): the report says so.
        Assert.Contains("came without their run's waiver register", text);
        Assert.Contains("| line 81 |", text);
    }

    [Fact]
    public void A_report_without_waivers_says_none_was_used_and_a_passing_run_says_passed()
    {
        var policy = SampleRun.Policy;
        var eea = policy.RegionIndex.Find("EEA")!;
        var within = policy.Residency.Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None, AssessmentContext.Default(policy), null))
            .Where(r => r.Verdict == Verdict.Within).ToList();
        var text = Markdown(within);
        Assert.Contains("**PASSED\\: all " + within.Count + " results passed.**", text);
        // Escaped as every text of the markdown report is: the colon reads as a colon.
        Assert.Contains("No waiver file was used\\: every result stands as the policy gives it.", text);
    }
}
