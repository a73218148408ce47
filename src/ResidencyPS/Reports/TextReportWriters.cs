using System.Globalization;
using System.IO;
using System.Linq;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>Writes the report as markdown tables.</summary>
internal static class MarkdownReportWriter
{
    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(ReportData data, TextWriter writer)
    {
        var p = data.Policy;
        writer.WriteLine("# Data residency report: " + Cell(p.Vendor));
        writer.WriteLine();
        writer.WriteLine("**" + Cell(ReportText.OverallVerdict(data)) + "**");
        writer.WriteLine();
        writer.WriteLine("## Summary by product");
        writer.WriteLine();
        writer.WriteLine("| Product | Hosting region | Tested | ✓ within | ⇄ transient | ✗ outside | ? unknown | – not evaluated | Waived | Passed |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in data.Summaries)
        {
            writer.WriteLine("| " + Cell(s.Product) + " | " + Cell(s.HostingRegion) + " | " + s.Tested + " | " + s.Within + " | " + s.Transient + " | " + s.Outside + " | " + s.Unknown
                + " | " + s.NotEvaluated + " | " + s.Waived + " | " + (s.Passed ? "✓ yes" : "✗ no") + " |");
        }

        writer.WriteLine();
        writer.WriteLine("## Sign-off");
        writer.WriteLine();
        writer.WriteLine("| | |");
        writer.WriteLine("|---|---|");
        foreach (var field in ReportText.SignOff)
        {
            writer.WriteLine("| " + Cell(field) + " | |");
        }

        writer.WriteLine();
        writer.WriteLine("## Provenance");
        writer.WriteLine();
        foreach (var line in ReportText.Provenance(data))
        {
            writer.WriteLine("- " + line.Key + ": " + (line.Key == "SHA-256" ? "`" + line.Value + "`" : Cell(line.Value)));
        }

        writer.WriteLine();
        writer.WriteLine("## Legend");
        writer.WriteLine();
        foreach (var entry in ReportWords.Legend)
        {
            writer.WriteLine("- " + Cell(entry.Key) + ": " + Cell(entry.Value));
        }

        writer.WriteLine();
        if (data.Assumptions.Count > 0)
        {
            writer.WriteLine("## Assumptions");
            writer.WriteLine();
            foreach (var line in data.Assumptions)
            {
                writer.WriteLine("- " + Cell(line.Key) + ": " + Cell(line.Value));
            }

            writer.WriteLine();
        }

        writer.WriteLine("## Waiver register");
        writer.WriteLine();
        if (!data.WaiverRegistersKnown)
        {
            writer.WriteLine(Cell(ReportText.RegisterNotCarried));
            writer.WriteLine();
        }

        if (data.WaiverRegisters.Count == 0)
        {
            writer.WriteLine(ReportText.RegisterEmpty(data)); // the module's own words: nothing in them for markdown to read
            writer.WriteLine();
        }

        foreach (var ledger in data.WaiverRegisters)
        {
            writer.WriteLine("Waiver file " + Cell(ReportText.RegisterFile(ledger)));
            writer.WriteLine();
            writer.WriteLine("| # | Covers | Justification | Approved by | Expires | Status |");
            writer.WriteLine("|---|---|---|---|---|---|");
            foreach (var w in ledger.Entries)
            {
                writer.WriteLine("| " + w.Index + " | " + string.Join(" | ", new[] { ReportText.Scope(w), w.Justification, w.ApprovedBy ?? "not stated",
                    IsoDate.Day(w.Expires), ReportText.Status(data, w) }.Select(Cell)) + " |");
            }

            writer.WriteLine();
        }

        writer.WriteLine("## Where data may be hosted");
        writer.WriteLine();
        writer.WriteLine("| Data category | " + string.Join(" | ", data.Products.Select(Cell)) + " |");
        writer.WriteLine("|---|" + string.Concat(data.Products.Select(_ => "---|")));
        foreach (var category in data.Categories)
        {
            var cells = data.Products.Select(product => data.Cell(product, category))
                .Select(r => r == null ? "–" : (r.Regions.Count == 0 ? "? unknown" : string.Join(" ", r.Regions)) + ReportWords.Marks(r.Basis, r.HasConflict));
            writer.WriteLine("| " + Cell(category.DataCategory) + " | " + string.Join(" | ", cells.Select(Cell)) + " |");
        }

        writer.WriteLine();
        writer.WriteLine("## EEA boundary");
        writer.WriteLine();
        writer.WriteLine(Cell(BoundarySummary.Of(data)));
        writer.WriteLine();
        writer.WriteLine("| Row | Product | Data category | Hosting region | Verdict | Passed | Basis | Findings | Source |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in data.Results)
        {
            var cells = new[] { ReportText.Row(r), r.Product, r.DataCategory, r.HostingRegion, ReportWords.Verdict(r.Verdict) + ReportWords.Marks(r.Basis, r.HasConflict),
                r.Passed ? (r.Waived ? "yes (waived)" : "yes") : "no", ReportWords.Basis(r.Basis) }.Select(Cell);
            var findings = string.Join("<br>", r.Findings.Select(f => Cell(ReportWords.Effect(f.Effect) + ": " + f.Message)));
            writer.WriteLine("| " + string.Join(" | ", cells) + " | " + findings + " | " + Cell(ReportText.SourceLines(r)) + " |");
        }

        writer.WriteLine();
        writer.WriteLine("## Retention");
        writer.WriteLine();
        writer.WriteLine("| Product | Subject | Hosting region | Kept in | Period | After the period | Basis |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var rule in p.Retention)
        {
            writer.WriteLine("| " + string.Join(" | ", new[] { rule.Product, rule.Subject, rule.HostingRegion.ToString(), rule.StorageLocation, ReportWords.Period(rule),
                rule.AfterWithDelay,
                ReportWords.BasisAndConflict(rule.Basis, rule.HasConflict) }.Select(Cell)) + " |");
        }

        writer.WriteLine();
        writer.WriteLine("## Readings and conflicts");
        writer.WriteLine();
        writer.WriteLine("| What | Basis | Why | Conflict |");
        writer.WriteLine("|---|---|---|---|");
        foreach (var reading in data.Readings)
        {
            writer.WriteLine("| " + Cell(reading.Subject) + " | " + Cell(ReportWords.Basis(reading.Basis)) + " | " + Cell(reading.Notes) + " | "
                + Cell(reading.Conflict == null ? string.Empty : ReportWords.ConflictMark + " " + reading.Conflict) + " |");
        }

        writer.WriteLine();
        writer.WriteLine("## Source statements cited");
        writer.WriteLine();
        writer.WriteLine("| Line | Source text | English |");
        writer.WriteLine("|---|---|---|");
        foreach (var s in data.CitedStatements)
        {
            writer.WriteLine("| " + s.Line + " | " + Cell(s.Text) + " | " + Cell(s.English) + " |");
        }
    }

    // Every text from a policy or an inventory is inert in markdown: one line, HTML escaped, and the characters
    // markdown reads as syntax (emphasis, code, links, headings, list markers, table pipes) backslash-escaped,
    // the backslash first so "\|" cannot undo the pipe's escape and shift every later column. ':' and '@', and a
    // '.' that does not end a sentence (evil.com, www.-x), are escaped too: renderers with autolinks (Markdig,
    // markdown-it with linkify) turn a bare https://…, www.…, name@host or domain into a link otherwise.
    internal static string Cell(string? text)
    {
        var value = text ?? string.Empty;
        var builder = new System.Text.StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // Any '.' that does not end a sentence: "www.-evil.-com" and a '.' before a combining mark are links to Markdig too.
            if (c == '.' && i + 1 < value.Length && !char.IsWhiteSpace(value[i + 1]))
            {
                builder.Append("\\.");
                continue;
            }

            switch (c)
            {
                case '\r':
                case '\n':
                case '\t':
                    builder.Append(' ');
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\\':
                case '|':
                case '*':
                case '_':
                case '`':
                case '[':
                case ']':
                case '#':
                case '!':
                case '~':
                case ':':
                case '@':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}

/// <summary>Writes one CSV row per EEA boundary result.</summary>
internal static class CsvReportWriter
{
    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(ReportData data, TextWriter writer, char delimiter = ',')
    {
        var separator = delimiter.ToString();
        // The input rows' own columns follow, each as Input.<name>, so a spreadsheet row still carries its owner or tenant.
        var inputColumns = data.InputColumnNames;
        writer.WriteLine(("InputRow,PolicyVendor,Product,DataCategory,HostingRegion,Verdict,StaysInEea,Passed,Waived,WaiverJustification,WaiverApprovedBy,WaiverExpires,Basis,Regions,Findings,Source,UsesIntegrations,CustomMailbox,PolicyVersion,PolicySha256,HasConflict,Conflict,ProductBasis").Replace(",", separator)
            + string.Concat(inputColumns.Select(name => separator + Quote("Input." + name))));
        foreach (var r in data.Results)
        {
            var record = data.RecordOf(r);
            var fields = new[]
            {
                r.InputRow?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, r.PolicyVendor, r.Product, r.DataCategory, r.HostingRegion, r.Verdict.ToString(), r.StaysInEea ? "True" : "False", r.Passed ? "True" : "False",
                r.Waived ? "True" : "False", r.WaiverJustification ?? string.Empty, r.WaiverApprovedBy ?? string.Empty, IsoDate.Day(r.WaiverExpires) ?? string.Empty, r.Basis.ToString(),
                record?.Regions.ToString() ?? string.Empty,
                string.Join("; ", r.Findings.Select(f => ReportWords.Effect(f.Effect) + ": " + f.Message)),
                // Cited by line, not quoted: every row quoting every statement made a 542 KB policy a 200 MB report. The
                // words are in the policy text (Get-PolicyStatement) and in the HTML and markdown reports, once each.
                string.Join("; ", r.Findings.SelectMany(f => f.Source).Distinct().OrderBy(s => s.Line).Select(s => "line " + s.Line.ToString(CultureInfo.InvariantCulture))),
                r.UsesIntegrations ? "True" : "False", r.CustomMailbox ? "True" : "False", r.PolicyVersion, r.PolicySha256,
                r.HasConflict ? "True" : "False", r.Conflict ?? string.Empty,
                data.Policy.ProductIndex.Find(r.Product)?.Basis.ToString() ?? string.Empty,
            };
            writer.WriteLine(string.Join(separator, fields.Concat(inputColumns.Select(name => r.InputColumns.TryGetValue(name, out var value) ? value : string.Empty)).Select(Quote)));
        }
    }

    // OWASP's rule for CSV injection: a cell that begins with a formula character gets a leading quote, so a
    // spreadsheet shows it as text instead of running it.
    internal static string Quote(string field)
    {
        // Also after leading blanks or line breaks: a spreadsheet that trims a cell would read " =1+2" as a formula.
        var first = field.TrimStart(' ', '\n', '\r', '\t');
        if ((field.Length > 0 && "\t\r".IndexOf(field[0]) >= 0) || (first.Length > 0 && "=+-@".IndexOf(first[0]) >= 0))
        {
            field = "'" + field;
        }

        return "\"" + field.Replace("\"", "\"\"") + "\"";
    }
}

/// <summary>The one sentence every report opens its EEA boundary section with: counts, passed, and rows not evaluated.</summary>
internal static class BoundarySummary
{
    public static string Of(ReportData data)
    {
        var results = data.Results;
        var counts = string.Join(", ", results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => g.Count() + " " + g.Key));
        return results.Count + " result" + (results.Count == 1 ? string.Empty : "s") + (counts.Length > 0 ? " (" + counts + ")" : string.Empty)
            + "; " + data.PassedCount + " passed"
            + (data.NotEvaluatedCount > 0 ? "; " + data.NotEvaluatedCount + " input row" + (data.NotEvaluatedCount == 1 ? " was" : "s were") + " not evaluated (unknown product, category or region): see their findings" : string.Empty)
            + ".";
    }
}
