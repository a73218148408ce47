using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;

namespace ResidencyPS.Reports;

/// <summary>
/// A GDPR Article 30 record of processing per product, from the vendor's own words: the categories of personal data
/// with their definitions, where each is stored, every transfer outside the EEA (where, which activity, how long, on
/// what condition, the source sentence), the time limits for erasure and the security measures the text mentions.
/// What only the controller knows (purposes, data subjects, recipients, legal basis) is present, empty and labelled.
/// </summary>
internal static class Article30Writer
{
    /// <summary>What the policy text says about a transfer's safeguard: nothing.</summary>
    // The policy format has no place for safeguards (standard contractual clauses, adequacy), so the record never claims
    // the vendor's text names none: it says none was recorded and where to look.
    public const string Safeguard = "not recorded: see the vendor's agreement";

    private const string ControllerFills = "to be completed by the controller";

    /// <summary>The controller's fields of each product's record, with the answer that fills each.</summary>
    private static readonly (string Label, Func<ProcessingAnswers?, string?> Answer)[] ControllerFields =
    {
        ("Purposes of the processing", a => a?.Purposes),
        ("Categories of data subjects", a => a?.DataSubjects),
        (RecipientsField, a => a?.Recipients),
        ("Legal basis of the transfer", a => a?.LegalBasis),
    };

    private const string RecipientsField = "Recipients";

    // Marks a fact of the record that the controller's answers file gave, not the policy text.
    private const string FromAnswers = "<span class=\"nl\">(the controller's answer)</span>";

    private static IEnumerable<(string Label, Party? Party)> Parties(ControllerAnswers? answers)
    {
        yield return ("Controller", answers?.Controller);
        if (answers?.Representative != null)
        {
            yield return ("Controller's representative", answers.Representative);
        }

        yield return ("Data protection officer", answers?.Dpo);
    }

    // One row of the transfers table; its first cell names the data (one category, or every category a shared row covers).
    private static string TransferRow(string data, DataFlow flow, ReportData report, ProductInfo product) =>
        "<tr><td>" + E(data) + "</td><td>" + E(Where(flow)) + "</td><td>" + E(flow.Activity.ToString().ToLowerInvariant()) + "</td><td>" + E(Leaves(flow.LeavesEea))
        + "</td><td>" + E(HowLong(flow)) + "</td><td>" + E(flow.Condition ?? "always") + "</td><td>" + E(Safeguard) + "</td><td class=\"controller\">"
        + LegalBasis(report, product) + "</td>" + BasisCell(flow.Basis, flow.Conflict) + "<td>" + Sources(flow) + "</td></tr>";

    private static string LegalBasis(ReportData data, ProductInfo product) =>
        data.Controller?.For(product.Name)?.LegalBasis is string basis ? E(basis) + " " + FromAnswers : "<em>" + ControllerFills + "</em>";

    // One controller field of a product's record: the recipients the policy text names, then the controller's answer,
    // or what is left for the controller to complete.
    private static string ControllerCell(ReportData data, ProductInfo product, IEnumerable<DataFlow> flows, (string Label, Func<ProcessingAnswers?, string?> Answer) field)
    {
        var answer = field.Answer(data.Controller?.For(product.Name));
        var named = field.Label == RecipientsField ? Recipients(data.Policy, flows) : null;
        var own = answer != null ? E(answer) + " " + FromAnswers : "<em>" + (named == null ? ControllerFills : "Any other recipient: " + ControllerFills + ".") + "</em>";
        return (named == null ? string.Empty : E(named) + " ") + own;
    }

