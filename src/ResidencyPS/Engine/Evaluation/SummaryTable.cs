using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>
/// One summary per product and hosting region, in one order wherever summaries are shown (Test-EeaBoundary -Summary,
/// every report, the result file): the policy's product order, then its region order, then the order results came in
/// (a product or region the policy does not know, from a row that could not be evaluated, comes last).
/// </summary>
internal sealed class SummaryTable
{
    private readonly Dictionary<string, EeaBoundarySummary> _byKey = new Dictionary<string, EeaBoundarySummary>(StringComparer.Ordinal);
    private readonly List<EeaBoundarySummary> _firstSeen = new List<EeaBoundarySummary>();

    /// <summary>The summaries of <paramref name="results"/>.</summary>
    public static IReadOnlyList<EeaBoundarySummary> Of(ResidencyPolicy policy, IEnumerable<EeaBoundaryResult> results)
    {
        var table = new SummaryTable();
        foreach (var result in results)
        {
            table.Add(result);
        }

        return table.InPolicyOrder(policy);
    }

    /// <summary>Counts <paramref name="result"/> in its product's and hosting region's summary.</summary>
    public void Add(EeaBoundaryResult result)
    {
        var key = result.Product + "\n" + result.HostingRegion;
        if (!_byKey.TryGetValue(key, out var summary))
        {
            _byKey.Add(key, summary = new EeaBoundarySummary(result.Context, result.Product, result.HostingRegion));
            _firstSeen.Add(summary);
        }

        summary.Add(result);
    }

    /// <summary>The summaries in the policy's order (a stable sort keeps the order results came in among equals).</summary>
    public IReadOnlyList<EeaBoundarySummary> InPolicyOrder(ResidencyPolicy policy)
    {
        var products = Ranks(policy.ProductIndex.Items.Select(p => p.Name));
        var regions = Ranks(policy.RegionIndex.Items.Select(r => r.Code));
        return _firstSeen.OrderBy(s => Rank(products, s.Product)).ThenBy(s => Rank(regions, s.HostingRegion)).ToList();
    }

    private static Dictionary<string, int> Ranks(IEnumerable<string> order)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            ranks[name] = ranks.Count;
        }

        return ranks;
    }

    private static int Rank(Dictionary<string, int> order, string name) => order.TryGetValue(name, out var index) ? index : int.MaxValue;
}
