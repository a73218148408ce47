using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>One part of a report page: a heading, a paragraph, a list of terms, or a table.</summary>
internal abstract record Block;

/// <summary>A section heading (h2; h3 under a vendor's heading in a report of several vendors), with the anchor the HTML gives it.</summary>
internal sealed record Heading(string Id, string Text, int Level = 2) : Block;

/// <summary>
/// A paragraph. <c>Strong</c> is the report's verdict line; <c>ColoursOnly</c> says something only a page with colours
/// shows (the HTML's cell colours), so the markdown leaves it out.
/// </summary>
internal sealed record Paragraph(string Text, string? Id = null, string? Class = null, bool Strong = false, bool ColoursOnly = false) : Block;

/// <summary>Terms and what they are (provenance, legend, assumptions); a <c>Code</c> value is shown as code where the format has it.</summary>
internal sealed record Definitions(IReadOnlyList<Definition> Items, string Class) : Block;

/// <summary>One term of <see cref="Definitions"/>.</summary>
internal sealed record Definition(string Term, string Value, bool Code = false);

/// <summary>A table; without <c>Header</c> its rows name themselves in their first cell (the sign-off block).</summary>
internal sealed record Table(string? Id, string? Class, IReadOnlyList<string>? Header, IReadOnlyList<IReadOnlyList<Cell>> Rows) : Block;

/// <summary>
/// One cell: its lines (a finding per line, a name and its source-language name), a CSS class for the HTML's colours, the
/// language of its text, and whether it heads its row.
/// </summary>
internal sealed record Cell(IReadOnlyList<CellLine> Lines, string? Class = null, string? Lang = null, bool RowHeader = false)
{
    /// <summary>A cell of one plain line.</summary>
    public static implicit operator Cell(string text) => new Cell(new[] { new CellLine(text) });
}

/// <summary>One line of a cell: its text, led by a bold <c>Label</c> (a finding's effect) or shown as <c>Secondary</c> (a source-language name).</summary>
internal sealed record CellLine(string Text, string? Label = null, bool Secondary = false);

/// <summary>
/// The sections of the data residency report, once, for every page format: the HTML and markdown writers render these
/// blocks and decide nothing about what a report says (issue 19, point 3).
/// </summary>
internal static class ReportSections
{
    // Each table's column headings, once.
    private static readonly string[] ReadingsHeader = new[] { "What", "Basis", "Why", "Conflict" };
    private static readonly string[] SummaryHeader = new[] { "Product", "Hosting region", "Tested", "✓ within", "⇄ transient", "✗ outside", "? unknown", "– not evaluated", "Waived", "Passed" };
    private static readonly string[] WaiverHeader = new[] { "#", "Covers", "Justification", "Approved by", "Expires", "Status" };
    private static readonly string[] BoundaryHeader = new[] { "Row", "Product", "Data category", "Hosting region", "Verdict", "Passed", "Basis", "Findings", "Source" };
    private static readonly string[] RetentionHeader = new[] { "Product", "Subject", "Hosting region", "Kept in", "Period", "After the period", "Basis" };
    private static readonly string[] SourcesHeader = new[] { "Line", "Source text", "English" };

    private static readonly string[] VendorSummaryHeader = new[] { "Vendor" }.Concat(SummaryHeader).ToArray();

    // The provenance lines a report of several vendors shows per policy, in one table (ReportText.Provenance's keys).
    private static readonly string[] PoliciesHeader = new[] { "Vendor", "Policy version", "Source", "Source address", "Source retrieved", "Loaded from", "SHA-256" };

    /// <summary>The report's title.</summary>
    public static string Title(ReportData data) => "Data residency report: " + data.Policy.Vendor;

    /// <summary>The title of a report of several vendors: their names, or how many when the list would not fit a line.</summary>
    public static string Title(EstateData estate) => "Data residency report: " + (estate.Parts.Count <= 3
        ? string.Join(", ", estate.Parts.Select(p => p.Policy.Vendor))
        : estate.Parts.Count.ToString(CultureInfo.InvariantCulture) + " vendors");