    /// <summary>
    /// The recipients the policy text itself names for a product's data, marked as such: the vendor where the text calls it
    /// the processor, and the cloud platforms it names; null when it names none. The controller adds the rest.
    /// </summary>
    internal static string? Recipients(ResidencyPolicy policy, IEnumerable<DataFlow> flows)
    {
        var named = new List<string>();
        var processor = ProcessorStatements(policy);
        if (processor.Count > 0)
        {
            named.Add(policy.Vendor + ", as processor (" + Lines(processor) + ")");
        }

        var platforms = flows.Where(f => f.Platform.Count > 0).ToList();
        if (platforms.Count > 0)
        {
            // Named with the data they hold, each set of platforms with its own data and lines: a platform the text names for
            // sign-in data is no recipient of the tickets, and AWS for migration data is not GCP too.
            named.Add("the cloud platforms it names: " + string.Join("; ", platforms
                .GroupBy(f => string.Join(", ", f.Platform.Distinct(System.StringComparer.OrdinalIgnoreCase)), System.StringComparer.Ordinal)
                .Select(g => g.Key + " for " + string.Join(", ", g.Select(f => f.DataCategory).Distinct()) + " (" + Lines(g.SelectMany(f => f.Source)) + ")")));
        }

        return named.Count == 0 ? null : "From the policy text: " + string.Join("; ", named) + ".";
    }

    private static string Lines(IEnumerable<PolicyStatement> statements)
    {
        var lines = statements.Select(s => s.Line).Distinct().OrderBy(l => l).Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        return (lines.Count == 1 ? "line " : "lines ") + string.Join(", ", lines);
    }

    /// <summary>Writes the record as one self-contained HTML page.</summary>
    public static void WriteHtml(ReportData data, TextWriter writer, PageSize pageSize = PageSize.A4)
    {
        HtmlReportWriter.Head(writer, "Record of processing (GDPR Article 30): " + data.Policy.Vendor, pageSize);
        Body(data, writer, string.Empty);
        writer.WriteLine("</body></html>");
    }

    /// <summary>
    /// The record of several vendors' products on one page (issue 22, point 3): each vendor's part under its own heading,
    /// starting a new page, read from that vendor's policy alone.
    /// </summary>
    public static void WriteEstateHtml(EstateData estate, TextWriter writer, PageSize pageSize = PageSize.A4)
    {
        HtmlReportWriter.Head(writer, "Record of processing (GDPR Article 30): " + string.Join(", ", estate.Parts.Select(p => p.Policy.Vendor)), pageSize);
        for (var i = 0; i < estate.Parts.Count; i++)
        {
            var prefix = "vendor-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteLine("<section class=\"record\"><h2 id=\"" + prefix + "\" class=\"vendor\">" + E(estate.Parts[i].Policy.Vendor) + "</h2></section>");
            Body(estate.Parts[i], writer, prefix + "-");
        }

