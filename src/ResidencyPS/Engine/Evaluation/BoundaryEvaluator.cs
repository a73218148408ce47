using System;
using System.Collections.Generic;
using System.Threading;
using ResidencyPS.Engine.Text;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>The facts of the customer's set-up that change an EEA boundary answer.</summary>
[Flags]
internal enum BoundaryOptions
{
    /// <summary>No integrations, no custom mailbox.</summary>
    None = 0,

    /// <summary>The customer uses integrations or third-party applications.</summary>
    UsesIntegrations = 1,

    /// <summary>The customer has a custom mailbox.</summary>
    CustomMailbox = 2,
}

/// <summary>The part of a boundary result that depends only on the record, the hosting region and the options.</summary>
internal sealed record BoundaryOutcome(Verdict Verdict, Basis Basis, FindingList Findings)
{
    /// <summary>How many distinct <see cref="BoundaryOptions"/> values there are.</summary>
    public const int OptionSets = 4;
}

/// <summary>Decides whether one data category of one product stays inside the EEA.</summary>
internal static class BoundaryEvaluator
{
    /// <summary>The rule name of the finding about where the data is hosted.</summary>
    public const string HostingRule = "Hosting";

    /// <summary>The rule name of the finding that says why an input could not be evaluated.</summary>
    public const string NotEvaluatedRule = "NotEvaluated";

    /// <summary>
    /// Evaluates <paramref name="record"/> for a customer hosted in <paramref name="hosting"/>; a current waiver in
    /// <paramref name="waivers"/> that covers the result marks it passed, without changing its verdict.
    /// </summary>
    public static EeaBoundaryResult Evaluate(ResidencyPolicy policy, DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options,
        AssessmentContext? context = null, WaiverSet? waivers = null)
    {
        if ((uint)options >= BoundaryOutcome.OptionSets)
        {
            throw new ArgumentOutOfRangeException(nameof(options));
        }

        ref var slot = ref policy.OutcomeSlot(record, hosting, options);
        var outcome = Volatile.Read(ref slot);
        if (outcome == null)
        {
            // Two threads may both compute it; the outcomes are equal and immutable, so either may win.
            outcome = Compute(policy, record, hosting, options);
            Volatile.Write(ref slot, outcome);
        }

        var waiver = outcome.Verdict == Verdict.Within ? null : waivers?.Find(record.Product, record.DataCategory, outcome.Verdict);
        return new EeaBoundaryResult(context ?? AssessmentContext.Default(policy), record.Product, record.DataCategory, hosting.Code,
            outcome.Verdict, outcome.Basis, outcome.Findings, waiver, record.Conflict);
    }

    /// <summary>
    /// The result of an input that could not be evaluated: the values as given, verdict NotEvaluated, and the reason as
    /// its one finding, so the row still comes out (and counts) wherever results go.
    /// </summary>
    /// <remarks>No waiver covers such a row: it is a fault in the input, not a reviewed answer of the policy.</remarks>
    public static EeaBoundaryResult NotEvaluated(AssessmentContext context, string product, string dataCategory, string hostingRegion, string reason)
    {
        // The values come from an inventory as given: a newline or an escape sequence in a cell must not reach a console or
        // a scheduled log raw (a forged "PASS:" line, a recoloured terminal), so they are kept visible as \uXXXX.
        product = InertText.Escape(product);
        dataCategory = InertText.Escape(dataCategory);
        hostingRegion = InertText.Escape(hostingRegion);
        reason = InertText.Escape(reason);
        var finding = new BoundaryFinding(NotEvaluatedRule, FindingEffect.Unknown, null, null, null, reason, Basis.NotEvaluated, Array.Empty<PolicyStatement>());
        return new EeaBoundaryResult(context, product, dataCategory, hostingRegion, Verdict.NotEvaluated, Basis.NotEvaluated,
            new FindingList(new[] { finding }), null);
    }

