using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Evaluation;

namespace ResidencyPS.Engine.Flows;

/// <summary>
/// Reads the data flows of one product hosted in one region from the policy itself (no second dataset): where each
/// data category is stored or processed (residency records), where it passes through (retention rules that move it
/// on), where logs and backups are kept (retention rules), and, with integrations, what leaves through them (rules
/// with an activity). A flow the policy does not state is never made up.
/// </summary>
internal static class DataFlowBuilder
{
    private const string Unknown = "Unknown";

    /// <summary>Every flow of <paramref name="product"/> hosted in <paramref name="hosting"/>, in policy order.</summary>
    public static List<DataFlow> Flows(ResidencyPolicy policy, ProductInfo product, HostingRegionInfo hosting, BoundaryOptions options,
        Func<DataCategoryInfo, bool> includeCategory, Func<string, bool> includeSubject)
    {
        var flows = new List<DataFlow>();
        foreach (var record in policy.ResidencyOf(product).Where(r => includeCategory(r.Category)))
        {
            flows.Add(Primary(policy, record, hosting));
            foreach (var rule in policy.RetentionOf(product).Where(r => MovesOn(r, hosting) && Names(policy, r.Subject, record.Category)))
            {
                flows.Add(Retention(policy, rule, record.DataCategory, hosting, DataActivity.Transit));
            }

            if ((options & BoundaryOptions.UsesIntegrations) != 0)
            {
                foreach (var rule in policy.Rules.Where(r => r.Activity == DataActivity.Integration && r.Covers(record, hosting)))
                {
                    var finding = rule.Finding;
                    flows.Add(new DataFlow(policy, record.Product, record.DataCategory, hosting.Code, DataActivity.Integration, finding.Destination ?? Unknown,
                        Array.Empty<string>(), finding.Effect == FindingEffect.Outside ? LeavesEea.Yes : LeavesEea.May, null, null, null,
                        "Only when the customer uses integrations or third-party applications.", finding.Basis, null, finding.Source));
                }
            }
        }

        // Logs and backups are kept "in de respectieve host-regio" for every product: a product the text does not offer in
        // the region asked about is hosted where it is offered, so its logs and backups are those of that region, never none.
        var offeredIn = Offering.RegionsOf(policy, product);
        var offered = Offering.IsOffered(offeredIn, hosting);
        var hostRegions = offered ? new[] { hosting.Code } : offeredIn.ToArray();
        var condition = offered ? null : product.Name + " is offered only in " + string.Join(", ", hostRegions) + ": kept in its host region there.";
        foreach (var rule in policy.RetentionOf(product).Where(r => hostRegions.Any(r.HostingRegion.ContainsCode) && includeSubject(r.Subject)))
        {
            // What keeping the subject is comes from the policy (a subject's activity), never from its id.
            if (policy.SubjectIndex.Find(rule.Subject)?.Activity is DataActivity kept)
            {
                flows.Add(Retention(policy, rule, rule.Subject, hosting, kept, condition));
            }
        }

        return flows;
    }

    private static DataFlow Primary(ResidencyPolicy policy, DataResidencyInfo record, HostingRegionInfo hosting)
    {
        var location = record.Regions.ContainsCode(hosting.Code) ? hosting.Code : record.Regions.Count == 1 ? record.Regions[0] : Unknown;
        return new DataFlow(policy, record.Product, record.DataCategory, hosting.Code, record.Activity, location, record.Platforms, Leaves(policy, location),
            null, null, null, null, record.Basis, record.Conflict, record.Source);
    }

    private static DataFlow Retention(ResidencyPolicy policy, RetentionRule rule, string dataCategory, HostingRegionInfo hosting, DataActivity activity,
        string? condition = null) =>
        new DataFlow(policy, rule.Product, dataCategory, hosting.Code, activity, rule.StorageLocation, Array.Empty<string>(), Leaves(policy, rule.StorageLocation),
            rule.Period, rule.PeriodText, rule.AfterWithDelay, condition, rule.Basis, rule.Conflict, rule.Source, rule.PeriodValue == null ? null : rule.PeriodInWords);

    // A rule that keeps the data somewhere else for a while and then moves it on is a transit, not a storage place.
    private static bool MovesOn(RetentionRule rule, HostingRegionInfo hosting) =>
        rule.AfterPeriod == RetentionOutcome.MovedToRegion && rule.HostingRegion.ContainsCode(hosting.Code) && rule.StorageLocation != hosting.Code;

    private static bool Names(ResidencyPolicy policy, string subject, DataCategoryInfo category) =>
        ReferenceEquals(policy.CategoryIndex.Find(subject), category);

    private static LeavesEea Leaves(ResidencyPolicy policy, string location) =>
        location == Unknown ? LeavesEea.Unknown : policy.RegionIndex.Find(location)?.IsEea == true ? LeavesEea.No : LeavesEea.Yes;
}
