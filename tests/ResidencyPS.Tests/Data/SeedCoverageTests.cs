using System.Text.RegularExpressions;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>The embedded policy quotes the seed exactly, and every part of the seed is quoted somewhere.</summary>
public class SeedCoverageTests
{
    private static readonly string[] SeedLines = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void Repository_copy_of_the_seed_is_the_shared_seed()
    {
        // The shared seed is the source of truth; the repository keeps a copy so a clone builds alone.
        if (File.Exists(TestPaths.SharedSeed))
        {
            Assert.Equal(File.ReadAllBytes(TestPaths.SharedSeed), File.ReadAllBytes(TestPaths.Seed));
        }

        Assert.True(File.Exists(TestPaths.Seed), "The repository's copy of the seed is missing.");
    }

    [Fact]
    public void Every_statement_stands_verbatim_on_its_line_of_the_seed()
    {
        Assert.NotEmpty(Policy.Statements);
        foreach (var statement in Policy.Statements)
        {
            Assert.InRange(statement.Line, 1, SeedLines.Length);
            Assert.Contains(statement.Text, SeedLines[statement.Line - 1]);
        }
    }

    [Fact]
    public void Every_line_of_the_seed_is_quoted_by_some_statement()
    {
        var texts = Policy.Statements.Select(s => Normalize(s.Text)).Distinct().OrderByDescending(t => t.Length).ToList();
        for (var i = 0; i < SeedLines.Length; i++)
        {
            var rest = Normalize(SeedLines[i]);
            foreach (var text in texts)
            {
                rest = rest.Replace(text, " ");
            }

            Assert.True(Normalize(rest).Length == 0, $"Seed line {i + 1} is not fully quoted; left over: '{Normalize(rest)}'");
        }
    }

    [Fact]
    public void Every_statement_has_an_english_rendering_and_a_unique_id()
    {
        Assert.All(Policy.Statements, s => Assert.False(string.IsNullOrWhiteSpace(s.English), s.Id));
        Assert.Equal(Policy.Statements.Count, Policy.Statements.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Every_fact_cites_at_least_one_statement()
    {
        Assert.All(Policy.Residency, r => Assert.NotEmpty(r.Source));
        Assert.All(Policy.Retention, r => Assert.NotEmpty(r.Source));
        Assert.All(Policy.RegionIndex.Items, r => Assert.NotEmpty(r.Source));
        Assert.All(Policy.ProductIndex.Items, p => Assert.NotEmpty(p.Source));
        Assert.All(Policy.CategoryIndex.Items, c => Assert.NotEmpty(c.Source));
    }
}
