using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS;

/// <summary>
/// One place data of a product goes, for one activity: stored, processed, passed through, logged, backed up, migrated
/// or sent to integrations, with how long, on what condition, and the policy text that says so.
/// </summary>
public sealed class DataFlow : IPolicyItem
{
    // Every call names its arguments (a test holds the call sites to it), for the reason RetentionRule's constructor gives.
    internal DataFlow(ResidencyPolicy owner, string product, string dataCategory, string hostingRegion, DataActivity activity, string location,
        IReadOnlyList<string> platforms, LeavesEea leavesEea, TimeSpan? duration, string? durationText, string? afterPeriod, string? condition,
        Basis basis, string? conflict, IReadOnlyList<PolicyStatement> source, string? durationInWords = null)
    {
        DurationInWords = durationInWords;
        Owner = owner;
        Product = product;
        DataCategory = dataCategory;
        HostingRegion = hostingRegion;
        Activity = activity;
        Location = location;
        Platform = NameList.From(platforms);
        LeavesEea = leavesEea;
        Duration = duration;
        DurationText = durationText;
        AfterPeriod = afterPeriod;
        Condition = condition;
        Basis = basis;
        Conflict = conflict;
        Source = SourceList.From(source);
    }

    private ResidencyPolicy Owner { get; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>The vendor whose policy this flow comes from.</summary>
    public string Vendor => Owner.Vendor;

    /// <summary>The product.</summary>
    public string Product { get; }

    /// <summary>The data category, or what a retention rule keeps (Logs, Backups).</summary>
    public string DataCategory { get; }

    /// <summary>The region the customer's account is hosted in (code).</summary>
    public string HostingRegion { get; }

    /// <summary>What happens to the data at <see cref="Location"/>.</summary>
    public DataActivity Activity { get; }

    /// <summary>Where: a region code, or Unknown where the policy text names no place.</summary>
    public string Location { get; }

    /// <summary>The cloud platforms the policy text names (AWS, GCP); empty when it names none.</summary>
    public IReadOnlyList<string> Platform { get; }

    /// <summary>Whether the data goes outside the EEA in this flow.</summary>
    public LeavesEea LeavesEea { get; }

    /// <summary>How long the data stays at <see cref="Location"/>; null when the policy text states no time.</summary>
    public TimeSpan? Duration { get; }

    /// <summary><see cref="Duration"/> in English words (10 minutes, 1 year); null when the policy text states no time.</summary>
    public string? DurationInWords { get; }

    /// <summary>The policy text's own words for <see cref="Duration"/> (10 minuten, 1 jaar).</summary>
    public string? DurationText { get; }

    /// <summary>What happens after <see cref="Duration"/>, in words (moved to EEA, deleted later, not stated); null without a period.</summary>
    public string? AfterPeriod { get; }

    /// <summary>When the flow happens at all (only with integrations); null when it always does.</summary>
    public string? Condition { get; }

    /// <summary>How the flow was read from the policy text.</summary>
    public Basis Basis { get; }

    /// <summary>Whether another passage of the policy text says otherwise (see <see cref="Conflict"/>).</summary>
    public bool HasConflict => Conflict != null;

    /// <summary>What the contradicting passage says; null when there is none.</summary>
    public string? Conflict { get; }

    /// <summary>The statements of the policy text the flow rests on.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <summary>The Dutch source text, joined.</summary>
    public string SourceText => Source.ToString() ?? string.Empty;

    /// <summary>The English rendering of the source text, joined.</summary>
    public string SourceEnglish => string.Join(" ", Source.Select(s => s.English));

    /// <summary>The SHA-256 of the policy that produced the flow.</summary>
    public string PolicySha256 => Owner.Sha256;

    /// <inheritdoc />
    public override string ToString() => Product + " " + DataCategory + ": " + Activity + " in " + Location;
}
