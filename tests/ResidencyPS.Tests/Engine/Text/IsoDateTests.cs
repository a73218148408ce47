using System.Globalization;
using System.Text.RegularExpressions;
using ResidencyPS.Engine.Text;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Text;

/// <summary>
/// Issue 19, point 2: every date the module writes or reads goes through IsoDate, with the invariant culture, so a
/// report written under th-TH or ar-SA says 2025-01-01, not 2568-01-01 or 1446-07-01.
/// </summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Dates_are_Gregorian_ISO_under_every_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var moment = new DateTime(2025, 1, 1, 13, 5, 9, DateTimeKind.Utc);
            Assert.Equal("2025-01-01", IsoDate.Day(moment));
            Assert.Equal("2025-01-01T13:05:09Z", IsoDate.Utc(moment));
            Assert.Equal("2025-01-01T13:05:09", IsoDate.UtcUnzoned(moment));
            Assert.Equal("2025-01-01 13:05:09", IsoDate.Readable(moment));
            Assert.True(IsoDate.TryParseDay("2025-01-01", out var day));
            Assert.Equal(new DateTime(2025, 1, 1), day);
            Assert.True(IsoDate.TryParseUtc("2025-01-01T13:05:09Z", out var back));
            Assert.Equal((moment, DateTimeKind.Utc), (back, back.Kind));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void No_other_source_file_formats_or_parses_a_date_itself()
    {
        var source = Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS");
        var own = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "IsoDate.cs")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"ToString\(""[^""]*yyyy|TryParseExact\(|ParseExact\("))
            .Select(f => Path.GetRelativePath(source, f));
        Assert.Empty(own);
    }
}
