using System.Net;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 20, points 4, 5 and 7: every output of one run shows every conflict and every reading its objects carry (the
/// Freshdesk call-recording conflict of lines 35 and 81 included), names each product identification as a reading,
/// and shows no key of ours (a rule id, a statement id, a parameter name) where an auditor reads words.
/// </summary>
public class EveryOutputKeepsMarksTests
{
    private static readonly string[] Text = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    // One nightly run: every record of every product, hosted in the EEA, as assumed without options.
    private static List<EeaBoundaryResult> Run(BoundaryOptions options = BoundaryOptions.None) =>
        Policy.Residency.Select(r => BoundaryEvaluator.Evaluate(Policy, r, Policy.RegionIndex.Find("EEA")!, options)).ToList();

    private static string Render(ReportFormat format, IReadOnlyList<EeaBoundaryResult> results)
    {
        var data = new ReportData(Policy, results, DateTime.UtcNow);
        using var writer = new StringWriter();
        switch (format)
        {
            case ReportFormat.Html: HtmlReportWriter.Write(data, writer); break;
            case ReportFormat.Markdown: MarkdownReportWriter.Write(data, writer); break;
            case ReportFormat.Csv: CsvReportWriter.Write(data, writer); break;
            case ReportFormat.Article30: Article30Writer.WriteHtml(data, writer); break;
            case ReportFormat.Article30Csv: Article30Writer.WriteCsv(data, writer, ','); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }

        return writer.ToString();
    }

    // What a reader sees: entities and markdown escapes undone, so the policy's words can be looked for as written.
    private static string Readable(ReportFormat format, string output) => format switch
    {
        ReportFormat.Markdown => WebUtility.HtmlDecode(Regex.Replace(output, @"\\(.)", "$1")),
        ReportFormat.Html or ReportFormat.Article30 => WebUtility.HtmlDecode(output),
        _ => output,
    };

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Select((h, i) => (h, fields[i])).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }

    public static TheoryData<ReportFormat> PageFormats => new() { ReportFormat.Html, ReportFormat.Markdown, ReportFormat.Article30 };

    [Theory]
    [MemberData(nameof(PageFormats))]
    public void A_page_shows_every_conflict_and_the_reason_of_every_reading_its_results_rest_on(ReportFormat format)
    {
        Assert.Contains("Alleen in de VS beschikbaar", Text[34], StringComparison.Ordinal);
        var results = Run();
        var page = Readable(format, Render(format, results));
        var records = results.Select(r => Policy.Find(Policy.ProductIndex.Find(r.Product)!, Policy.CategoryIndex.Find(r.DataCategory)!)!).ToList();
        Assert.Contains(records, r => r.HasConflict);
        foreach (var record in records)
        {
            if (record.HasConflict)
            {
                Assert.Contains(record.Conflict!, page, StringComparison.Ordinal);
            }

            if (record.Basis != Basis.Stated)
            {
                Assert.Contains(string.Join(" ", record.Notes), page, StringComparison.Ordinal);
            }
        }

        foreach (var rule in Policy.Retention.Where(r => r.HasConflict || r.Basis != Basis.Stated))
        {
            Assert.Contains(rule.HasConflict ? rule.Conflict! : string.Join(" ", rule.Notes), page, StringComparison.Ordinal);
        }

        // Point 5: which rows are a product's own is a reading where the table has no product names.
        foreach (var product in Policy.ProductIndex.Items.Where(p => p.Basis != Basis.Stated))
        {
            Assert.Contains(string.Join(" ", product.Notes), page, StringComparison.Ordinal);
        }

        // The marks are explained on the page that uses them.
        Assert.All(ReportWords.BasisLegend, entry => Assert.Contains(entry.Value, page, StringComparison.Ordinal));
    }

    [Fact]
    public void The_article_30_record_marks_the_footnote_transfer_of_Freshdesk_call_recordings_as_a_conflict()
    {
        Assert.StartsWith("*opname van gesprekken voor Freshdesk", Text[80], StringComparison.Ordinal);
        var freshdesk = Run().Where(r => r.Product == "Freshdesk").ToList();
        var page = Readable(ReportFormat.Article30, Render(ReportFormat.Article30, freshdesk));
        var transit = Policy.Retention.Single(r => r.Product == "Freshdesk" && r.Subject == "Call recordings");
        var row = Regex.Matches(page, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value)
            .Where(r => r.StartsWith("<tr><td>Call recordings</td>", StringComparison.Ordinal)).ToList();
        Assert.Contains(row, r => r.Contains("<td>transit</td>", StringComparison.Ordinal));
        Assert.All(row.Where(r => r.Contains("<td>transit</td>", StringComparison.Ordinal)), r => Assert.Contains(ReportWords.ConflictMark + " conflict: " + transit.Conflict, r, StringComparison.Ordinal));
        Assert.All(row.Where(r => r.Contains("<td>storage</td>", StringComparison.Ordinal)), r => Assert.Contains(ReportWords.ConflictMark + " conflict: ", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Both_CSV_formats_carry_basis_conflict_and_product_basis_on_every_row()
    {
        var results = Run();
        var report = Rows(Render(ReportFormat.Csv, results));
        Assert.Equal(results.Count, report.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(results[i].Basis.ToString(), report[i]["Basis"]);
            Assert.Equal(results[i].Conflict ?? string.Empty, report[i]["Conflict"]);
            Assert.Equal(Policy.ProductIndex.Find(results[i].Product)!.Basis.ToString(), report[i]["ProductBasis"]);
        }

        var record = Rows(Render(ReportFormat.Article30Csv, results));
        foreach (var residency in Policy.Residency)
        {
            var rows = record.Where(r => r["Product"] == residency.Product && r["DataCategory"] == residency.DataCategory).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(residency.Basis.ToString(), r["CategoryBasis"]));
            Assert.All(rows, r => Assert.Equal(Policy.ProductIndex.Find(residency.Product)!.Basis.ToString(), r["ProductBasis"]));
            Assert.All(rows, r => Assert.Equal(residency.HasConflict || r["Conflict"].Length > 0 ? "True" : "False", r["HasConflict"]));
        }

        Assert.Contains(record, r => r["Product"] == "Freshdesk" && r["Activity"] == "Transit" && r["HasConflict"] == "True" && r["TransferBasis"] == "InferredFromContent");
    }

    [Fact]
    public void No_page_message_or_note_shows_a_rule_key_a_statement_id_or_a_parameter_name()
    {
        var keys = Policy.Rules.Select(r => r.Id).Where(id => Regex.IsMatch(id, "[a-z][A-Z]")).ToList();
        Assert.Contains("CallRecordingTransit", keys);
        var everyOption = new[] { BoundaryOptions.None, BoundaryOptions.UsesIntegrations, BoundaryOptions.CustomMailbox, BoundaryOptions.UsesIntegrations | BoundaryOptions.CustomMailbox }
            .SelectMany(Run).ToList();
        foreach (var format in new[] { ReportFormat.Html, ReportFormat.Markdown, ReportFormat.Csv, ReportFormat.Article30, ReportFormat.Article30Csv })
        {
            var output = Readable(format, Render(format, everyOption));
            var body = format is ReportFormat.Csv or ReportFormat.Article30Csv ? output.Substring(output.IndexOf('\n')) : output; // a CSV header names properties
            Assert.All(keys, key => Assert.DoesNotContain(key, body, StringComparison.Ordinal));
            Assert.All(Policy.Statements, s => Assert.DoesNotContain(">" + s.Id + "<", body, StringComparison.Ordinal));
            Assert.DoesNotMatch(@"(^|\s)-[A-Z][a-z]+[A-Z]\w*", body);
        }

        var words = everyOption.SelectMany(r => r.Findings).Select(f => f.Message)
            .Concat(Policy.Residency.SelectMany(r => r.Notes)).Concat(Policy.Retention.SelectMany(r => r.Notes))
            .Concat(Policy.ProductIndex.Items.SelectMany(p => p.Notes)).Concat(Policy.CategoryIndex.Items.SelectMany(c => c.Notes))
            .Concat(Policy.RegionIndex.Items.SelectMany(r => r.Notes));
        Assert.All(words, w =>
        {
            Assert.DoesNotMatch(@"(^|\s)-[A-Z][a-z]+[A-Z]\w*", w);
            Assert.All(keys, key => Assert.DoesNotContain(key, w, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void The_article_30_record_names_the_vendor_processor_in_the_policy_text_s_own_words()
    {
        Assert.Contains("In de hoedanigheid van gegevensverwerker voert Freshworks", Text[0], StringComparison.Ordinal);
        var page = Readable(ReportFormat.Article30, Render(ReportFormat.Article30, Run()));
        var processor = Regex.Match(page, "<dt>Processor</dt><dd>(.*?)</dd>", RegexOptions.Singleline);
        Assert.True(processor.Success, "the record has no Processor entry");
        Assert.StartsWith("Freshworks, named processor by its policy text: line 1: In de hoedanigheid van gegevensverwerker", processor.Groups[1].Value, StringComparison.Ordinal);
    }
}
