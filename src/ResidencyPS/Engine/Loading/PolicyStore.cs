using System.Threading;

namespace ResidencyPS.Engine.Loading;

/// <summary>The embedded default policy, parsed once on first use, and the policy queries answer from.</summary>
internal static class PolicyStore
{
    // Parsed once per process, by the first query that needs it. Starting the parse in the background at import (as
    // an earlier version did) made no first answer faster on a 2-core machine, quiet or loaded, and the import slower
    // (issue 26: measured by build.ps1 -Task Bench).
    private static readonly System.Lazy<ResidencyPolicy> EmbeddedPolicy =
        new System.Lazy<ResidencyPolicy>(PolicyLoader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static ResidencyPolicy? _active;

    /// <summary>The policy built into the module.</summary>
    public static ResidencyPolicy Embedded => EmbeddedPolicy.Value;

    /// <summary>The policy queries answer from: the one made active, else the embedded one.</summary>
    public static ResidencyPolicy Active => Volatile.Read(ref _active) ?? Embedded;

    /// <summary>Makes <paramref name="policy"/> the active one; null goes back to the embedded policy.</summary>
    public static void SetActive(ResidencyPolicy? policy) => Volatile.Write(ref _active, policy);
}
