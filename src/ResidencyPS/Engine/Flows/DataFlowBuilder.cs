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
                    flows.Add(new DataFlow(owner: policy, product: record.Product, dataCategory: record.DataCategory, hostingRegion: hosting.Code,
                        activity: DataActivity.Integration, location: finding.Destination ?? Unknown, platforms: Array.Empty<string>(),
                        leavesEea: finding.Effect == FindingEffect.Outside ? LeavesEea.Yes : LeavesEea.May, duration: null, durationText: null, afterPeriod: null,
                        condition: "Only when the customer uses integrations or third-party applications.", basis: finding.Basis, conflict: null, source: finding.Source));
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
        return new DataFlow(owner: policy, product: record.Product, dataCategory: record.DataCategory, hostingRegion: hosting.Code, activity: record.Activity,
            location: location, platforms: record.Platforms, leavesEea: Leaves(policy, location), duration: null, durationText: null, afterPeriod: null, condition: null,
            basis: record.Basis, conflict: record.Conflict, source: record.Source);
    }

    private static DataFlow Retention(ResidencyPolicy policy, RetentionRule rule, string dataCategory, HostingRegionInfo hosting, DataActivity activity,
        string? condition = null) =>
        new DataFlow(owner: policy, product: rule.Product, dataCategory: dataCategory, hostingRegion: hosting.Code, activity: activity, location: rule.StorageLocation,
            platforms: Array.Empty<string>(), leavesEea: Leaves(policy, rule.StorageLocation), duration: rule.Period, durationText: rule.PeriodText,
            afterPeriod: rule.AfterWithDelay, condition: condition, basis: rule.Basis, conflict: rule.Conflict, source: rule.Source,
            durationInWords: rule.PeriodValue == null ? null : rule.PeriodInWords);

    // A rule that keeps the data somewhere else for a while and then moves it on is a transit, not a storage place.
    private static bool MovesOn(RetentionRule rule, HostingRegionInfo hosting) =>
        rule.AfterPeriod == RetentionOutcome.MovedToRegion && rule.HostingRegion.ContainsCode(hosting.Code) && rule.StorageLocation != hosting.Code;

    private static bool Names(ResidencyPolicy policy, string subject, DataCategoryInfo category) =>
        ReferenceEquals(policy.CategoryIndex.Find(subject), category);

    private static LeavesEea Leaves(ResidencyPolicy policy, string location) =>
        location == Unknown ? LeavesEea.Unknown : policy.RegionIndex.Find(location)?.IsEea == true ? LeavesEea.No : LeavesEea.Yes;
}
