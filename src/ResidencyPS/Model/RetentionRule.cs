using System;
using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>
/// How long data of one subject (logs, backups, call recordings) stays at one storage location,
/// and what happens after that, for the hosting regions the rule applies to.
/// </summary>
public sealed class RetentionRule : IPolicyItem
{
    /// <summary>The policy this rule belongs to, set when the policy is assembled.</summary>
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    // Sixteen facts, so every call names its arguments (a test holds the call sites to it): init properties would need
    // setters PowerShell could call on an output object, and required members cannot be internal on a public type.
    internal RetentionRule(string id, string vendor, string product, string subject, IReadOnlyList<string> hostingRegion,
        string storageLocation, int? periodValue, PeriodUnit? periodUnit, string? periodText, RetentionOutcome afterPeriod,
        string? movesTo, Basis basis, IReadOnlyList<string> notes, IReadOnlyList<PolicyStatement> source, DateTime? asOf = null,
        string? afterDelay = null, string? conflict = null)
    {
        AfterDelay = afterDelay;
        Conflict = conflict;
        Id = id;
        Vendor = vendor;
        Product = product;
        Subject = subject;
        HostingRegion = NameList.From(hostingRegion);
        StorageLocation = storageLocation;
        PeriodValue = periodValue;
        PeriodUnit = periodUnit;
        PeriodText = periodText;
        AfterPeriod = afterPeriod;
        MovesTo = movesTo;
        Basis = basis;
        Notes = NameList.From(notes, " ");
        Source = SourceList.From(source);
        AsOf = asOf;
    }

    /// <summary>The rule's identifier in the policy.</summary>
    public string Id { get; }

    /// <summary>The vendor whose policy this is.</summary>
    public string Vendor { get; }

    /// <summary>The product the rule applies to.</summary>
    public string Product { get; }

    /// <summary>What is kept: Logs, Backups or Call recordings.</summary>
    public string Subject { get; }

    /// <summary>The hosting regions (codes) whose data the rule applies to.</summary>
    public IReadOnlyList<string> HostingRegion { get; }

    /// <summary>The region (code) where the data is kept during the period.</summary>
    public string StorageLocation { get; }

    /// <summary>
    /// The period as a <see cref="TimeSpan"/>, null when the source states none.
    /// A year counts as 365 days here; <see cref="LeavesStorageAt"/> uses calendar years.
    /// </summary>
    public TimeSpan? Period => PeriodValue is int value && PeriodUnit is PeriodUnit unit ? ToTimeSpan(value, unit) : (TimeSpan?)null;

    /// <summary>A period as a <see cref="TimeSpan"/>; a year counts as 365 days and a month as a twelfth of that.</summary>
    internal static TimeSpan ToTimeSpan(int value, PeriodUnit unit) => unit switch
    {
        ResidencyPS.PeriodUnit.Minutes => TimeSpan.FromMinutes(value),
        ResidencyPS.PeriodUnit.Hours => TimeSpan.FromHours(value),
        ResidencyPS.PeriodUnit.Days => TimeSpan.FromDays(value),
        ResidencyPS.PeriodUnit.Weeks => TimeSpan.FromDays(7.0 * value),
        ResidencyPS.PeriodUnit.Months => TimeSpan.FromDays(365.0 / 12 * value),
        _ => TimeSpan.FromDays(365.0 * value),
    };

    /// <summary>The number of <see cref="PeriodUnit"/>s, null when the source states no period.</summary>
    public int? PeriodValue { get; }

    /// <summary>The unit of <see cref="PeriodValue"/>.</summary>
    public PeriodUnit? PeriodUnit { get; }

    /// <summary>The source's own wording of the period, for example <c>1 jaar</c>.</summary>
    public string? PeriodText { get; }

    /// <summary>The period in English words ("1 year", "30 days", "10 minutes"), or "not stated" when the policy states none.</summary>
    public string PeriodInWords => PeriodValue is int value && PeriodUnit is PeriodUnit unit
        ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + unit switch
        {
            ResidencyPS.PeriodUnit.Minutes => value == 1 ? "minute" : "minutes",
            ResidencyPS.PeriodUnit.Hours => value == 1 ? "hour" : "hours",
            ResidencyPS.PeriodUnit.Days => value == 1 ? "day" : "days",
            ResidencyPS.PeriodUnit.Weeks => value == 1 ? "week" : "weeks",
            ResidencyPS.PeriodUnit.Months => value == 1 ? "month" : "months",
            _ => value == 1 ? "year" : "years",
        }
        : "not stated";