    /// <summary>
    /// Every block of a report of several vendors' results (issue 22, point 3): the answer and a summary over all of them,
    /// the sign-off, each policy's provenance in one table and the legend once; then each vendor under its own heading,
    /// with its verdict and the sections of its own report (provenance, waivers, matrix, findings, retention, readings,
    /// sources), so no vendor's facts are read as another's.
    /// </summary>
    public static IEnumerable<Block> Of(EstateData estate)
    {
        yield return new Paragraph(ReportText.OverallVerdict(estate.Results), "verdict", VerdictClass(estate.Results.Count, estate.PassedCount), Strong: true);
        yield return new Heading("summary", "Summary by vendor and product");
        var summaries = estate.Parts.SelectMany(p => p.Summaries).ToList();
        yield return new Table("product-summary", null, VendorSummaryHeader, summaries.Select(s => SummaryRow(s, s.PolicyVendor)).ToList());
        foreach (var block in SignOff())
        {
            yield return block;
        }

        yield return new Heading("policies", "Policies");
        yield return new Table("policies-table", null, PoliciesHeader, estate.Parts.Select(part => (IReadOnlyList<Cell>)ReportText.Provenance(part)
            .Where(line => PoliciesHeader.Contains(line.Key)).Select(line => line.Key == "SHA-256" ? new Cell(new[] { new CellLine(line.Value) }, "sha") : (Cell)line.Value).ToList()).ToList());
        yield return new Paragraph("Generated " + IsoDate.Readable(estate.GeneratedUtc) + " UTC.");
        foreach (var block in Legend(ReportWords.Legend))
        {
            yield return block;
        }

        for (var i = 0; i < estate.Parts.Count; i++)
        {
            var part = estate.Parts[i];
            var prefix = "vendor-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            yield return new Heading(prefix, part.Policy.Vendor);
            yield return new Paragraph(part.Policy.Vendor + ": " + ReportText.OverallVerdict(part), null, VerdictClass(part.Results.Count, part.PassedCount), Strong: true);
            foreach (var block in Body(part))
            {
                yield return block switch
                {
                    Heading h => h with { Id = prefix + "-" + h.Id, Level = 3 },
                    Paragraph { Id: not null } p => p with { Id = prefix + "-" + p.Id },
                    Table { Id: not null } t => t with { Id = prefix + "-" + t.Id },
                    _ => block,
                };
            }
        }
    }

    private static string VerdictClass(int results, int passed) => "verdict " + (results > 0 && passed == results ? "Within" : "Outside");

    /// <summary>Every block of the report, in the order an auditor reads it: answer, summary, sign-off, then where the facts come from.</summary>
    public static IEnumerable<Block> Of(ReportData data)
    {
        yield return new Paragraph(ReportText.OverallVerdict(data), "verdict", VerdictClass(data.Results.Count, data.PassedCount), Strong: true);
        foreach (var block in Summary(data).Concat(SignOff()).Concat(Body(data, legend: true)))
        {
            yield return block;
        }
    }

    // What a report says of one policy's results after its answer, summary and sign-off: where its facts come from (the
    // legend after the provenance, when the page has not given it already), then the findings.
    private static IEnumerable<Block> Body(ReportData data, bool legend = false)
    {
        yield return new Heading("provenance", "Provenance");
        yield return new Definitions(ReportText.Provenance(data).Select(l => new Definition(l.Key, l.Value, l.Key == "SHA-256")).ToList(), "provenance");
        foreach (var block in legend ? Legend(ReportWords.Legend) : Enumerable.Empty<Block>())
        {
            yield return block;
        }

        if (data.Assumptions.Count > 0)
        {
            yield return new Heading("assumptions", "Assumptions");
            yield return new Definitions(data.Assumptions.Select(l => new Definition(l.Key, l.Value)).ToList(), "provenance");
        }

        foreach (var block in WaiverRegister(data).Concat(Matrix(data)).Concat(Boundary(data)).Concat(Retention(data)).Concat(Readings(data)).Concat(Sources(data)))
        {
            yield return block;
        }
    }

    /// <summary>The legend: each symbol or colour and what it means.</summary>
    public static IEnumerable<Block> Legend(IEnumerable<KeyValuePair<string, string>> legend)
    {
        yield return new Heading("legend", "Legend");
        yield return new Definitions(legend.Select(e => new Definition(e.Key, e.Value)).ToList(), "legend");
    }

    /// <summary>Each reading of ours and each contradiction in the text, with why.</summary>
    public static IEnumerable<Block> Readings(ReportData data)
    {
        yield return new Heading("readings", "Readings and conflicts");
        yield return new Table("readings-table", null, ReadingsHeader, data.Readings.Select(reading => Row(
            reading.Subject, ReportWords.Basis(reading.Basis), reading.Notes,
            reading.Conflict == null ? (Cell)string.Empty : new Cell(new[] { new CellLine(ReportWords.ConflictMark + " " + reading.Conflict) }, "conflict"))).ToList());
    }

    private static IEnumerable<Block> Summary(ReportData data)
    {
        yield return new Heading("summary", "Summary by product");
        if (data.Summaries.Count == 0)
        {
            yield return new Paragraph("No EEA boundary results.");
            yield break;
        }

        yield return new Table("product-summary", null, SummaryHeader, data.Summaries.Select(s => SummaryRow(s, null)).ToList());
    }

    // One product and hosting region's counts; in a report of several vendors, led by the vendor.
    private static IReadOnlyList<Cell> SummaryRow(EeaBoundarySummary s, string? vendor)
    {
        var cells = new List<Cell> { s.Product, s.HostingRegion, N(s.Tested), N(s.Within), N(s.Transient), N(s.Outside), N(s.Unknown), N(s.NotEvaluated), N(s.Waived),
            new Cell(new[] { new CellLine(s.Passed ? "✓ yes" : "✗ no") }, "passed " + (s.Passed ? "Within" : "Outside")) };
        if (vendor != null)
        {
            cells.Insert(0, vendor);
        }

        return cells;
    }

