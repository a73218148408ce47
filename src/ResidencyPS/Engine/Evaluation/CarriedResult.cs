using System;
using System.Collections.Generic;
using ResidencyPS.Engine.Text;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>
/// A result that left the session that computed it (a Start-Job, Export-Clixml or remoting copy, which arrives as
/// property values only) made whole again from the policy that computed it: evaluated again from its product,
/// category, hosting region and assumptions, then held to what it carried. Nothing it carried is trusted blindly: a
/// verdict that the policy does not give is refused, so an edited copy cannot pass.
/// </summary>
internal static class CarriedResult
{
    /// <summary>What a travelled result carries, as plain values.</summary>
    internal sealed record Values(string Product, string DataCategory, string HostingRegion, string Verdict, string PolicySha256,
        bool UsesIntegrations, bool CustomMailbox, bool Waived, string? WaiverJustification, string? WaiverApprovedBy, DateTime? WaiverExpires, string? FirstFinding,
        int? InputRow = null, DateTime? RunUtc = null, IReadOnlyList<KeyValuePair<string, string>>? InputColumns = null);

    /// <summary>
    /// The result rebuilt on <paramref name="policy"/>, or null with <paramref name="problem"/> saying why not. The
    /// caller has checked the SHA-256; <paramref name="contexts"/> gives one shared context per set of assumptions.
    /// </summary>
    public static EeaBoundaryResult? Rebuild(ResidencyPolicy policy, Values values, Func<bool, bool, AssessmentContext> contexts, out string? problem)
    {
        var result = Build(policy, values, contexts, out problem);
        if (result != null)
        {
            result.InputRow = values.InputRow;
            result.InputColumns = values.InputColumns == null || values.InputColumns.Count == 0 ? ResidencyPS.InputColumns.None : new InputColumns(values.InputColumns);
        }

        return result;
    }

    private static EeaBoundaryResult? Build(ResidencyPolicy policy, Values values, Func<bool, bool, AssessmentContext> contexts, out string? problem)
    {
        problem = null;
        var context = contexts(values.UsesIntegrations, values.CustomMailbox);
        // The name exactly: Enum.TryParse also takes "2" and " Outside ".
        if (Array.IndexOf(Enum.GetNames(typeof(Verdict)), values.Verdict) < 0 || !Enum.TryParse<Verdict>(values.Verdict, ignoreCase: false, out var verdict))
        {
            problem = "its verdict '" + values.Verdict + "' is not one the module gives";
            return null;
        }

        if (verdict == Verdict.NotEvaluated)
        {
            return values.Waived
                ? Refuse(out problem, "a row that could not be evaluated is never waived")
                : BoundaryEvaluator.NotEvaluated(context, values.Product, values.DataCategory, values.HostingRegion, values.FirstFinding ?? "The input could not be evaluated.");
        }

        var product = policy.ProductIndex.Find(values.Product);
        var category = policy.CategoryIndex.Find(values.DataCategory);
        var hosting = policy.RegionIndex.Find(values.HostingRegion);
        var record = product != null && category != null ? policy.Find(product, category) : null;
        if (record == null || hosting == null)
        {
            return Refuse(out problem, "the policy has no " + values.Product + " / " + values.DataCategory + " hosted in " + values.HostingRegion);
        }

        var options = (values.UsesIntegrations ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None) | (values.CustomMailbox ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
        var again = BoundaryEvaluator.Evaluate(policy, record, hosting, options, context);
        if (again.Verdict != verdict)
        {
            return Refuse(out problem, "it says " + verdict + ", but the policy gives " + again.Verdict + " for it");
        }

        if (!values.Waived)
        {
            return again;
        }

        // A waiver file refuses a blank justification, a verdict no waiver covers and an expired waiver; a carried one is
        // held to the same rules, on the day of its run where the file says it (a saved run keeps the waivers current then).
        if (Array.IndexOf(WaiverLoader.WaivableVerdicts, verdict) < 0 || string.IsNullOrWhiteSpace(values.WaiverJustification) || values.WaiverExpires == null)
        {
            return Refuse(out problem, "it says it was waived but carries no justification and expiry, or needed no waiver");
        }

        var waiver = new Waiver(0, record.Product, record.DataCategory, verdict, values.WaiverJustification!, values.WaiverApprovedBy, values.WaiverExpires.Value,
            new HashSet<string>(StringComparer.Ordinal) { record.Product }, new HashSet<string>(StringComparer.Ordinal) { record.DataCategory });
        var runDay = values.RunUtc ?? DateTime.UtcNow;
        if (!waiver.CurrentOn(runDay))
        {
            return Refuse(out problem, "its waiver expired on " + IsoDate.Day(waiver.Expires)
                + ", before " + (values.RunUtc == null ? "today" : "the run of " + IsoDate.Day(runDay)));
        }

        return new EeaBoundaryResult(context, again.Product, again.DataCategory, again.HostingRegion, again.Verdict, again.Basis, (FindingList)again.Findings, waiver, again.Conflict);
    }

    private static EeaBoundaryResult? Refuse(out string? problem, string why)
    {
        problem = why;
        return null;
    }
}

/// <summary>
/// One shared context per set of assumptions for the results rebuilt in one command, as Test-EeaBoundary shares one
/// per run: the reports group the assumptions by them.
/// </summary>
internal sealed class CarriedContexts
{
    private readonly ResidencyPolicy _policy;
    private readonly Func<IReadOnlyList<WaiverLedger>>? _waivers;
    private readonly Dictionary<(bool, bool), AssessmentContext> _contexts = new Dictionary<(bool, bool), AssessmentContext>();

    /// <summary>Contexts on <paramref name="policy"/>; <paramref name="waivers"/> is the run's waiver register when it came along (a result file), null when not.</summary>
    public CarriedContexts(ResidencyPolicy policy, Func<IReadOnlyList<WaiverLedger>>? waivers = null)
    {
        _policy = policy;
        _waivers = waivers;
    }

    /// <summary>The context of results that assumed these integrations and custom mailbox answers.</summary>
    public AssessmentContext For(bool usesIntegrations, bool customMailbox)
    {
        if (!_contexts.TryGetValue((usesIntegrations, customMailbox), out var context))
        {
            _contexts.Add((usesIntegrations, customMailbox), context = new AssessmentContext(_policy, usesIntegrations, customMailbox, _waivers));
        }

        return context;
    }
}