        writer.WriteLine("</body></html>");
    }

    // One policy's record: provenance, the parties, the legend, a section per product and hosting region, the security
    // measures and the readings; every anchor led by <paramref name="idPrefix"/>, so two vendors' parts never share one.
    private static void Body(ReportData data, TextWriter writer, string idPrefix)
    {
        var p = data.Policy;
        writer.WriteLine("<p>Read from " + E(p.Vendor + (p.Vendor.EndsWith("s", System.StringComparison.Ordinal) ? "'" : "'s")) + " data-hosting policy. Columns marked <em>" + ControllerFills + "</em> hold what only the controller knows; "
            + "ResidencyPS reads no safeguards (such as standard contractual clauses) from a policy, so each transfer says <em>" + E(Safeguard) + "</em>.</p>");
        writer.WriteLine("<h2 id=\"" + idPrefix + "provenance\">Provenance</h2><dl class=\"provenance\">");
        foreach (var line in ReportText.Provenance(data).Concat(data.Assumptions))
        {
            HtmlReportWriter.Definition(writer, line.Key, line.Value);
        }

        writer.WriteLine("<dt>Processor</dt><dd>" + E(Processor(p)) + "</dd>");
        foreach (var (label, party) in Parties(data.Controller))
        {
            // Art. 30(1)(a): the controller's name and contact details, and those of its representative and DPO.
            writer.WriteLine("<dt>" + E(label) + "</dt><dd class=\"controller\">" + (party == null ? "<em>" + ControllerFills + "</em>"
                : E(party.ToString()) + " " + FromAnswers) + "</dd>");
        }

        if (data.Controller != null)
        {
            writer.WriteLine("<dt>Controller's answers</dt><dd>" + E(System.IO.Path.GetFileName(data.Controller.Origin) + " (SHA-256 " + data.Controller.Sha256 + ")") + "</dd>");
        }
        writer.WriteLine("</dl>");

        // The marks the tables carry are explained before the first table, as in the HTML report (issue 20, point 4).
        HtmlReportWriter.Render(writer, Prefixed(ReportSections.Legend(ReportWords.BasisLegend), idPrefix));
        foreach (var (product, hosting, flows) in Records(data))
        {
            var notOffered = Offering.Warning(data.Policy, product, hosting);
            writer.WriteLine("<section class=\"record\"><h2 id=\"" + E(idPrefix + Anchor(product.Name + "-" + hosting.Code)) + "\">" + E(product.Name)
                + (notOffered == null ? ", hosted in " : ", asked about as hosted in ") + E(hosting.Name) + "</h2>");
            if (notOffered != null)
            {
                writer.WriteLine("<p class=\"warning\"><strong>Not a set-up the policy describes.</strong> " + E(notOffered) + "</p>");
            }

            writer.WriteLine("<dl class=\"provenance\"><dt>Product as the policy text identifies it</dt><dd>" + E(ReportWords.BasisAndConflict(product.Basis, false)
                + (product.Notes.Count == 0 ? string.Empty : ": " + string.Join(" ", product.Notes))) + "</dd>"
                + string.Concat(ControllerFields.Select(f => "<dt>" + E(f.Label) + "</dt><dd class=\"controller\">" + ControllerCell(data, product, flows, f) + "</dd>")) + "</dl>");

            writer.WriteLine("<h3>Categories of personal data and where they are stored</h3>");
            writer.WriteLine("<table class=\"categories\"><thead><tr><th>Data category</th><th>Definition</th><th>Stored or processed in</th><th>Basis</th></tr></thead><tbody>");
            foreach (var record in data.Policy.ResidencyOf(product))
            {
                var placed = flows.Where(f => f.DataCategory == record.DataCategory && (f.Activity is DataActivity.Storage or DataActivity.Processing or DataActivity.Migration));
                writer.WriteLine("<tr><td>" + E(record.DataCategory) + "<br><span class=\"nl\">" + E(record.DataCategoryNl) + "</span></td><td>"
                    + E(record.Category.Definition ?? "no definition in the policy") + (record.Category.DefinitionNl == null ? string.Empty : "<br><span class=\"nl\">" + E(record.Category.DefinitionNl) + "</span>")
                    + "</td><td>" + E(string.Join("; ", placed.Select(Where))) + "</td>" + BasisCell(record.Basis, record.Conflict) + "</tr>");
            }

            writer.WriteLine("</tbody></table>");
            writer.WriteLine("<h3>Transfers outside the EEA</h3>");
            writer.WriteLine("<table class=\"transfers\"><thead><tr><th>Data</th><th>To</th><th>Activity</th><th>Leaves the EEA</th><th>How long</th><th>Condition</th><th>Safeguard</th><th>"
                + E(ControllerFields[3].Label) + "</th><th>Basis</th><th>Source</th></tr></thead><tbody>");
            var transfers = Transfers(flows).ToList();
            if (transfers.Count == 0)
            {
                writer.WriteLine("<tr><td colspan=\"10\">The policy text states no transfer of " + E(product.Name) + " data outside the EEA for this set-up.</td></tr>");
            }

            // The integration transfers are the same for every data category (same destination, condition and sentences):
            // one row names the categories and cites the source once, instead of a row per category repeating it.
            foreach (var same in transfers.Where(f => f.Activity == DataActivity.Integration)
                         .GroupBy(f => Where(f) + "\n" + f.LeavesEea + "\n" + f.Condition + "\n" + string.Join(",", f.Source.Select(x => x.Line)), System.StringComparer.Ordinal))
            {
                var categories = same.Select(f => f.DataCategory).Distinct().ToList();
                writer.WriteLine(TransferRow(categories.Count == 1 ? categories[0] : "Each of its " + categories.Count + " data categories: " + string.Join(", ", categories), same.First(), data, product));
            }

            foreach (var flow in transfers.Where(f => f.Activity != DataActivity.Integration))
            {
                writer.WriteLine(TransferRow(flow.DataCategory, flow, data, product));
            }

            writer.WriteLine("</tbody></table>");
            writer.WriteLine("<h3>Time limits for erasure</h3><table class=\"erasure\"><thead><tr><th>What</th><th>Kept in</th><th>How long</th><th>Then</th><th>Basis</th><th>Source</th></tr></thead><tbody>");
            var kept = flows.Where(f => f.Activity is DataActivity.Logging or DataActivity.Backup or DataActivity.Transit).ToList();
            if (kept.Count == 0)
            {
                // An empty table must say why, or a reader takes it for a page that did not print.
                writer.WriteLine("<tr><td colspan=\"6\">The policy text states no logs, backups or temporary copies for " + E(product.Name) + ".</td></tr>");
            }

            foreach (var flow in kept)
            {
                writer.WriteLine("<tr><td>" + E(flow.DataCategory) + "</td><td>" + E(flow.Location) + "</td><td>" + E(HowLong(flow)) + "</td><td>" + E(flow.AfterPeriod ?? "not stated")
                    + "</td>" + BasisCell(flow.Basis, flow.Conflict) + "<td>" + Sources(flow) + "</td></tr>");
            }

            writer.WriteLine("</tbody></table></section>");
        }

        writer.WriteLine("<h2 id=\"" + idPrefix + "security\">Security measures the policy mentions</h2><table><thead><tr><th>Line</th><th>Policy text</th><th>English</th></tr></thead><tbody>");
        if (p.SecurityMeasures.Count == 0)
        {
            // The policy's author chose the statements (securityMeasures); none chosen is not "the vendor takes no measures".
            writer.WriteLine("<tr><td colspan=\"3\">The policy file names no statement of the policy text as describing security measures (its <code>securityMeasures</code> list is empty or absent), so none is listed here; that does not mean the vendor takes none.</td></tr>");
        }

        foreach (var statement in SecurityStatements(p))
        {
            writer.WriteLine("<tr><td>" + statement.Line + "</td><td lang=\"" + E(p.SourceLanguage) + "\">" + E(statement.Text) + "</td><td>" + E(statement.English) + "</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        HtmlReportWriter.Render(writer, Prefixed(ReportSections.Readings(data), idPrefix));
    }

    // Blocks whose anchors are led by idPrefix: two vendors' parts of one page never share an anchor.
    private static IEnumerable<Block> Prefixed(IEnumerable<Block> blocks, string idPrefix) => blocks.Select(b => b switch
    {
        Heading h => h with { Id = idPrefix + h.Id },
        Table { Id: not null } t => t with { Id = idPrefix + t.Id },
        _ => b,
    });

    // A basis cell with its mark, and the conflict in words where the text says otherwise: the record an auditor signs
    // keeps every mark the other outputs show (issue 20, point 4).
    private static string BasisCell(Basis basis, string? conflict) =>
        "<td" + (conflict == null ? ">" : " class=\"conflict\">") + E(ReportWords.BasisAndConflict(basis, conflict != null)) + (conflict == null ? string.Empty : ": " + E(conflict)) + "</td>";

    /// <summary>
    /// The processor, as the policy text names its role: the vendor, with each statement whose English rendering says
    /// "processor" (Freshworks' line 1: "In de hoedanigheid van gegevensverwerker"), or a plain note that the text says none.
    /// </summary>
    internal static string Processor(ResidencyPolicy policy)
    {
        var said = ProcessorStatements(policy);
        return policy.Vendor + (said.Count == 0
            ? ": the policy text does not name the vendor's role"
            : ", named processor by its policy text: " + string.Join(" ", said.Select(s => "line " + s.Line.ToString(CultureInfo.InvariantCulture) + ": " + s.Text + " (" + s.English + ")")));
    }

    private static readonly Regex ProcessorWord = new Regex(@"\bprocessor\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The statements whose English rendering calls the vendor the processor, in the text's order: the record's
    // Processor line and the recipients it names both rest on them.
    private static List<PolicyStatement> ProcessorStatements(ResidencyPolicy policy) =>
        policy.Statements.Where(s => ProcessorWord.IsMatch(s.English)).OrderBy(s => s.Line).ToList();

    /// <summary>The Article30Csv columns, in order.</summary>
    internal static readonly string[] CsvColumns =
    {
        "Product", "HostingRegion", "DataCategory", "Definition", "StoredIn", "TransferTo", "Activity", "LeavesEea", "Duration",
        "DurationText", "Condition", "Safeguard", "PurposesOfProcessing", "CategoriesOfDataSubjects", "Recipients", "LegalBasisOfTransfer", "Source", "SourceEnglish",
        "PolicyVersion", "PolicySha256", "CategoryBasis", "TransferBasis", "HasConflict", "Conflict", "ProductBasis", "Controller", "Representative", "DataProtectionOfficer",
    };

    // The columns of a record of several vendors: the same, led by the vendor.
    private static readonly string[] EstateCsvColumns = new[] { "Vendor" }.Concat(CsvColumns).ToArray();

    /// <summary>Writes the record as CSV: one row per product, data category and transfer (a category with none has one row).</summary>
    public static void WriteCsv(ReportData data, TextWriter writer, char delimiter)
    {
        writer.WriteLine(string.Join(delimiter.ToString(), CsvColumns));
        Rows(data, writer, delimiter, vendor: false);
    }

    /// <summary>The record of several vendors' products as CSV: the same columns led by Vendor, each vendor's rows read from its own policy.</summary>
    public static void WriteEstateCsv(EstateData estate, TextWriter writer, char delimiter)
    {
        writer.WriteLine(string.Join(delimiter.ToString(), EstateCsvColumns));
        foreach (var part in estate.Parts)
        {
            Rows(part, writer, delimiter, vendor: true);
        }
    }

    private static void Rows(ReportData data, TextWriter writer, char delimiter, bool vendor)
    {
        var separator = delimiter.ToString();
        foreach (var (product, hosting, flows) in Records(data))
        {
            var answers = data.Controller?.For(product.Name);
            foreach (var record in data.Policy.ResidencyOf(product))
            {
                var stored = string.Join("; ", flows.Where(f => f.DataCategory == record.DataCategory && (f.Activity is DataActivity.Storage or DataActivity.Processing or DataActivity.Migration)).Select(Where));
                var transfers = Transfers(flows).Where(f => f.DataCategory == record.DataCategory).ToList();
                foreach (var flow in transfers.Count == 0 ? new DataFlow?[] { null } : transfers.Cast<DataFlow?>())
                {
                    var fields = new[]
                    {
                        product.Name, hosting.Code, record.DataCategory, record.Category.Definition ?? string.Empty, stored, flow == null ? string.Empty : Where(flow),
                        flow?.Activity.ToString() ?? string.Empty, flow?.LeavesEea.ToString() ?? string.Empty, flow == null ? string.Empty : HowLong(flow), flow?.DurationText ?? string.Empty,
                        flow == null ? string.Empty : flow.Condition ?? "always", flow == null ? string.Empty : Safeguard, answers?.Purposes ?? string.Empty, answers?.DataSubjects ?? string.Empty,
                        string.Join(" ", new[] { Recipients(data.Policy, flows.Where(f => f.DataCategory == record.DataCategory)), answers?.Recipients == null ? null : "The controller: " + answers.Recipients + "." }
                            .Where(r => r != null)),
                        flow == null ? string.Empty : answers?.LegalBasis ?? string.Empty,
                        flow?.SourceText ?? string.Empty, flow?.SourceEnglish ?? string.Empty, data.Policy.PolicyVersion, data.Policy.Sha256,

                        // How the row was read, and what the text says against it: an inferred transit or a conflicting footnote
                        // must not lose its mark in the spreadsheet an auditor receives (issue 20).
                        record.Basis.ToString(), flow?.Basis.ToString() ?? string.Empty, record.HasConflict || flow?.HasConflict == true ? "True" : "False",
                        string.Join(" ", new[] { record.Conflict, flow?.Conflict }.Where(c => c != null).Distinct()),

                        // Which rows are the product's own is a reading where the text's table names no products (issue 20, point 5).
                        product.Basis.ToString(),

                        // Art. 30(1)(a), from the controller's answers file; empty without one.
                        data.Controller?.Controller.ToString() ?? string.Empty,
                        data.Controller?.Representative?.ToString() ?? string.Empty,
                        data.Controller?.Dpo?.ToString() ?? string.Empty,
                    };
                    writer.WriteLine(string.Join(separator, (vendor ? new[] { data.Policy.Vendor }.Concat(fields) : fields).Select(CsvReportWriter.Quote)));
                }
            }
        }
    }

    // One record per product and hosting region: those of the results piped in, or every product hosted in the EEA.
    private static IEnumerable<(ProductInfo Product, HostingRegionInfo Hosting, List<DataFlow> Flows)> Records(ReportData data)
    {
        var policy = data.Policy;
        var pairs = data.Results.Count > 0
            ? data.Results.Select(r => (policy.ProductIndex.Find(r.Product), policy.RegionIndex.Find(r.HostingRegion))).Where(p => p.Item1 != null && p.Item2 != null).Distinct().ToList()
            : policy.ProductIndex.Items.Select(p => ((ProductInfo?)p, policy.RegionIndex.Find(RegionCodes.Eea))).Where(p => p.Item2 != null).ToList();
        foreach (var (product, hosting) in pairs)
        {
            // The record follows the set-up the results assumed (issue 23): the integration transfers only when a result of
            // this product and region assumed integrations are used, as Get-DataFlow shows them.
            var integrations = data.Results.Any(r => r.UsesIntegrations && r.Product == product!.Name && r.HostingRegion == hosting!.Code);
            yield return (product!, hosting!, DataFlowBuilder.Flows(policy, product!, hosting!, integrations ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None, _ => true, _ => true));
        }
    }

    private static IEnumerable<DataFlow> Transfers(IEnumerable<DataFlow> flows) => flows.Where(f => f.LeavesEea != LeavesEea.No);

    private static IEnumerable<PolicyStatement> SecurityStatements(ResidencyPolicy policy) => policy.SecurityMeasures.OrderBy(s => s.Line);

    private static string Where(DataFlow flow) =>
        (flow.Location == "Unknown" ? "no place stated" : flow.Location) + (flow.Platform.Count > 0 ? " (" + string.Join(", ", flow.Platform) + ")" : string.Empty);

    private static string HowLong(DataFlow flow) => ReportWords.Period(flow.DurationInWords, flow.DurationText);

    private static string Leaves(LeavesEea leaves) => leaves switch
    {
        LeavesEea.Yes => "yes",
        LeavesEea.May => "may",
        LeavesEea.Unknown => "unknown: no place stated",
        _ => "no",
    };

    private static string Sources(DataFlow flow) =>
        string.Join("<br>", flow.Source.Select(s => "line " + s.Line.ToString(CultureInfo.InvariantCulture) + ": <span lang=\"nl\">" + E(s.Text) + "</span> <span class=\"nl\">(" + E(s.English) + ")</span>"));

    private static string Anchor(string text) => Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-");

    private static string E(string? text) => HtmlReportWriter.E(text);
}
