using System.Threading;

namespace ResidencyPS.Engine.Loading;

/// <summary>The embedded default policy, parsed once on first use, and the policy queries answer from.</summary>
internal static class PolicyStore
{
    // Parsed once per process: in the background from Import-Module (ModuleInitializer), or by the first query.
    private static readonly System.Lazy<ResidencyPolicy> EmbeddedPolicy =
        new System.Lazy<ResidencyPolicy>(PolicyLoader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static ResidencyPolicy? _active;

    /// <summary>The policy built into the module.</summary>
    public static ResidencyPolicy Embedded => EmbeddedPolicy.Value;

    /// <summary>The policy queries answer from: the one made active, else the embedded one.</summary>
    public static ResidencyPolicy Active => Volatile.Read(ref _active) ?? Embedded;

    /// <summary>Parses the embedded policy now, if nothing has yet; a failure is kept for the first query to report.</summary>
    public static void Warm()
    {
        try
        {
            _ = EmbeddedPolicy.Value;
        }
        catch (System.Exception)
        {
            // Lazy keeps the exception; the first query reports it as PolicyUnavailable.
        }
    }

    /// <summary>Makes <paramref name="policy"/> the active one; null goes back to the embedded policy.</summary>
    public static void SetActive(ResidencyPolicy? policy) => Volatile.Write(ref _active, policy);
}
