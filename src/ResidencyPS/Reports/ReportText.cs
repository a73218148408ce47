using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Text;

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
            Pair("Effective date", IsoDate.Day(p.EffectiveDate) ?? "not stated"),
            Pair("Source", p.SourceTitle + " (" + p.SourceDocument + ", " + p.SourceLanguage + ")"),
            Pair("Source address", p.SourceUrl ?? "not given: the policy text came without its address"),
            Pair("Source retrieved", IsoDate.Day(p.SourceRetrieved) ?? "not given: the policy text came without a retrieval date"),
            // The file's name, not the local path: a report is handed to others, and a path says whose machine made it.
            Pair("Loaded from", p.IsEmbedded ? "the policy embedded in ResidencyPS" : "the file " + System.IO.Path.GetFileName(p.Origin)),
            Pair("SHA-256", p.Sha256),
            Pair("Generated", IsoDate.Readable(data.GeneratedUtc) + " UTC"),
        };
    }

    /// <summary>The one line a report opens with: did the results pass, all of them?</summary>
    public static string OverallVerdict(ReportData data) => OverallVerdict(data.Results);

    /// <summary>The one line a report opens with, over <paramref name="results"/> (of one vendor or of several).</summary>
    public static string OverallVerdict(IReadOnlyList<EeaBoundaryResult> results)
    {
        if (results.Count == 0)
        {
            return "No EEA boundary results.";
        }

        var waived = results.Count(r => r.Waived);
        var failed = results.Count(r => !r.Passed);
        var notEvaluated = results.Count(r => r.Verdict == Verdict.NotEvaluated);
        return failed == 0
            ? "PASSED: all " + results.Count + " results passed" + (waived > 0 ? " (" + waived + " only because a waiver covers them)" : string.Empty) + "."
            : "NOT PASSED: " + failed + " of " + results.Count + " results did not pass" + (notEvaluated > 0 ? " (" + notEvaluated + " could not be evaluated)" : string.Empty)
              + (waived > 0 ? "; " + waived + " passed only because a waiver covers them" : string.Empty) + ".";
    }

    /// <summary>The fields of the sign-off block, left blank for the reviewer to fill in on paper.</summary>
    public static IReadOnlyList<string> SignOff { get; } = new[] { "Reviewed by", "Role", "Date", "Signature" };

    /// <summary>A result's input row with the row's own columns, as the reports show it: "3 (Owner: alice; Tenant: t1)".</summary>
    public static string Row(EeaBoundaryResult r) =>
        (r.InputRow?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + (r.InputColumns.Count == 0 ? string.Empty : " (" + r.InputColumns + ")");

    /// <summary>The lines of the policy text a result's deciding findings cite: "lines 29, 31".</summary>
    public static string SourceLines(EeaBoundaryResult result)
    {
        var lines = CiText.Deciding(result).SelectMany(f => f.Source).Select(s => s.Line).Distinct().OrderBy(l => l).ToList();
        return lines.Count == 0 ? string.Empty : (lines.Count == 1 ? "line " : "lines ") + string.Join(", ", lines.Select(l => l.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A waiver register's file as a report names it: its name and SHA-256, not the path of the machine that ran the check.</summary>
    public static string RegisterFile(Engine.Waivers.WaiverLedger ledger) =>
        System.IO.Path.GetFileName(ledger.Path) + (ledger.Sha256 == null ? string.Empty : " (SHA-256 " + ledger.Sha256 + ")");

    /// <summary>What a waiver covers, in words: "* / Authentication and profile data / Unknown only".</summary>
    public static string Scope(Engine.Waivers.WaiverLedgerEntry waiver) =>
        waiver.Product + " / " + waiver.DataCategory + (waiver.Verdict is Verdict v ? " / " + v + " only" : " / any verdict that does not pass");

    /// <summary>What became of a waiver, with the results it covered.</summary>
    public static string Status(ReportData data, Engine.Waivers.WaiverLedgerEntry waiver)
    {
        switch (waiver.Status)
        {
            case Engine.Waivers.WaiverStatus.Applied:
                var covered = data.CoveredBy(waiver);
                return "applied to " + covered.Count + (covered.Count == 1 ? " result: " : " results: ")
                    + string.Join("; ", covered.Take(10).Select(r => r.Product + " / " + r.DataCategory + (r.InputRow is int row ? " (row " + row + ")" : string.Empty)))
                    + (covered.Count > 10 ? "; …" : string.Empty);
            case Engine.Waivers.WaiverStatus.Unused:
                return "unused: it covered no result (remove it, or check its scope)";
            case Engine.Waivers.WaiverStatus.Invalidated:
                return "invalidated: " + (waiver.Reason ?? "what it was reviewed against changed") + "; it covered nothing";
            default:
                return "expired: its last day had passed; it covered nothing";
        }
    }

    /// <summary>The sentence in place of the register when it lists no waiver file.</summary>
    public static string RegisterEmpty(ReportData data) => data.WaiverRegistersKnown
        ? "No waiver file was used: every result stands as the policy gives it."
        : "No waiver register came with these results.";

    /// <summary>The sentence under the register when it is not complete.</summary>
    public const string RegisterNotCarried = "Some results came without their run's waiver register (they travelled through Start-Job, Import-Clixml or remoting): waived results still name their waiver, but unused and expired waivers of that run are not known here.";

    private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
}
