using System;
using System.Collections.Generic;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS;

/// <summary>What every result of one Test-EeaBoundary pipeline shares: the policy that answered and the customer's set-up.</summary>
internal sealed class AssessmentContext
{
    private readonly ResidencyPolicy _policy;

    private readonly Func<IReadOnlyList<WaiverLedger>>? _waivers;

    /// <param name="policy">The policy that answered.</param>
    /// <param name="usesIntegrations">Whether integrations were assumed.</param>
    /// <param name="customMailbox">Whether a custom mailbox was assumed.</param>
    /// <param name="waivers">
    /// The waiver registers of the run, read when a report is written (so a live run's register is complete); null when
    /// they are not known: the results travelled (Start-Job, Import-Clixml, remoting) without them.
    /// </param>
    public AssessmentContext(ResidencyPolicy policy, bool usesIntegrations, bool customMailbox, Func<IReadOnlyList<WaiverLedger>>? waivers = null)
    {
        _policy = policy;
        UsesIntegrations = usesIntegrations;
        CustomMailbox = customMailbox;
        _waivers = waivers;
    }

    /// <summary>No waiver file: the register is known and empty.</summary>
    public static readonly Func<IReadOnlyList<WaiverLedger>> NoWaivers = () => Array.Empty<WaiverLedger>();

    /// <summary>The run's waiver registers (one per waiver file); null when the results came without them.</summary>
    public IReadOnlyList<WaiverLedger>? WaiverLedgers => _waivers?.Invoke();

    public ResidencyPolicy Policy => _policy;

    public string PolicyVendor => _policy.Vendor;

    public string PolicyVersion => _policy.PolicyVersion;

    // Computed once per policy, on first use (the canonical JSON and its hash are lazy).
    public string PolicySha256 => _policy.Sha256;

    public bool UsesIntegrations { get; }

    public bool CustomMailbox { get; }

    /// <summary>A context for results computed outside a pipeline (a report of the whole policy).</summary>
    public static AssessmentContext Default(ResidencyPolicy policy) => new AssessmentContext(policy ?? throw new ArgumentNullException(nameof(policy)), false, false, NoWaivers);
}
