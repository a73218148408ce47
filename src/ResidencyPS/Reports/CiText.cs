using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>
/// The words the CI formats (JUnit, SARIF) give a result: what it is, why it did not pass in the policy text's own words
/// and lines, its basis and conflict, and its waiver. One place, so both formats claim the same and no more.
/// </summary>
internal static class CiText
{
    /// <summary>"Freshdesk / Call recordings, hosted in EEA (row 4)": the row a CI server shows.</summary>
    public static string Title(EeaBoundaryResult r) =>
        Safe(r.Product) + " / " + Safe(r.DataCategory) + ", hosted in " + Safe(r.HostingRegion) + Row(r);

    /// <summary>" (row 4)" for a result of an inventory row, empty otherwise.</summary>
    public static string Row(EeaBoundaryResult r) => r.InputRow is int row ? " (row " + row.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;

    /// <summary>The findings that decide the verdict (not overridden, same effect as the verdict), or every finding when none does.</summary>
    public static IReadOnlyList<BoundaryFinding> Deciding(EeaBoundaryResult r)
    {
        var deciding = r.Findings.Where(f => !f.Overridden && Decides(f.Effect, r.Verdict)).ToList();
        return deciding.Count > 0 ? deciding : r.Findings.ToList();
    }

    private static bool Decides(FindingEffect effect, Verdict verdict) => verdict switch
    {
        Verdict.Outside => effect == FindingEffect.Outside,
        Verdict.Transient => effect == FindingEffect.Transient,
        Verdict.Unknown => effect == FindingEffect.Unknown,
        Verdict.Within => effect == FindingEffect.Within,
        _ => true,
    };

    /// <summary>One line: the verdict and the first deciding finding, for a failure's message attribute.</summary>
    public static string Headline(EeaBoundaryResult r)
    {
        var deciding = Deciding(r);
        var first = deciding.Count > 0 ? deciding[0] : null;
        return r.Verdict + (first == null ? string.Empty : ": " + Safe(first.Message));
    }

    /// <summary>Every finding with its effect, and the policy text it rests on by line, in the text's own words; then basis, conflict and waiver.</summary>
    public static string Explanation(EeaBoundaryResult r)
    {
        var text = new StringBuilder();
        text.Append(Title(r)).Append(": ").Append(r.Verdict).Append('\n');
        foreach (var f in r.Findings)
        {
            text.Append('[').Append(f.Effect).Append(f.Overridden ? ", overridden" : string.Empty).Append("] ").Append(Safe(f.Message)).Append('\n');
            foreach (var s in f.Source.OrderBy(s => s.Line))
            {
                text.Append("    policy text line ").Append(s.Line.ToString(CultureInfo.InvariantCulture)).Append(": \"").Append(Safe(s.Text)).Append("\"\n");
            }
        }

        text.Append("Basis: ").Append(ReportWords.BasisAndConflict(r.Basis, r.HasConflict)).Append('\n');
        if (r.Conflict != null)
        {
            text.Append("Conflict: ").Append(Safe(r.Conflict)).Append('\n');
        }

        if (r.Waived)
        {
            text.Append("Waived: ").Append(Waiver(r)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"justification; approved by X; expires 2099-12-31".</summary>
    public static string Waiver(EeaBoundaryResult r) =>
        Safe(r.WaiverJustification ?? string.Empty) + (r.WaiverApprovedBy == null ? string.Empty : "; approved by " + Safe(r.WaiverApprovedBy))
        + (r.WaiverExpires is System.DateTime expires ? "; expires " + IsoDate.Day(expires) : string.Empty);

    /// <summary>
    /// Text from an inventory or a policy file as XML and JSON can carry it and a log shows it: invisible and control characters
    /// as \uXXXX (a newline cannot forge a line), and anything XML 1.0 cannot hold (a lone surrogate) too. A no-break space
    /// (the policy text has some between words) is a space here: CI servers show it as one, escaped it would read "\u00A0".
    /// </summary>
    public static string Safe(string text)
    {
        var inert = InertText.Escape(text.Replace('\u00a0', ' '));
        StringBuilder? builder = null; // made only when a character must be escaped
        for (var i = 0; i < inert.Length; i++)
        {
            if (char.IsHighSurrogate(inert[i]) && i + 1 < inert.Length && char.IsLowSurrogate(inert[i + 1]))
            {
                builder?.Append(inert, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(inert[i]))
            {
                builder?.Append(inert[i]);
            }
            else
            {
                builder ??= new StringBuilder(inert.Length + 8).Append(inert, 0, i);
                builder.Append("\\u").Append(((int)inert[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder?.ToString() ?? inert;
    }
}
