using System;

namespace ResidencyPS;

/// <summary>What every result of one Test-EeaBoundary pipeline shares: the policy that answered and the customer's set-up.</summary>
internal sealed class AssessmentContext
{
    private readonly ResidencyPolicy _policy;

    public AssessmentContext(ResidencyPolicy policy, bool usesIntegrations, bool customMailbox)
    {
        _policy = policy;
        UsesIntegrations = usesIntegrations;
        CustomMailbox = customMailbox;
    }

    public ResidencyPolicy Policy => _policy;

    public string PolicyVendor => _policy.Vendor;

    public string PolicyVersion => _policy.PolicyVersion;

    // Computed once per policy, on first use (the canonical JSON and its hash are lazy).
    public string PolicySha256 => _policy.Sha256;

    public bool UsesIntegrations { get; }

    public bool CustomMailbox { get; }

    /// <summary>A context for results computed outside a pipeline (a report of the whole policy).</summary>
    public static AssessmentContext Default(ResidencyPolicy policy) => new AssessmentContext(policy ?? throw new ArgumentNullException(nameof(policy)), false, false);
}
