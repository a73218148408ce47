using System.Collections.Generic;
using System.Globalization;

namespace ResidencyPS.Reports;

/// <summary>The lines every report prints the same way, whatever its format.</summary>
internal static class ReportText
{
    /// <summary>Where the report's facts come from: the policy, its source document (with its address and retrieval date), its hash.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Provenance(ReportData data)
    {
        var p = data.Policy;
        return new[]
        {
            Pair("Vendor", p.Vendor),
            Pair("Policy version", p.PolicyVersion),
            Pair("Effective date", p.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not stated"),
            Pair("Source", p.SourceTitle + " (" + p.SourceDocument + ", " + p.SourceLanguage + ")"),
            Pair("Source address", p.SourceUrl ?? "not given: the policy text came without its address"),
            Pair("Source retrieved", p.SourceRetrieved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not given: the policy text came without a retrieval date"),
            // The file's name, not the local path: a report is handed to others, and a path says whose machine made it.
            Pair("Loaded from", p.IsEmbedded ? "the policy embedded in ResidencyPS" : "the file " + System.IO.Path.GetFileName(p.Origin)),
            Pair("SHA-256", p.Sha256),
            Pair("Generated", data.GeneratedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"),
        };
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
}
