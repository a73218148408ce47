using System.Management.Automation;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Commands;

/// <summary>
/// Seeded fuzzing of inventories through the cmdlet, as Import-Csv pipes them (issue 25): whatever a cell holds
/// (patterns, escapes, invisible and direction-changing characters, control characters, huge or blank text, two
/// columns for one parameter), every row comes out as at least one result, nothing throws, and no result shows a
/// control or invisible character raw.
/// </summary>
[Trait("Category", "Slow")]
public class InventoryFuzzTests : IClassFixture<PowerShellSession>
{
    private static readonly string[] Cells =
    {
        "Freshdesk", "Freshsales", "Freshteam", "*", "?", "[", "]", "Fresh*", "Fresh[", "Fresh`*", "Helpdesk [EU]", "", " ", "Ticket data", "Call recordings",
        "EEA", "US", "DE", "Mars", "E*", "\u200B", "Fresh\u200Bdesk", "\u202eedsehserF", "\uFF26reshdesk", "line\nPASS: forged", "\u001b[2J", "\u001b]8;;x\u001b\\",
        "=HYPERLINK(\"x\")", "https://evil.example", "me@evil.com", new string('x', 5000), "Ticketgegevens", "Freshworks CRM", "EER", "Contact data",
    };

    private readonly PowerShellSession _ps;

    public InventoryFuzzTests(PowerShellSession ps) => _ps = ps;

    [Fact]
    public void Every_fuzzed_inventory_row_comes_out_as_a_result_and_nothing_raw_reaches_the_output()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RESIDENCYPS_FUZZ_SEED"), out var s) ? s : 20261129;
        var random = new Random(seed);
        var rows = new List<PSObject>();
        for (var i = 0; i < 400; i++)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("Product", Cells[random.Next(Cells.Length)]));
            if (random.Next(3) > 0)
            {
                row.Properties.Add(new PSNoteProperty("DataCategory", Cells[random.Next(Cells.Length)]));
            }

            if (random.Next(3) > 0)
            {
                row.Properties.Add(new PSNoteProperty(random.Next(4) == 0 ? "Region" : "HostingRegion", Cells[random.Next(Cells.Length)]));
            }

            if (random.Next(10) == 0)
            {
                row.Properties.Add(new PSNoteProperty("Category", Cells[random.Next(Cells.Length)]));
            }

            rows.Add(row);
        }

        var result = _ps.Run("$rows | ForEach-Object { $row = $_; $n = @($row | Test-EeaBoundary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue); [pscustomobject]@{ Count = $n.Count; Texts = @($n | ForEach-Object { $_.Product; $_.DataCategory; $_.HostingRegion; $_.Findings.Message }) } }",
            new Dictionary<string, object?> { ["rows"] = rows });
        Assert.DoesNotContain(result.Errors, e => e.FullyQualifiedErrorId.Contains("Exception", StringComparison.Ordinal));
        Assert.Equal(rows.Count, result.Output.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var count = (int)result.Output[i].Properties["Count"].Value;
            Assert.True(count >= 1, $"Row {i} of seed {seed} ({string.Join(", ", rows[i].Properties.Select(p => p.Name + "=" + p.Value))}) gave no result");
            foreach (var text in ((object[])result.Output[i].Properties["Texts"].Value).Select(t => t?.ToString() ?? string.Empty))
            {
                Assert.True(ResidencyPS.Engine.Text.InertText.FirstInvisible(text) < 0, $"Row {i} of seed {seed} shows a raw invisible character: {text}");
            }
        }
    }
}
