using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>
/// The one-screen log of a check (Invoke-ResidencyCheck): a line per result that did not pass (at most
/// <see cref="MaxListed"/>, the rest counted), a line per problem, the counts, the files and the outcome with its exit
/// code last, so a scheduler's log ends with the answer. Plain text, every value made inert (no line can be forged).
/// </summary>
internal static class CheckSummary
{
    /// <summary>At most this many FAIL lines: the reports list every row.</summary>
    public const int MaxListed = 20;

    /// <summary>At most this many characters a line: a cell of megabytes is shortened, not printed.</summary>
    public const int MaxLineLength = 500;

    /// <summary>The lines of the summary.</summary>
    public static IReadOnlyList<string> Lines(ResidencyCheckResult check, IReadOnlyList<EeaBoundaryResult> results)
    {
        var lines = new List<string>();
        if (check.PolicySha256 != null)
        {
            lines.Add("ResidencyPS check of " + InertText.Escape(check.Inventory) + " against " + InertText.Escape(check.PolicyVendor + " policy " + check.PolicyVersion)
                + " (SHA-256 " + Hashing.Short(check.PolicySha256) + "…)");
        }
        else if (check.PolicyVendor != null)
        {
            // Several vendors' policies: each that answered, as its results name it (before any result, the vendors).
            lines.Add("ResidencyPS check of " + InertText.Escape(check.Inventory) + " against the policies of " + (results.Count == 0 ? InertText.Escape(check.PolicyVendor) : string.Join(", ", results
                .Select(r => (r.PolicyVendor, r.PolicyVersion, r.PolicySha256)).Distinct()
                .Select(p => InertText.Escape(p.PolicyVendor + " " + p.PolicyVersion) + " (SHA-256 " + Hashing.Short(p.PolicySha256) + "…)"))));
        }

        var failed = results.Where(r => !r.Passed).ToList();
        foreach (var r in failed.Take(MaxListed))
        {
            lines.Add("FAIL: " + (r.InputRow is int row ? "row " + row.ToString(CultureInfo.InvariantCulture) + ": " : string.Empty)
                + Value(r.Product) + " / " + Value(r.DataCategory) + " (" + Value(r.HostingRegion) + "): " + r.Verdict);
        }

        if (failed.Count > MaxListed)
        {
            lines.Add("FAIL: … and " + (failed.Count - MaxListed) + " more; every row is in the reports.");
        }

        lines.AddRange(check.Problems);
        if (check.Outcome != CheckOutcome.CouldNotRun || check.Results > 0)
        {
            lines.Add(Count(check.Rows, "row") + ", " + Count(check.Results, "result") + ": " + check.Passed + " passed (" + check.Waived + " waived), " + check.NotPassed
                + " not passed (" + check.NotEvaluated + " not evaluated)");
        }

        if (check.Files.Count > 0)
        {
            lines.Add("Wrote " + string.Join(", ", check.Files.Select(InertText.Escape)));
        }

        lines.Add(Verdict(check.Outcome) + " (exit code " + check.ExitCode + ")");
        return lines;
    }

    /// <summary>A problem line of the log: at most <see cref="MaxLineLength"/> characters, so a huge cell cannot make the one-screen log megabytes.</summary>
    public static string Shorten(string line) => Cut(line, MaxLineLength, "… (shortened)");

    // A value from the inventory, inert and at most 150 characters.
    private static string Value(string text) => Cut(InertText.Escape(text), 150, "…");

    private static string Cut(string text, int length, string mark) => text.Length <= length ? text : text.Substring(0, length) + mark;

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Verdict(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "PASSED: every row passed",
        CheckOutcome.NotPassed => "NOT PASSED: at least one row did not pass or could not be evaluated",
        _ => "COULD NOT RUN: nothing was checked, or the reports could not be written",
    };
}
