using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using ResidencyPS.Engine.Text;

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

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(ReportData data, TextWriter writer, PageSize pageSize = PageSize.A4)
    {
        var p = data.Policy;
        Head(writer, "Data residency report: " + p.Vendor, pageSize);

        // What an auditor reads first: the answer, the summary, the sign-off; then where the facts come from.
        writer.WriteLine("<p id=\"verdict\" class=\"verdict " + (data.Results.Count > 0 && data.PassedCount == data.Results.Count ? "Within" : "Outside") + "\">"
            + E(ReportText.OverallVerdict(data)) + "</p>");
        WriteSummary(data, writer);
        WriteSignOff(writer);
        writer.WriteLine("<h2 id=\"provenance\">Provenance</h2><dl class=\"provenance\">");
        foreach (var line in ReportText.Provenance(data))
        {
            Definition(writer, line.Key, line.Value);
        }

        writer.WriteLine("</dl>");
        WriteLegend(writer, ReportWords.Legend);

        if (data.Assumptions.Count > 0)
        {
            writer.WriteLine("<h2 id=\"assumptions\">Assumptions</h2><dl class=\"provenance\">");
            foreach (var line in data.Assumptions)
            {
                Definition(writer, line.Key, line.Value);
            }

            writer.WriteLine("</dl>");
        }

        WriteWaiverRegister(data, writer);
        writer.WriteLine("<h2 id=\"matrix\">Where data may be hosted</h2>");
        writer.WriteLine("<p>Green: EEA hosting available; red: not in the EEA; grey: no region stated; – : the product does not hold the data. "
            + ReportWords.TableLayoutMark + ", " + ReportWords.ContentMark + " and " + ReportWords.ConflictMark + " as in the legend.</p>");
        writer.WriteLine("<table id=\"residency-matrix\"><thead><tr><th>Data category</th>" + string.Concat(data.Products.Select(n => "<th>" + E(n) + "</th>")) + "</tr></thead><tbody>");
        foreach (var category in data.Categories)
        {
            writer.Write("<tr><th>" + E(category.DataCategory) + "<br><span class=\"nl\">" + E(category.NameNl) + "</span></th>");
            foreach (var product in data.Products)
            {
                var cell = data.Cell(product, category);
                var text = cell == null ? "&ndash;" : (cell.Regions.Count == 0 ? "? unknown" : E(string.Join(" ", cell.Regions))) + E(ReportWords.Marks(cell.Basis, cell.HasConflict));
                writer.Write("<td class=\"" + ReportData.CellClass(cell) + (cell?.HasConflict == true ? " conflict" : string.Empty) + "\">" + text + "</td>");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody></table>");

        writer.WriteLine("<h2 id=\"boundary\">EEA boundary</h2>");
        writer.WriteLine("<p id=\"boundary-summary\">" + E(BoundarySummary.Of(data)) + "</p>");
        writer.WriteLine("<table id=\"boundary-results\"><thead><tr><th>Row</th><th>Product</th><th>Data category</th><th>Hosting region</th><th>Verdict</th><th>Passed</th><th>Basis</th><th>Findings</th><th>Source</th></tr></thead><tbody>");
        foreach (var result in data.Results)
        {
            var findings = string.Join("<br>", result.Findings.Select(f => "<b>" + E(ReportWords.Effect(f.Effect)) + "</b>: " + E(f.Message)));
            writer.WriteLine("<tr><td>" + E(ReportText.Row(result)) + "</td><td>" + E(result.Product) + "</td><td>" + E(result.DataCategory) + "</td><td>" + E(result.HostingRegion)
                + "</td><td class=\"" + result.Verdict + (result.HasConflict ? " conflict" : string.Empty) + "\">" + E(ReportWords.Verdict(result.Verdict) + ReportWords.Marks(result.Basis, result.HasConflict))
                + "</td><td>" + (result.Passed ? (result.Waived ? "yes (waived: " + E(result.WaiverJustification) + ")" : "yes") : "no")
                + "</td><td>" + E(ReportWords.Basis(result.Basis)) + "</td><td>" + findings + "</td><td>" + E(ReportText.SourceLines(result)) + "</td></tr>");
        }

        writer.WriteLine("</tbody></table>");

        writer.WriteLine("<h2 id=\"retention\">Retention</h2>");
        writer.WriteLine("<table id=\"retention-rules\"><thead><tr><th>Product</th><th>Subject</th><th>Hosting region</th><th>Kept in</th><th>Period</th><th>After the period</th><th>Basis</th></tr></thead><tbody>");
        foreach (var rule in p.Retention)
        {
            writer.WriteLine("<tr><td>" + E(rule.Product) + "</td><td>" + E(rule.Subject) + "</td><td>" + E(rule.HostingRegion.ToString()) + "</td><td>" + E(rule.StorageLocation)
                + "</td><td>" + E(ReportWords.Period(rule)) + "</td><td>" + E(rule.AfterWithDelay)
                + "</td><td" + (rule.HasConflict ? " class=\"conflict\"" : string.Empty) + ">" + E(ReportWords.BasisAndConflict(rule.Basis, rule.HasConflict)) + "</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        WriteReadings(data, writer);

        writer.WriteLine("<h2 id=\"sources\">Source statements cited</h2>");
        writer.WriteLine("<table id=\"source-statements\"><thead><tr><th>Line</th><th>Source text</th><th>English</th></tr></thead><tbody>");
        foreach (var statement in data.CitedStatements)
        {
            writer.WriteLine("<tr><td>" + statement.Line + "</td><td lang=\"" + E(p.SourceLanguage) + "\">" + E(statement.Text) + "</td><td>" + E(statement.English) + "</td></tr>");
        }

        writer.WriteLine("</tbody></table></body></html>");
    }

    // Blank lines to sign on paper: who reviewed the report, in which role, when.
    private static void WriteSignOff(TextWriter writer)
    {
        writer.WriteLine("<h2 id=\"sign-off\">Sign-off</h2><table id=\"sign-off-block\" class=\"signoff\"><tbody>");
        foreach (var field in ReportText.SignOff)
        {
            writer.WriteLine("<tr><th>" + E(field) + "</th><td></td></tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    // Every waiver of every waiver file the run used: its scope, approver, expiry, and what became of it.
    internal static void WriteWaiverRegister(ReportData data, TextWriter writer)
    {
        writer.WriteLine("<h2 id=\"waivers\">Waiver register</h2>");
        if (!data.WaiverRegistersKnown)
        {
            writer.WriteLine("<p>" + E(ReportText.RegisterNotCarried) + "</p>");
        }

        if (data.WaiverRegisters.Count == 0)
        {
            writer.WriteLine("<p>" + E(ReportText.RegisterEmpty(data)) + "</p>");
            return;
        }

        foreach (var ledger in data.WaiverRegisters)
        {
            writer.WriteLine("<p>Waiver file " + E(ReportText.RegisterFile(ledger)) + "</p>");
            writer.WriteLine("<table class=\"waiver-register\"><thead><tr><th>#</th><th>Covers</th><th>Justification</th><th>Approved by</th><th>Expires</th><th>Status</th></tr></thead><tbody>");
            foreach (var w in ledger.Entries)
            {
                writer.WriteLine("<tr><td>" + w.Index + "</td><td>" + E(ReportText.Scope(w)) + "</td><td>" + E(w.Justification) + "</td><td>" + E(w.ApprovedBy ?? "not stated")
                    + "</td><td class=\"date\">" + IsoDate.Day(w.Expires) + "</td><td>" + E(ReportText.Status(data, w)) + "</td></tr>");
            }

            writer.WriteLine("</tbody></table>");
        }
    }

    private static void WriteSummary(ReportData data, TextWriter writer)
    {
        writer.WriteLine("<h2 id=\"summary\">Summary by product</h2>");
        if (data.Summaries.Count == 0)
        {
            writer.WriteLine("<p>No EEA boundary results.</p>");
            return;
        }

        writer.WriteLine("<table id=\"product-summary\"><thead><tr><th>Product</th><th>Hosting region</th><th>Tested</th><th>✓ within</th><th>⇄ transient</th><th>✗ outside</th><th>? unknown</th><th>– not evaluated</th><th>Waived</th><th>Passed</th></tr></thead><tbody>");
        foreach (var s in data.Summaries)
        {
            writer.WriteLine("<tr><td>" + E(s.Product) + "</td><td>" + E(s.HostingRegion) + "</td><td>" + s.Tested + "</td><td>" + s.Within + "</td><td>" + s.Transient + "</td><td>" + s.Outside
                + "</td><td>" + s.Unknown + "</td><td>" + s.NotEvaluated + "</td><td>" + s.Waived + "</td><td class=\"passed " + (s.Passed ? "Within\">✓ yes" : "Outside\">✗ no") + "</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    /// <summary>The legend section: each symbol or colour and what it means.</summary>
    internal static void WriteLegend(TextWriter writer, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> legend)
    {
        writer.WriteLine("<h2 id=\"legend\">Legend</h2><dl class=\"legend\">");
        foreach (var entry in legend)
        {
            Definition(writer, entry.Key, entry.Value);
        }

        writer.WriteLine("</dl>");
    }

    /// <summary>The readings-and-conflicts section: each reading of ours and each contradiction in the text, with why.</summary>
    internal static void WriteReadings(ReportData data, TextWriter writer)
    {
        writer.WriteLine("<h2 id=\"readings\">Readings and conflicts</h2>");
        writer.WriteLine("<table id=\"readings-table\"><thead><tr><th>What</th><th>Basis</th><th>Why</th><th>Conflict</th></tr></thead><tbody>");
        foreach (var reading in data.Readings)
        {
            writer.WriteLine("<tr><td>" + E(reading.Subject) + "</td><td>" + E(ReportWords.Basis(reading.Basis)) + "</td><td>" + E(reading.Notes) + "</td><td"
                + (reading.Conflict != null ? " class=\"conflict\">" + E(ReportWords.ConflictMark + " " + reading.Conflict) : ">") + "</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

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
