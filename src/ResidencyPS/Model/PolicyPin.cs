using System;
using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>How an active policy stands against its pin in a lock file.</summary>
public enum PinStatus
{
    /// <summary>The active policy is the one pinned (same SHA-256).</summary>
    Unchanged,

    /// <summary>The active policy differs from the one pinned: a check with the lock refuses to run until it is pinned again.</summary>
    Changed,

    /// <summary>The lock pins no policy of this vendor: a check with the lock refuses to run until it is pinned.</summary>
    NotPinned,

    /// <summary>The lock pins a policy of a vendor that is not active; a check does not use it.</summary>
    NotActive,
}

/// <summary>
/// One vendor's policy against its pin in a lock file (Test-ResidencyLock, Update-ResidencyLock -PassThru): the pinned and
/// the active version and SHA-256, and, when they differ, every difference with its impact on data residency in the EEA.
/// </summary>
public sealed class PolicyPin
{
    internal PolicyPin(string vendor, PinStatus status, string lockFile, string? pinnedVersion, string? pinnedSha256, DateTime? pinnedOn,
        string? policyVersion, string? sha256, IReadOnlyList<PolicyDifference> differences)
    {
        Vendor = vendor;
        Status = status;
        LockFile = lockFile;
        PinnedVersion = pinnedVersion;
        PinnedSha256 = pinnedSha256;
        PinnedOn = pinnedOn;
        PolicyVersion = policyVersion;
        Sha256 = sha256;
        Differences = differences;
        foreach (var difference in differences)
        {
            switch (difference.Impact)
            {
                case ChangeImpact.Weakens:
                    Weakens++;
                    break;
                case ChangeImpact.Strengthens:
                    Strengthens++;
                    break;
                default:
                    Neutral++;
                    break;
            }
        }
    }

    /// <summary>The vendor whose policy this is.</summary>
    public string Vendor { get; }

    /// <summary>Unchanged, Changed, NotPinned or NotActive.</summary>
    public PinStatus Status { get; }

    /// <summary>The lock file.</summary>
    public string LockFile { get; }

    /// <summary>The version of the pinned policy; null when the lock pins none of this vendor.</summary>
    public string? PinnedVersion { get; }

    /// <summary>The SHA-256 of the pinned policy's canonical JSON; null when the lock pins none of this vendor.</summary>
    public string? PinnedSha256 { get; }

    /// <summary>When the policy was pinned (UTC); null when the lock pins none of this vendor.</summary>
    public DateTime? PinnedOn { get; }

    /// <summary>The version of the active policy; null when the vendor has no active policy.</summary>
    public string? PolicyVersion { get; }

    /// <summary>The SHA-256 of the active policy's canonical JSON; null when the vendor has no active policy.</summary>
    public string? Sha256 { get; }

    /// <summary>What changed from the pinned to the active policy, as Compare-ResidencyPolicy lists it; empty unless Changed.</summary>
    public IReadOnlyList<PolicyDifference> Differences { get; }

    /// <summary>How many differences weaken data residency in the EEA.</summary>
    public int Weakens { get; }

    /// <summary>How many differences strengthen it.</summary>
    public int Strengthens { get; }

    /// <summary>How many differences leave it as it was.</summary>
    public int Neutral { get; }

    /// <summary>The vendor and the status.</summary>
    public override string ToString() => Vendor + ": " + Status;
}
