using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>Writes the report as markdown tables.</summary>
internal static class MarkdownReportWriter
{
    /// <summary>Writes the report to <paramref name="writer"/>: its sections (<see cref="ReportSections"/>) as markdown.</summary>
    public static void Write(ReportData data, TextWriter writer) => Write(ReportSections.Title(data), ReportSections.Of(data), writer);

    /// <summary>Writes a report of several vendors' results (<see cref="ReportSections.Of(EstateData)"/>) as markdown.</summary>
    public static void WriteEstate(EstateData estate, TextWriter writer) => Write(ReportSections.Title(estate), ReportSections.Of(estate), writer);

    private static void Write(string title, IEnumerable<Block> blocks, TextWriter writer)
    {
        writer.WriteLine("# " + Cell(title));
        writer.WriteLine();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    writer.WriteLine(new string('#', heading.Level) + " " + Cell(heading.Text));
                    break;
                case Paragraph { ColoursOnly: true }:
                    continue;
                case Paragraph paragraph:
                    writer.WriteLine(paragraph.Strong ? "**" + Cell(paragraph.Text) + "**" : Cell(paragraph.Text));
                    break;
                case Definitions list:
                    foreach (var item in list.Items)
                    {
                        writer.WriteLine("- " + Cell(item.Term) + ": " + (item.Code ? "`" + item.Value.Replace("`", string.Empty) + "`" : Cell(item.Value)));
                    }

                    break;
                case Table table:
                    // A table without a header (the sign-off block) gets an empty one: markdown has no table without.
                    var header = table.Header ?? (table.Rows.Count > 0 ? table.Rows[0].Select(_ => string.Empty).ToList() : new List<string>());
                    writer.WriteLine("| " + string.Join(" | ", header.Select(Cell)) + " |");
                    writer.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
                    foreach (var row in table.Rows)
                    {
                        writer.WriteLine("| " + string.Join(" | ", row.Select(c => string.Join("<br>", c.Lines.Select(l => Cell(l.Label == null ? l.Text : l.Label + ": " + l.Text))))) + " |");
                    }

                    break;
            }

            writer.WriteLine();
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
    public static void Write(ReportData data, TextWriter writer, char delimiter = ',') =>
        Write(data.Results, _ => data, data.InputColumnNames, writer, delimiter);

    /// <summary>Writes a report of several vendors' results: one row per result, in input order, each read against its own policy.</summary>
    public static void WriteEstate(EstateData estate, TextWriter writer, char delimiter = ',') =>
        Write(estate.Results, estate.PartOf, estate.InputColumnNames, writer, delimiter);

    private static void Write(IReadOnlyList<EeaBoundaryResult> results, System.Func<EeaBoundaryResult, ReportData> partOf, IReadOnlyList<string> inputColumns, TextWriter writer, char delimiter)
    {
        var separator = delimiter.ToString();
        // The input rows' own columns follow, each as Input.<name>, so a spreadsheet row still carries its owner or tenant.
        writer.WriteLine(("InputRow,PolicyVendor,Product,DataCategory,HostingRegion,Verdict,StaysInEea,Passed,Waived,WaiverJustification,WaiverApprovedBy,WaiverExpires,Basis,Regions,Findings,Source,UsesIntegrations,CustomMailbox,PolicyVersion,PolicySha256,HasConflict,Conflict,ProductBasis").Replace(",", separator)
            + string.Concat(inputColumns.Select(name => separator + Quote("Input." + name))));
        foreach (var r in results)
        {
            var data = partOf(r);
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