    /// <summary>What happens when the period ends.</summary>
    public RetentionOutcome AfterPeriod { get; }

    /// <summary>The region (code) the data moves to when <see cref="AfterPeriod"/> is MovedToRegion.</summary>
    public string? MovesTo { get; }

    /// <summary>How the rule was read from the source.</summary>
    public Basis Basis { get; }

    /// <summary>Readings, conflicts and caveats, in English.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The policy text's words for a delay it does not quantify after the period (korte tijd later, a short time later);
    /// null when the text says the data leaves at the end of the period or says nothing.
    /// </summary>
    public string? AfterDelay { get; }

    /// <summary>
    /// What happens after the period, in words that fit a table: not stated, deleted, deleted later (the text adds a
    /// delay it does not quantify), or moved to the region.
    /// </summary>
    public string AfterInWords => AfterPeriod switch
    {
        RetentionOutcome.Deleted => AfterDelay != null ? "deleted later" : "deleted",
        RetentionOutcome.MovedToRegion => "moved to " + MovesTo,
        _ => "not stated",
    };

    /// <summary><see cref="AfterInWords"/> with the policy text's words for its delay, as reports and data flows show it.</summary>
    internal string AfterWithDelay => AfterInWords + (AfterDelay != null ? " (" + AfterDelay + ")" : string.Empty);

    /// <summary>Whether <see cref="LeavesStorageAt"/> is only the earliest date: the text adds a delay it does not quantify.</summary>
    public bool LeavesStorageAtIsEarliest => AfterDelay != null;

    /// <summary>Whether the policy text contradicts this rule elsewhere (see <see cref="Conflict"/>).</summary>
    public bool HasConflict => Conflict != null;

    /// <summary>What the contradicting passage says, in English; null when there is none.</summary>
    public string? Conflict { get; }

    /// <summary>The statements of the source the rule was read from.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <summary>The moment data was written, when asked for with -AsOf.</summary>
    public DateTime? AsOf { get; }

    /// <summary>
    /// When data written at <see cref="AsOf"/> leaves <see cref="StorageLocation"/>; null without -AsOf, without a stated period,
    /// and where the policy text states nothing after the period (logs "gedurende een periode van 1 jaar"): a date the text
    /// does not give is never made up. <see cref="StatedPeriodEndsAt"/> is the end of the stated period in every case.
    /// </summary>
    public DateTime? LeavesStorageAt => AfterPeriod == RetentionOutcome.NotStated ? null : StatedPeriodEndsAt;

    /// <summary>When the period the text states ends for data written at <see cref="AsOf"/> (calendar arithmetic); null without -AsOf or a period.</summary>
    public DateTime? StatedPeriodEndsAt => AsOf is DateTime at && PeriodValue is int value && PeriodUnit is PeriodUnit unit ? Add(at, value, unit) : (DateTime?)null;

    /// <summary>A copy of the rule that answers for data written at <paramref name="asOf"/>.</summary>
    public RetentionRule WithAsOf(DateTime asOf) =>
        new RetentionRule(id: Id, vendor: Vendor, product: Product, subject: Subject, hostingRegion: HostingRegion, storageLocation: StorageLocation,
            periodValue: PeriodValue, periodUnit: PeriodUnit, periodText: PeriodText, afterPeriod: AfterPeriod, movesTo: MovesTo, basis: Basis, notes: Notes,
            source: Source, asOf: asOf, afterDelay: AfterDelay, conflict: Conflict)
        { Owner = Owner };

    /// <inheritdoc />
    public override string ToString() => Product + ": " + Subject + " in " + StorageLocation;

    private static DateTime Elapsed(DateTime at, TimeSpan span) =>
        at.Kind == DateTimeKind.Utc ? at.Add(span) : DateTime.SpecifyKind(at.ToUniversalTime().Add(span).ToLocalTime(), at.Kind);

    private static DateTime Add(DateTime at, int value, PeriodUnit unit) => unit switch
    {
        // Minutes and hours are elapsed time, counted in UTC: 36 hours across a change to summer time are 36 hours, not 35.
        ResidencyPS.PeriodUnit.Minutes => Elapsed(at, TimeSpan.FromMinutes(value)),
        ResidencyPS.PeriodUnit.Hours => Elapsed(at, TimeSpan.FromHours(value)),
        ResidencyPS.PeriodUnit.Days => at.AddDays(value),
        ResidencyPS.PeriodUnit.Weeks => at.AddDays(7.0 * value),
        ResidencyPS.PeriodUnit.Months => at.AddMonths(value),
        _ => at.AddYears(value),
    };
}
