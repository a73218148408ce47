using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Comparison;

/// <summary>
/// What a change between two policies means for data residency in the EEA. Weakens: a region outside the EEA
/// added to a record, the EEA removed, a stated place becoming unknown, a longer stay outside the EEA, a rule that
/// takes data out becoming broader or harsher. Strengthens: the reverse. Everything else is Neutral. When a
/// change does both, it weakens: a scheduled check should alert rather than miss one.
/// </summary>
internal static class Impacts
{
    public static ChangeImpact OfRegions(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var outsideBefore = new HashSet<string>(before.Where(r => r != RegionCodes.Eea), StringComparer.OrdinalIgnoreCase);
        var outsideAfter = new HashSet<string>(after.Where(r => r != RegionCodes.Eea), StringComparer.OrdinalIgnoreCase);
        var eeaBefore = before.Contains(RegionCodes.Eea);
        var eeaAfter = after.Contains(RegionCodes.Eea);
        var weakens = outsideAfter.Except(outsideBefore).Any() || (eeaBefore && !eeaAfter) || (before.Count > 0 && after.Count == 0);
        var strengthens = outsideBefore.Except(outsideAfter).Any() || (!eeaBefore && eeaAfter) || (before.Count == 0 && after.Count > 0);
        return weakens ? ChangeImpact.Weakens : strengthens ? ChangeImpact.Strengthens : ChangeImpact.Neutral;
    }

    /// <summary>A stay at <paramref name="location"/> (outside the EEA, or anywhere a rule sends data when null) that got longer or shorter.</summary>
    public static ChangeImpact OfStay(string? location, TimeSpan? before, TimeSpan? after)
    {
        if (string.Equals(location, RegionCodes.Eea, StringComparison.OrdinalIgnoreCase) || before == after)
        {
            return ChangeImpact.Neutral;
        }

        // No stated period is no promise: losing one weakens, gaining one strengthens.
        if (before == null || after == null)
        {
            return after == null ? ChangeImpact.Weakens : ChangeImpact.Strengthens;
        }

        return after > before ? ChangeImpact.Weakens : ChangeImpact.Strengthens;
    }

    public static bool TakesDataOut(FindingEffect effect) =>
        effect == FindingEffect.Outside || effect == FindingEffect.Transient || effect == FindingEffect.Unknown;

    public static ChangeImpact OfEffect(FindingEffect before, FindingEffect after) =>
        Severity(after) > Severity(before) ? ChangeImpact.Weakens : Severity(after) < Severity(before) ? ChangeImpact.Strengthens : ChangeImpact.Neutral;

    /// <summary>A rule that is new (removed rules take the reverse).</summary>
    public static ChangeImpact OfNewRule(FindingEffect effect) =>
        TakesDataOut(effect) ? ChangeImpact.Weakens : effect == FindingEffect.Within ? ChangeImpact.Strengthens : ChangeImpact.Neutral;

    /// <summary>A rule's products, categories or hosting regions (empty means all) that grew or shrank.</summary>
    public static ChangeImpact OfSet(int direction, HashSet<string> before, HashSet<string> after)
    {
        var broader = (before.Count > 0 && after.Count == 0) || (after.Count > 0 && before.Count > 0 && after.Except(before, StringComparer.OrdinalIgnoreCase).Any());
        var narrower = (before.Count == 0 && after.Count > 0) || (before.Count > 0 && after.Count > 0 && before.Except(after, StringComparer.OrdinalIgnoreCase).Any());
        return OfScope(direction, broader && !narrower ? 1 : narrower && !broader ? -1 : broader ? 1 : 0);
    }

    /// <summary>A rule whose condition changed: applying always is broader than applying under a condition.</summary>
    public static ChangeImpact OfScope(int direction, bool alwaysBefore, bool alwaysAfter) =>
        OfScope(direction, alwaysAfter && !alwaysBefore ? 1 : alwaysBefore && !alwaysAfter ? -1 : 0);

    /// <summary>Which way a rule pushes data: 1 takes it out (Outside, Transient, Unknown), -1 keeps it in (Within), 0 neither (Info).</summary>
    public static int Direction(FindingEffect before, FindingEffect after) =>
        TakesDataOut(before) || TakesDataOut(after) ? 1 : before == FindingEffect.Within || after == FindingEffect.Within ? -1 : 0;

    private static ChangeImpact OfScope(int direction, int growth)
    {
        if (growth == 0 || direction == 0)
        {
            return ChangeImpact.Neutral;
        }

        // A broader rule that takes data out weakens; a broader rule that keeps it in strengthens.
        return growth * direction > 0 ? ChangeImpact.Weakens : ChangeImpact.Strengthens;
    }

    private static int Severity(FindingEffect effect) => effect switch
    {
        FindingEffect.Outside => 3,
        FindingEffect.Unknown => 2,
        FindingEffect.Transient => 1,
        _ => 0,
    };
}
