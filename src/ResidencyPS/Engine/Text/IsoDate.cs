using System;
using System.Globalization;

namespace ResidencyPS.Engine.Text;

/// <summary>
/// The one place dates and times become text and back: ISO 8601, the invariant culture (a format string without it
/// printed 2025-01-01 as 2568-01-01 under th-TH and 1446-07-01 under ar-SA). A test finds no other date format in src.
/// </summary>
internal static class IsoDate
{
    /// <summary>The format of a calendar day, as policy, waiver and result files write it.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>A calendar day: 2026-12-02.</summary>
    public static string Day(DateTime date) => date.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>A calendar day, or null for none.</summary>
    public static string? Day(DateTime? date) => date?.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>A moment in UTC to the second, as a machine reads it: 2026-12-02T14:30:00Z.</summary>
    public static string Utc(DateTime moment) => moment.ToUniversalTime().ToString(UtcFormat, CultureInfo.InvariantCulture);

    /// <summary>A moment in UTC without the zone letter, as the JUnit schema's timestamp takes it: 2026-12-02T14:30:00.</summary>
    public static string UtcUnzoned(DateTime moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A moment with its offset or UTC mark, to the tick, as .NET's round-trip format writes it: 2024-01-31T10:00:00.0000000Z.</summary>
    public static string RoundTrip(DateTime moment) => moment.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>A moment as a person reads it, in the time it is given in: 2026-12-02 14:30:00.</summary>
    public static string Readable(DateTime moment) => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Reads a calendar day written as <see cref="DayFormat"/>, nothing else.</summary>
    public static bool TryParseDay(string? text, out DateTime day) =>
        DateTime.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Reads a moment written by <see cref="Utc"/>, as UTC.</summary>
    public static bool TryParseUtc(string? text, out DateTime moment) =>
        DateTime.TryParseExact(text, UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out moment);
}
