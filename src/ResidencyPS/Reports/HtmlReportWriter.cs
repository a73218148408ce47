using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;

namespace ResidencyPS.Reports;

/// <summary>Writes one self-contained HTML page: inline styles, no scripts, no external assets.</summary>
internal static class HtmlReportWriter
{
    /// <summary>The page's one style sheet, shared with the Article 30 record.</summary>
    internal const string Css = @"
body{font-family:Segoe UI,Helvetica,Arial,DejaVu Sans,sans-serif;margin:2rem;color:#1b1b1b;max-width:1400px}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f0f0f0}td.eea{background:#d8f0d8}td.outside{background:#f6d5d2}td.unknown{background:#e4e4e4}td.none{background:#fff;color:#999}
.Within{background:#d8f0d8}.Transient{background:#fdf0c4}.Outside{background:#f6d5d2}.Unknown{background:#e4e4e4}.NotEvaluated{background:#fff;border:2px dashed #a33}
td.conflict{outline:2px solid #a33;outline-offset:-3px}.passed{font-weight:600}
dl.provenance,dl.legend{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.nl{color:#444;font-style:italic}.verdict{font-size:1.2rem;font-weight:600;padding:.4rem .6rem}table.signoff td{min-width:18rem;height:1.8rem}td.date{white-space:nowrap}code{font-size:.85rem}.controller{background:#fffbe6}section.record{break-before:page}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none;font-size:10pt}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
thead{display:table-header-group}tr,dt,dd{break-inside:avoid}h2,h3{break-after:avoid}table{font-size:8pt}}";

    /// <summary>Writes the report to <paramref name="writer"/>: its sections (<see cref="ReportSections"/>) as HTML.</summary>
    public static void Write(ReportData data, TextWriter writer, PageSize pageSize = PageSize.A4)
    {
        Head(writer, ReportSections.Title(data), pageSize);
        Render(writer, ReportSections.Of(data));
        writer.WriteLine("</body></html>");
    }

    /// <summary>Writes a report of several vendors' results (<see cref="ReportSections.Of(EstateData)"/>) as one page.</summary>
    public static void WriteEstate(EstateData estate, TextWriter writer, PageSize pageSize = PageSize.A4)
    {
        Head(writer, ReportSections.Title(estate), pageSize);
        Render(writer, ReportSections.Of(estate));
        writer.WriteLine("</body></html>");
    }

    /// <summary>Writes <paramref name="blocks"/> as HTML, every text escaped.</summary>
    internal static void Render(TextWriter writer, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    var tag = "h" + heading.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    writer.WriteLine("<" + tag + " id=\"" + E(heading.Id) + "\">" + E(heading.Text) + "</" + tag + ">");
                    break;
                case Paragraph paragraph:
                    writer.WriteLine("<p" + Attribute("id", paragraph.Id) + Attribute("class", paragraph.Class) + ">" + E(paragraph.Text) + "</p>");
                    break;
                case Definitions list:
                    writer.WriteLine("<dl class=\"" + E(list.Class) + "\">");
                    foreach (var item in list.Items)
                    {
                        Definition(writer, item.Term, item.Value);
                    }

                    writer.WriteLine("</dl>");
                    break;
                case Table table:
                    WriteTable(writer, table);
                    break;
            }
        }
    }

    private static void WriteTable(TextWriter writer, Table table)
    {
        writer.Write("<table" + Attribute("id", table.Id) + Attribute("class", table.Class) + ">");
        if (table.Header != null)
        {
            writer.Write("<thead><tr>" + string.Concat(table.Header.Select(h => "<th>" + E(h) + "</th>")) + "</tr></thead>");
        }

        writer.WriteLine("<tbody>");
        foreach (var row in table.Rows)
        {
            writer.Write("<tr>");
            foreach (var cell in row)
            {
                var tag = cell.RowHeader ? "th" : "td";
                writer.Write("<" + tag + Attribute("class", cell.Class) + Attribute("lang", cell.Lang) + ">"
                    + string.Join("<br>", cell.Lines.Select(Line)) + "</" + tag + ">");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    private static string Line(CellLine line) =>
        line.Label != null ? "<b>" + E(line.Label) + "</b>: " + E(line.Text)
        : line.Secondary ? "<span class=\"nl\">" + E(line.Text) + "</span>"
        : E(line.Text);

    private static string Attribute(string name, string? value) => string.IsNullOrEmpty(value) ? string.Empty : " " + name + "=\"" + E(value) + "\"";

    /// <summary>
    /// Opens a self-contained page: its one style sheet, a Content-Security-Policy that lets nothing but those inline
    /// styles load or run (whatever a policy's text holds), and <paramref name="title"/> as title and heading.
    /// </summary>
    internal static void Head(TextWriter writer, string title, PageSize pageSize)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">");
        writer.WriteLine("<title>" + E(title) + "</title><style>" + Css.Replace("@page{size:A4;", "@page{size:" + (pageSize == PageSize.Letter ? "letter" : "A4") + ";") + "</style></head><body>");
        writer.WriteLine("<h1>" + E(title) + "</h1>");
    }

    /// <summary>One term and its value of a definition list, both escaped.</summary>
    internal static void Definition(TextWriter writer, string term, string value) =>
        writer.WriteLine("<dt>" + E(term) + "</dt><dd>" + E(value) + "</dd>");

    /// <summary>Text made inert in HTML.</summary>
    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
