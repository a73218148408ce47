using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ResidencyPS.Reports;

/// <summary>What a writer may need beyond the report data: the CSV field separator and the run's id.</summary>
internal sealed record ReportOptions(char Delimiter, Guid RunId, PageSize PageSize = PageSize.A4);

/// <summary>One report format: its file extensions, the kind of file it is, whether Excel needs a byte order mark, and its writer.</summary>
/// <param name="Format">The format's name, as -Format takes it.</param>
/// <param name="Extensions">The extensions that choose it, the first one preferred; empty when it shares its file kind's extensions.</param>
/// <param name="Family">The kind of file it writes (the Article 30 record is an HTML page or a CSV file like the others).</param>
/// <param name="Description">What it writes, in the words the help and the errors use.</param>
/// <param name="FileName">The file Invoke-ResidencyCheck writes it to in its output folder.</param>
/// <param name="Write">Writes the report.</param>
/// <param name="WriteEstate">Writes a report of several vendors' results; null for a format that covers one policy.</param>
internal sealed record ReportFormatInfo(ReportFormat Format, IReadOnlyList<string> Extensions, ReportFormat Family, string Description, string FileName,
    Action<ReportData, TextWriter, ReportOptions> Write, Action<EstateData, TextWriter, ReportOptions>? WriteEstate = null)
{
    /// <summary>A CSV file starts with a byte order mark: Excel reads one without it in the machine's ANSI code page (broken accents).</summary>
    public bool ByteOrderMark => Family == ReportFormat.Csv;

    /// <summary>Whether -Delimiter and -UseCulture apply.</summary>
    public bool TakesDelimiter => Family == ReportFormat.Csv;

    /// <summary>Whether -PageSize applies: an HTML page is laid out for paper.</summary>
    public bool TakesPageSize => Family == ReportFormat.Html;
}

/// <summary>
/// The one table of report formats (issue 19): the extension a file name chooses, the kind of file, the writer. Export-ResidencyReport,
/// its errors and a test of the help read it; a test holds the <see cref="ReportFormat"/> enum to it, one entry per value.
/// </summary>
internal static class ReportFormats
{
    /// <summary>Every format, in the enum's order.</summary>
    public static IReadOnlyList<ReportFormatInfo> All { get; } = new[]
    {
        new ReportFormatInfo(ReportFormat.Html, new[] { ".html", ".htm" }, ReportFormat.Html, "one self-contained HTML page", "residency.html",
            (data, writer, options) => HtmlReportWriter.Write(data, writer, options.PageSize),
            (estate, writer, options) => HtmlReportWriter.WriteEstate(estate, writer, options.PageSize)),
        new ReportFormatInfo(ReportFormat.Markdown, new[] { ".md", ".markdown" }, ReportFormat.Markdown, "markdown tables", "residency.md",
            (data, writer, _) => MarkdownReportWriter.Write(data, writer),
            (estate, writer, _) => MarkdownReportWriter.WriteEstate(estate, writer)),
        new ReportFormatInfo(ReportFormat.Csv, new[] { ".csv" }, ReportFormat.Csv, "one CSV row per result", "residency.csv",
            (data, writer, options) => CsvReportWriter.Write(data, writer, options.Delimiter),
            (estate, writer, options) => CsvReportWriter.WriteEstate(estate, writer, options.Delimiter)),
        new ReportFormatInfo(ReportFormat.Article30, Array.Empty<string>(), ReportFormat.Html, "the GDPR Article 30 record as an HTML page", "residency-article30.html",
            (data, writer, options) => Article30Writer.WriteHtml(data, writer, options.PageSize),
            (estate, writer, options) => Article30Writer.WriteEstateHtml(estate, writer, options.PageSize)),
        new ReportFormatInfo(ReportFormat.Article30Csv, Array.Empty<string>(), ReportFormat.Csv, "the Article 30 record as CSV", "residency-article30.csv",
            (data, writer, options) => Article30Writer.WriteCsv(data, writer, options.Delimiter),
            (estate, writer, options) => Article30Writer.WriteEstateCsv(estate, writer, options.Delimiter)),
        new ReportFormatInfo(ReportFormat.Json, new[] { ".json" }, ReportFormat.Json, "the JSON result file that Import-ResidencyResult reads back", "residency.json",
            (data, writer, options) => ResultFile.Write(data, writer, options.RunId),
            (estate, writer, options) => ResultFile.WriteEstate(estate, writer, options.RunId)),
        new ReportFormatInfo(ReportFormat.JUnit, new[] { ".xml" }, ReportFormat.JUnit, "JUnit XML for CI servers", "residency.junit.xml",
            (data, writer, _) => JUnitWriter.Write(data, writer),
            (estate, writer, _) => JUnitWriter.WriteEstate(estate, writer)),
        new ReportFormatInfo(ReportFormat.Sarif, new[] { ".sarif" }, ReportFormat.Sarif, "SARIF 2.1.0 for code-scanning tools", "residency.sarif",
            (data, writer, _) => SarifWriter.Write(data, writer)),
    };

    /// <summary>The entry of <paramref name="format"/>.</summary>
    public static ReportFormatInfo Of(ReportFormat format) => All.First(f => f.Format == format);

    /// <summary>The format a file's extension chooses; null for an extension no format writes.</summary>
    public static ReportFormatInfo? ByExtension(string extension) =>
        All.FirstOrDefault(f => f.Extensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every extension a format is chosen by, in table order: ".html, .htm, .md, …".</summary>
    public static string AcceptedExtensions => string.Join(", ", All.SelectMany(f => f.Extensions));

    /// <summary>Every format with its extension, for an error: "Html (.html), …, Article30 (-Format, .html), …".</summary>
    public static string Described => string.Join(", ", All.Select(f =>
        f.Format + " (" + (f.Extensions.Count > 0 ? string.Join(" or ", f.Extensions) : "-Format " + f.Format + " with " + Of(f.Family).Extensions[0]) + ": " + f.Description + ")"));
}
