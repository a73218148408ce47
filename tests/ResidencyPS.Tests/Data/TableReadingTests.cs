using System.Text.RegularExpressions;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>
/// The hosting table, read again straight from the seed: each data cell's region line is the next
/// non-blank line when that is a region statement, else the product's preceding one (a merged cell).
/// The embedded records must agree with that reading, term by term and region by region.
/// </summary>
public class TableReadingTests
{
    private static readonly string[] SeedLines = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;
    private static readonly Regex RegionLine = new(@"^(Beschikbaar in de|Alleen in de)\s", RegexOptions.Compiled);

    private static IEnumerable<DataResidencyInfo> TableRecords =>
        Policy.Residency.Where(r => r.Source[0].Kind == "TableCell");

    private static string? NextNonBlankLine(int line)
    {
        for (var i = line; i < SeedLines.Length; i++)
        {
            var text = SeedLines[i].Replace('\u00a0', ' ').Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> RegionsIn(string regionLine) =>
        Regex.Matches(regionLine, @"\b(VS|EER|IND|AU)\b").Select(m => Policy.RegionIndex.Find(m.Value)!.Code).ToList();

    [Fact]
    public void Records_with_a_region_line_of_their_own_are_stated_and_the_others_inferred_from_layout()
    {
        Assert.NotEmpty(TableRecords);
        foreach (var record in TableRecords)
        {
            var next = NextNonBlankLine(record.Source[0].Line)!;
            // A record with a region line of its own is not read off the layout (it may still be a reading of the content).
            var ownLine = RegionLine.IsMatch(next);
            Assert.True(ownLine == (record.Basis != Basis.InferredFromTableLayout),
                $"{record}: {record.Basis}, but the line after its cell is '{next}'");
        }
    }

    [Fact]
    public void Regions_are_exactly_those_named_on_the_cited_region_line()
    {
        foreach (var record in TableRecords)
        {
            var regionStatement = record.Source.Single(s => RegionLine.IsMatch(s.Text));
            Assert.Equal(RegionsIn(regionStatement.Text), record.Regions);
        }
    }

    [Fact]
    public void Every_term_is_words_of_its_cell_and_every_item_of_every_cell_is_a_record()
    {
        foreach (var cell in TableRecords.GroupBy(r => r.Source[0].Id))
        {
            var text = cell.First().Source[0].Text;
            var rest = Regex.Replace(text, @"\([^)]*\)", " ");
            foreach (var record in cell.OrderByDescending(r => r.Term.Length))
            {
                Assert.Contains(record.Term, text, StringComparison.OrdinalIgnoreCase);
                rest = Regex.Replace(rest, Regex.Escape(record.Term), " ", RegexOptions.IgnoreCase);
            }

            var leftover = Regex.Replace(rest, @"[\s,*]|\ben\b", string.Empty);
            Assert.True(leftover.Length == 0, $"Cell '{text}' has unmapped words: '{leftover}'");
        }
    }

    [Fact]
    public void Seven_products_read_in_table_order_with_their_aliases()
    {
        Assert.Equal(new[] { "Freshdesk", "Freshservice", "Freshsales", "Freshcaller", "Freshchat", "Freshteam", "Freshmarketer" },
            Policy.ProductIndex.Items.Select(p => p.Name));
        Assert.Equal("Freshsales", Policy.ProductIndex.Find("Freshworks CRM")!.Name);
        Assert.Equal("Freshsales", Policy.ProductIndex.Find("freshsales suite")!.Name);
        Assert.Equal("Freshcaller", Policy.ProductIndex.Find("Freshdesk Contact Center")!.Name);
        Assert.Equal("Freshchat", Policy.ProductIndex.Find("Freshdesk Messaging")!.Name);
        Assert.All(Policy.ProductIndex.Items, p => Assert.NotEqual(Basis.Stated, p.Basis));
    }
}
