using System;
using System.Collections.Generic;

namespace ResidencyPS.Engine.Waivers;

/// <summary>What became of a waiver in a run.</summary>
internal enum WaiverStatus
{
    /// <summary>It covered at least one result.</summary>
    Applied,

    /// <summary>It was current and covered nothing: a stale waiver hides change.</summary>
    Unused,

    /// <summary>Its last day had passed before the run: it covered nothing.</summary>
    Expired,

    /// <summary>It had not expired, but the policy or a statement it was reviewed against had changed: it covered nothing.</summary>
    Invalidated,
}

/// <summary>
/// One waiver of a file as the run left it: what it covers, who approved it until when, and what became of it (with
/// <paramref name="Reason"/>, why an Invalidated one stopped applying).
/// </summary>
internal sealed record WaiverLedgerEntry(int Index, string Product, string DataCategory, Verdict? Verdict, string Justification, string? ApprovedBy,
    DateTime Expires, WaiverStatus Status, string? Reason = null)
{
    /// <summary>
    /// Whether this waiver is the one a waived result carries: it applied, and the result names its justification,
    /// approver and expiry (a result keeps those, not the waiver's position). Reports and the result-file reader ask this.
    /// </summary>
    public bool Covered(string? justification, string? approvedBy, DateTime? expires) =>
        Status == WaiverStatus.Applied && Justification == justification && ApprovedBy == approvedBy && Expires.Date == expires?.Date;
}

/// <summary>
/// The waiver register of one waiver file in a run (issue 21, point 1): every waiver, applied, unused or expired, with
/// the file's path and the SHA-256 of the bytes read, so an auditor can tell which file was reviewed.
/// </summary>
internal sealed record WaiverLedger(string Path, string? Sha256, IReadOnlyList<WaiverLedgerEntry> Entries);
