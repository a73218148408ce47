using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Engine.Evaluation;

/// <summary>
/// Issue 19, point 3: summaries are grouped once, in one order, wherever they are shown; Test-EeaBoundary -Summary and
/// the reports once grouped them separately, one in the policy's order and one in the results' order.
/// </summary>
public sealed class SummaryTableTests
{
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static EeaBoundaryResult Result(string product, string region) =>
        BoundaryEvaluator.Evaluate(Policy, Policy.ResidencyOf(Policy.ProductIndex.Find(product)!)[0], Policy.RegionIndex.Find(region)!, BoundaryOptions.None);

    [Fact]
    public void Summaries_come_in_the_policys_product_and_region_order_with_unknown_names_last()
    {
        var context = AssessmentContext.Default(Policy);
        var results = new[]
        {
            Result("Freshsales", "US"), BoundaryEvaluator.NotEvaluated(context, "Mystery", "Data", "EEA", "no such product"),
            Result("Freshdesk", "US"), Result("Freshsales", "EEA"), Result("Freshdesk", "EEA"), Result("Freshdesk", "EEA"),
        };
        var summaries = SummaryTable.Of(Policy, results);
        // The policy lists Freshdesk before Freshsales; its regions in its own order, whatever order the rows came in.
        var regions = Policy.RegionIndex.Items.Select(r => r.Code).Where(c => c is "US" or "EEA").ToList();
        var expected = new[] { "Freshdesk", "Freshsales" }.SelectMany(p => regions.Select(r => p + "/" + r)).Append("Mystery/EEA");
        Assert.Equal(expected, summaries.Select(s => s.Product + "/" + s.HostingRegion));
        Assert.Equal(2, summaries.Single(s => s.Product == "Freshdesk" && s.HostingRegion == "EEA").Tested);
        Assert.Equal(results.Length, summaries.Sum(s => s.Tested));
        Assert.Equal(summaries.Select(s => s.Product + "/" + s.HostingRegion), new ReportData(Policy, results, DateTime.UtcNow).Summaries.Select(s => s.Product + "/" + s.HostingRegion));
    }
}
