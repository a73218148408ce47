using System.Text.RegularExpressions;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 19, point 3: the HTML and markdown reports render one section model (<see cref="ReportSections"/>), so
/// neither can gain or lose a section, a column or a row the other has: the writers once repeated every section, and the
/// markdown had lost the matrix's explanation and the source-language names.
/// </summary>
public sealed class ReportSectionsTests
{
    private static readonly ReportData Data = new(SampleRun.Policy, SampleRun.Every(
        "{\"product\":\"Freshsales\",\"dataCategory\":\"Call recordings\",\"justification\":\"Ten minutes reviewed.\",\"approvedBy\":\"DPO\",\"expires\":\"2099-12-31\"}",
        BoundaryOptions.None, "Zendesk"), DateTime.UtcNow);

    private static string Render(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    [Fact]
    public void Both_page_formats_have_every_section_in_the_models_order_and_every_table_row_by_row()
    {
        var blocks = ReportSections.Of(Data).ToList();
        var html = Render(w => HtmlReportWriter.Write(Data, w));
        var markdown = Render(w => MarkdownReportWriter.Write(Data, w));

        var headings = blocks.OfType<Heading>().Select(h => h.Text).ToList();
        Assert.Equal(headings, Regex.Matches(html, "<h2 id=\"[^\"]+\">([^<]+)</h2>").Select(m => m.Groups[1].Value));
        Assert.Equal(headings, Regex.Matches(markdown, "^## (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));

        // One row per table row of the model, and the markdown's header and separator lines besides.
        var rows = blocks.OfType<Table>().Sum(t => t.Rows.Count);
        Assert.Equal(rows, Regex.Matches(html, "<tbody>.*?</tbody>", RegexOptions.Singleline).Sum(m => Regex.Count(m.Value, "<tr>")));
        Assert.Equal(rows + 2 * blocks.OfType<Table>().Count(), Regex.Count(markdown, "^\\|", RegexOptions.Multiline));
        Assert.True(rows > Data.Results.Count, "the sample run fills every table");
    }

    [Fact]
    public void What_the_html_shows_in_colour_alone_is_the_only_thing_the_markdown_leaves_out()
    {
        var markdown = Render(w => MarkdownReportWriter.Write(Data, w));
        foreach (var paragraph in ReportSections.Of(Data).OfType<Paragraph>())
        {
            var text = MarkdownReportWriter.Cell(paragraph.Text);
            Assert.Equal(!paragraph.ColoursOnly, markdown.Contains(text, StringComparison.Ordinal));
        }

        // The source-language name of every category, as the HTML's matrix has it under the English one.
        Assert.All(Data.Categories, c => Assert.Contains(MarkdownReportWriter.Cell(c.NameNl), markdown, StringComparison.Ordinal));
    }
}
