using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Locking;

/// <summary>How the active policies stand against a lock, and why a check with the lock refuses to run.</summary>
internal static class LockCheck
{
    /// <summary>How many differences a refusal names one by one (the rest are counted).</summary>
    public const int NamedDifferences = 3;

    // A difference's old and new values may be whole statements: a message shows the start of each.
    private const int ValueLength = 120;

    /// <summary>
    /// Each of <paramref name="policies"/> against its pin, in the given order, followed (with <paramref name="withInactive"/>)
    /// by the pins of vendors none of them is for.
    /// </summary>
    public static List<PolicyPin> States(PolicyLock policyLock, IReadOnlyList<ResidencyPolicy> policies, bool withInactive)
    {
        var states = new List<PolicyPin>();
        foreach (var policy in policies)
        {
            var pin = policyLock.For(policy.Vendor);
            var status = pin == null ? PinStatus.NotPinned : pin.Sha256 == policy.Sha256 ? PinStatus.Unchanged : PinStatus.Changed;
            var differences = status == PinStatus.Changed ? PolicyComparer.Compare(pin!.Policy, policy) : new List<PolicyDifference>();
            states.Add(new PolicyPin(policy.Vendor, status, policyLock.Path, pin?.PolicyVersion, pin?.Sha256, pin?.PinnedOn, policy.PolicyVersion, policy.Sha256, differences));
        }

        if (withInactive)
        {
            foreach (var pin in policyLock.Pins.Where(p => !policies.Any(a => PolicyStore.SameVendor(a.Vendor, p.Vendor))))
            {
                states.Add(new PolicyPin(pin.Vendor, PinStatus.NotActive, policyLock.Path, pin.PolicyVersion, pin.Sha256, pin.PinnedOn, null, null, Array.Empty<PolicyDifference>()));
            }
        }

        return states;
    }

    /// <summary>Why a check with the lock does not run against this policy; null when it is the one pinned (or not active).</summary>
    public static string? Refusal(PolicyPin state)
    {
        var lockName = System.IO.Path.GetFileName(state.LockFile);
        switch (state.Status)
        {
            case PinStatus.Changed:
                return "The policy of " + state.Vendor + " differs from its pin in " + lockName + ": pinned " + state.PinnedVersion + " (SHA-256 " + Hashing.Short(state.PinnedSha256!)
                    + "..., " + IsoDate.Utc(state.PinnedOn!.Value) + "), active " + state.PolicyVersion + " (SHA-256 " + Hashing.Short(state.Sha256!) + "...). "
                    + ImpactSummary(state) + " Review the changes (Test-ResidencyLock, or Compare-ResidencyPolicy), then pin the policy again with Update-ResidencyLock.";
            case PinStatus.NotPinned:
                return lockName + " pins no policy of " + state.Vendor + ", so a change of its text would go unnoticed. Pin it with Update-ResidencyLock -Vendor '"
                    + Literal(state.Vendor) + "'.";
            default:
                return null;
        }
    }

    /// <summary>Compare-ResidencyPolicy's impact summary: how many differences weaken, strengthen or leave residency, and the first weakening ones.</summary>
    public static string ImpactSummary(PolicyPin state)
    {
        if (state.Differences.Count == 0)
        {
            // Equal content in another order hashes differently; Compare-ResidencyPolicy matches items by key and finds nothing.
            return "Compare-ResidencyPolicy finds no difference: the same content in another order (a list reordered).";
        }

        var summary = state.Differences.Count + (state.Differences.Count == 1 ? " difference: " : " differences: ") + state.Weakens + " weaken"
            + (state.Weakens == 1 ? "s" : string.Empty) + " data residency in the EEA, " + state.Strengthens + " strengthen" + (state.Strengthens == 1 ? "s" : string.Empty)
            + " it, " + state.Neutral + " leave" + (state.Neutral == 1 ? "s" : string.Empty) + " it as it was.";
        var named = state.Differences.OrderBy(d => d.Impact == ChangeImpact.Weakens ? 0 : d.Impact == ChangeImpact.Strengthens ? 1 : 2).Take(NamedDifferences).ToList();
        return summary + " " + string.Join("; ", named.Select(Describe)) + (state.Differences.Count > named.Count ? "; and " + (state.Differences.Count - named.Count) + " more." : ".");
    }

    // A vendor name as -Vendor takes it literally, inside single quotes: wildcard characters escaped with a backtick.
    private static string Literal(string vendor)
    {
        var text = new System.Text.StringBuilder(vendor.Length + 4);
        foreach (var c in vendor)
        {
            if (c == '`' || c == '[' || c == ']' || c == '*' || c == '?')
            {
                text.Append('`');
            }

            text.Append(c == '\'' ? "''" : c.ToString());
        }

        return text.ToString();
    }

    private static string Describe(PolicyDifference d) =>
        d.Impact + ": " + d.Scope + " " + d.Key + " " + d.Change + (d.Property == null ? string.Empty : " " + d.Property)
        + (d.OldValue == null && d.NewValue == null ? string.Empty : " (" + Short(d.OldValue) + " -> " + Short(d.NewValue) + ")");

    private static string Short(string? value) => value == null ? "-" : value.Length <= ValueLength ? value : value.Substring(0, ValueLength) + "...";
}
