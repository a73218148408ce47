using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// The embedded default policy, parsed once on first use, and the session's active policies: one per vendor, in the order
/// they became active (the embedded Freshworks policy first until it is replaced or removed).
/// </summary>
internal static class PolicyStore
{
    // Parsed once per process, by the first query that needs it. Starting the parse in the background at import (as
    // an earlier version did) made no first answer faster on a 2-core machine, quiet or loaded, and the import slower
    // (issue 26: measured by build.ps1 -Task Bench).
    private static readonly Lazy<ResidencyPolicy> EmbeddedPolicy =
        new Lazy<ResidencyPolicy>(PolicyLoader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Null means "the embedded policy alone", so the embedded policy is parsed only when a query needs it. A change
    // replaces the whole list, so a reader always sees one complete set.
    private static IReadOnlyList<ResidencyPolicy>? _active;

    /// <summary>The policy built into the module.</summary>
    public static ResidencyPolicy Embedded => EmbeddedPolicy.Value;

    /// <summary>The policies queries answer from, one per vendor; never empty.</summary>
    public static IReadOnlyList<ResidencyPolicy> Active => Volatile.Read(ref _active) ?? new[] { Embedded };

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same vendor (the set holds one policy each).</summary>
    public static bool SameVendor(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The active set with <paramref name="policies"/> added, each replacing the policy of its vendor in place.</summary>
    public static IReadOnlyList<ResidencyPolicy> With(IReadOnlyList<ResidencyPolicy> current, IEnumerable<ResidencyPolicy> policies)
    {
        var result = current.ToList();
        foreach (var policy in policies)
        {
            var at = result.FindIndex(p => SameVendor(p.Vendor, policy.Vendor));
            if (at >= 0)
            {
                result[at] = policy;
            }
            else
            {
                result.Add(policy);
            }
        }

        return result;
    }

    /// <summary>Makes <paramref name="policies"/> (one per vendor, at least one) the active set; null goes back to the embedded policy alone.</summary>
    public static void SetActive(IReadOnlyList<ResidencyPolicy>? policies) => Volatile.Write(ref _active, policies == null ? null : Checked(policies));

    // The one check of a set about to become active, whichever way it is changed: one policy per vendor, at least one.
    private static ResidencyPolicy[] Checked(IEnumerable<ResidencyPolicy> policies)
    {
        var set = policies.ToArray();
        if (set.Length == 0 || set.GroupBy(p => p.Vendor.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("The active set holds one policy per vendor, and at least one.", nameof(policies));
        }

        return set;
    }

    /// <summary>
    /// Changes the active set from what it is to what <paramref name="change"/> makes of it, atomically: two sessions'
    /// runspaces importing at once both land (compare-and-swap), and a reader sees the old set or the new one.
    /// </summary>
    public static IReadOnlyList<ResidencyPolicy> Update(Func<IReadOnlyList<ResidencyPolicy>, IReadOnlyList<ResidencyPolicy>> change)
    {
        while (true)
        {
            var before = Volatile.Read(ref _active);
            var after = Checked(change(before ?? new[] { Embedded }));

            if (Interlocked.CompareExchange(ref _active, after, before) == before)
            {
                return after;
            }
        }
    }
}
