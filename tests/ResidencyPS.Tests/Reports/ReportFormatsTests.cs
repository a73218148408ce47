using System.Text.RegularExpressions;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 19, point 2: one table of report formats feeds the enum, the extension a file name chooses and the errors;
/// the help of -Format is held to it, so a new format cannot be added without its extension and its words.
/// </summary>
public sealed class ReportFormatsTests
{
    [Fact]
    public void Every_format_of_the_enum_has_one_entry_in_the_table_in_order()
    {
        Assert.Equal(Enum.GetValues<ReportFormat>(), ReportFormats.All.Select(f => f.Format));
        var extensions = ReportFormats.All.SelectMany(f => f.Extensions).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ReportFormats.All, f => Assert.NotEmpty(ReportFormats.Of(f.Family).Extensions));
    }

    [Fact]
    public void The_help_of_Format_names_every_format_and_the_extensions_that_choose_it()
    {
        var help = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "Export-ResidencyReport.md")).Replace("\r\n", "\n");
        var format = Regex.Match(help, @"### -Format\n(.*?)\n\n```yaml", RegexOptions.Singleline).Groups[1].Value;
        var names = Regex.Match(format, @"^(.*?)\. Taken").Groups[1].Value;
        Assert.Equal(string.Join(", ", Enum.GetNames<ReportFormat>().SkipLast(1)) + " or " + Enum.GetNames<ReportFormat>().Last(), names);
        foreach (var entry in ReportFormats.All.Where(f => f.Extensions.Count > 0))
        {
            Assert.Contains(string.Join(" or ", entry.Extensions) + " for " + entry.Format, format);
        }

        var synopsis = Regex.Match(help, @"## SYNOPSIS\n(.*?)\n", RegexOptions.Singleline).Groups[1].Value;
        Assert.All(new[] { "HTML", "markdown", "CSV", "Article 30", "JSON", "JUnit", "SARIF" }, word => Assert.Contains(word, synopsis));
    }
}