    private static BoundaryOutcome Compute(ResidencyPolicy policy, DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options)
    {
        var findings = new List<BoundaryFinding>(4) { HostingFinding(record, hosting) };
        foreach (var rule in policy.Rules)
        {
            if (Applies(rule, record, hosting, options))
            {
                findings.Add(rule.Finding);
            }
        }

        var verdict = Verdict.Within;
        var basis = Basis.Stated;
        foreach (var finding in findings)
        {
            if (finding.Effect == FindingEffect.Info)
            {
                continue;
            }

            verdict = Worse(verdict, ToVerdict(finding.Effect));
            basis = Weaker(basis, finding.Basis);
        }

        if (verdict != Verdict.Within)
        {
            // A finding that would keep the data in the EEA (a custom mailbox, hosting in the EEA) says which finding
            // decides instead, so no result carries a "stays in the EEA" that its verdict contradicts.
            var winner = findings.Find(f => f.Effect != FindingEffect.Info && ToVerdict(f.Effect) == verdict)!;
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i].Effect == FindingEffect.Within)
                {
                    findings[i] = findings[i].OverriddenWith(winner, WhyItWins(verdict));
                }
            }
        }

        return new BoundaryOutcome(verdict, basis, new FindingList(findings));
    }

    private static string WhyItWins(Verdict verdict) => verdict switch
    {
        Verdict.Outside => "one stated way out of the EEA settles the answer, whatever keeps the rest of the data in",
        Verdict.Unknown => "the policy text does not say where this data is, so no default can be said to keep it in the EEA",
        _ => "the data still passes through a place outside the EEA on its way",
    };

    private static bool Applies(BoundaryRule rule, DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options)
    {
        var condition = rule.When switch
        {
            RuleCondition.UsesIntegrations => (options & BoundaryOptions.UsesIntegrations) != 0,
            RuleCondition.CustomMailbox => (options & BoundaryOptions.CustomMailbox) != 0,
            RuleCondition.NoCustomMailbox => (options & BoundaryOptions.CustomMailbox) == 0,
            _ => true,
        };
        return condition && rule.Covers(record, hosting);
    }

    private static BoundaryFinding HostingFinding(DataResidencyInfo record, HostingRegionInfo hosting)
    {
        var what = record.Product + " " + record.DataCategory;
        var available = string.Join(", ", record.Regions);
        FindingEffect effect;
        string? destination;
        string message;
        if (record.Regions.Count == 0)
        {
            effect = FindingEffect.Unknown;
            destination = null;
            message = "The policy text states no region for " + what + "." + (record.Notes.Count > 0 ? " " + record.Notes[0] : string.Empty);
        }
        else if (record.Regions.ContainsCode(hosting.Code))
        {
            effect = hosting.IsEea ? FindingEffect.Within : FindingEffect.Outside;
            destination = hosting.Code;
            // Where the data is hosted, not where it stays: only the policy's custom-mailbox sentence promises that (a rule says so).
            message = what + " can be hosted in " + available + "; hosted in " + hosting.Code + (hosting.IsEea ? ", it is hosted inside the EEA." : ", it is outside the EEA.");
        }
        else if (!record.AvailableInEea.GetValueOrDefault())
        {
            effect = FindingEffect.Outside;
            destination = record.Regions.Count == 1 ? record.Regions[0] : null;
            message = what + " can be hosted only in " + available + ", not in " + hosting.Code + "; it is hosted outside the EEA.";
        }
        else
        {
            effect = FindingEffect.Unknown;
            destination = null;
            message = what + " cannot be hosted in " + hosting.Code + " (only in " + available + "); the policy text does not say where it is hosted then.";
        }

        return new BoundaryFinding(HostingRule, effect, destination, null, null, message, record.Basis, record.Source);
    }

    private static Verdict ToVerdict(FindingEffect effect) => effect switch
    {
        FindingEffect.Outside => Verdict.Outside,
        FindingEffect.Unknown => Verdict.Unknown,
        FindingEffect.Transient => Verdict.Transient,
        _ => Verdict.Within,
    };

    // Outside beats Unknown: one stated way out of the EEA settles the answer whatever else is unknown.
    private static int Severity(Verdict verdict) => verdict switch
    {
        Verdict.Outside => 3,
        Verdict.Unknown => 2,
        Verdict.Transient => 1,
        _ => 0,
    };

    private static Verdict Worse(Verdict a, Verdict b) => Severity(b) > Severity(a) ? b : a;

    // The enum is ordered from strongest (Stated) to weakest basis.
    private static Basis Weaker(Basis a, Basis b) => (int)b > (int)a ? b : a;
}