    // Blank lines to sign on paper: who reviewed the report, in which role, when.
    private static IEnumerable<Block> SignOff()
    {
        yield return new Heading("sign-off", "Sign-off");
        yield return new Table("sign-off-block", "signoff", null, ReportText.SignOff.Select(field => Row(new Cell(new[] { new CellLine(field) }, RowHeader: true), string.Empty)).ToList());
    }

    // Every waiver of every waiver file the run used: its scope, approver, expiry, and what became of it.
    private static IEnumerable<Block> WaiverRegister(ReportData data)
    {
        yield return new Heading("waivers", "Waiver register");
        if (!data.WaiverRegistersKnown)
        {
            yield return new Paragraph(ReportText.RegisterNotCarried);
        }

        if (data.WaiverRegisters.Count == 0)
        {
            yield return new Paragraph(ReportText.RegisterEmpty(data));
        }

        foreach (var ledger in data.WaiverRegisters)
        {
            yield return new Paragraph("Waiver file " + ReportText.RegisterFile(ledger));
            yield return new Table(null, "waiver-register", WaiverHeader, ledger.Entries.Select(w => Row(
                N(w.Index), ReportText.Scope(w), w.Justification, w.ApprovedBy ?? "not stated", new Cell(new[] { new CellLine(IsoDate.Day(w.Expires) ?? string.Empty) }, "date"),
                ReportText.Status(data, w))).ToList());
        }
    }

    private static IEnumerable<Block> Matrix(ReportData data)
    {
        yield return new Heading("matrix", "Where data may be hosted");
        yield return new Paragraph("Green: EEA hosting available; red: not in the EEA; grey: no region stated.", ColoursOnly: true);
        yield return new Paragraph("? unknown: no region stated; – : the product does not hold the data. " + ReportWords.TableLayoutMark + ", " + ReportWords.ContentMark + " and "
            + ReportWords.ConflictMark + " as in the legend.");
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var category in data.Categories)
        {
            var row = new List<Cell> { new Cell(new[] { new CellLine(category.DataCategory), new CellLine(category.NameNl, Secondary: true) }, RowHeader: true) };
            foreach (var product in data.Products)
            {
                var cell = data.Cell(product, category);
                var text = cell == null ? "–" : (cell.Regions.Count == 0 ? "? unknown" : string.Join(" ", cell.Regions)) + ReportWords.Marks(cell.Basis, cell.HasConflict);
                row.Add(new Cell(new[] { new CellLine(text) }, ReportData.CellClass(cell) + (cell?.HasConflict == true ? " conflict" : string.Empty)));
            }

            rows.Add(row);
        }

        yield return new Table("residency-matrix", null, new List<string> { "Data category" }.Concat(data.Products).ToList(), rows);
    }

    private static IEnumerable<Block> Boundary(ReportData data)
    {
        yield return new Heading("boundary", "EEA boundary");
        yield return new Paragraph(BoundarySummary.Of(data), "boundary-summary");
        yield return new Table("boundary-results", null, BoundaryHeader,
            data.Results.Select(r => Row(
                ReportText.Row(r), r.Product, r.DataCategory, r.HostingRegion,
                new Cell(new[] { new CellLine(ReportWords.Verdict(r.Verdict) + ReportWords.Marks(r.Basis, r.HasConflict)) }, r.Verdict + (r.HasConflict ? " conflict" : string.Empty)),
                r.Passed ? (r.Waived ? "yes (waived: " + r.WaiverJustification + ")" : "yes") : "no",
                ReportWords.Basis(r.Basis),
                new Cell(r.Findings.Select(f => new CellLine(f.Message, ReportWords.Effect(f.Effect))).ToList()),
                ReportText.SourceLines(r))).ToList());
    }

    private static IEnumerable<Block> Retention(ReportData data)
    {
        yield return new Heading("retention", "Retention");
        yield return new Table("retention-rules", null, RetentionHeader,
            data.Policy.Retention.Select(rule => Row(rule.Product, rule.Subject, rule.HostingRegion.ToString(), rule.StorageLocation, ReportWords.Period(rule), rule.AfterWithDelay,
                new Cell(new[] { new CellLine(ReportWords.BasisAndConflict(rule.Basis, rule.HasConflict)) }, rule.HasConflict ? "conflict" : null))).ToList());
    }

    private static IEnumerable<Block> Sources(ReportData data)
    {
        yield return new Heading("sources", "Source statements cited");
        yield return new Table("source-statements", null, SourcesHeader, data.CitedStatements.Select(s => Row(
            N(s.Line), new Cell(new[] { new CellLine(s.Text) }, Lang: data.Policy.SourceLanguage), s.English)).ToList());
    }

    private static IReadOnlyList<Cell> Row(params Cell[] cells) => cells;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
