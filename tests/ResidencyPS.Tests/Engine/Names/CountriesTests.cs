using System.Globalization;
using System.Text;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Tests.Engine.Names;

/// <summary>The module's own country table: complete, unambiguous, and the same names the runtime's region data gives.</summary>
public class CountriesTests
{
    [Fact]
    public void The_table_holds_every_ISO_3166_1_alpha_2_code_once()
    {
        var codes = Countries.All.Select(c => c.Key).ToList();
        Assert.Equal(249, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), codes);
    }

    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("de", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("Czechia", "CZ")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Holland", "NL")]
    [InlineData("the netherlands", "NL")]
    [InlineData("ALAND ISLANDS", "AX")]
    [InlineData("Åland Islands", "AX")]
    [InlineData("Turkey", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("UK", "GB")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData(" Norway ", "NO")]
    public void Codes_names_and_aliases_find_the_country(string input, string code) =>
        Assert.Equal(code, Countries.CodeOf(input));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("EU")]
    [InlineData("XK")]
    [InlineData("")]
    public void What_is_no_country_finds_nothing(string input) => Assert.Null(Countries.CodeOf(input));

    [Fact]
    public void Every_country_of_the_embedded_policy_has_a_name()
    {
        foreach (var region in PolicyStore.Embedded.RegionIndex.Items)
        {
            Assert.All(region.Countries, code => Assert.NotNull(Countries.NameOf(code)));
        }
    }

    [Fact]
    public void Names_are_the_runtime_region_data_English_names_where_it_has_them()
    {
        // The table was taken from CLDR's English names; this holds it to them wherever the test runtime has region data.
        var compared = 0;
        foreach (var (code, name) in Countries.All)
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(code);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName == code)
            {
                Assert.Equal(region.EnglishName, name);
                compared++;
            }
        }

        Assert.True(compared > 200, "compared only " + compared + " names");
    }

    [Fact]
    public void A_name_standing_for_two_countries_is_refused_when_the_table_is_read()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Countries.Parse(new StringReader("AA\tAtlantis\nBB\tBorduria\tatlantis\n")));
        Assert.Contains("'atlantis' stands for both AA and BB", ex.Message);
    }

    [Fact]
    public void Folding_matches_the_runtimes_own_normalization_for_every_letter_it_covers()
    {
        // NameIndex.Fold reads FoldTable, not string.Normalize (a no-op under invariant globalization): hold the two together.
        foreach (var (first, last) in new[] { (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1E00, 0x1FFF) })
        {
            for (var i = first; i <= last; i++)
            {
                var text = "x" + (char)i;
                Assert.True(Expected(text) == NameIndex<string>.Fold(text), $"U+{i:X4}");
            }
        }

        Assert.Equal("Australie", NameIndex<string>.Fold("Australie\u0308"));
        Assert.Same("plain ASCII", NameIndex<string>.Fold("plain ASCII"));
    }

    private static string Expected(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
