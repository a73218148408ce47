using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>
/// Issue 20, point 3: Freshteam and Freshmarketer are "Alleen in de VS beschikbaar" (lines 69 and 79), and line 85 keeps
/// logs of every product for a year in its host region. No answer about them claims an EEA set-up the text never offers,
/// and no answer drops their logs and backups.
/// </summary>
public class OfferingTests
{
    private static readonly string[] Text = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static ProductInfo Product(string name) => Policy.ProductIndex.Find(name)!;

    private static HostingRegionInfo Region(string code) => Policy.RegionIndex.Find(code)!;

    [Theory]
    [InlineData("Freshteam", 69)]
    [InlineData("Freshmarketer", 79)]
    public void A_US_only_product_is_offered_only_in_the_US_and_warned_about_elsewhere(string product, int line)
    {
        Assert.Equal("Alleen in de VS beschikbaar", Text[line - 1].Trim());
        Assert.Equal(new[] { "US" }, Offering.RegionsOf(Policy, Product(product)));
        Assert.Null(Offering.Warning(Policy, Product(product), Region("US")));
        var warning = Offering.Warning(Policy, Product(product), Region("EEA"));
        Assert.Equal("The policy text offers " + product + " only in US, not in EEA: it describes no " + product + " account hosted in EEA, so these answers say only where the text puts the data of " + product + ".", warning);
    }

    [Fact]
    public void Freshsales_is_offered_in_the_US_and_the_EEA_not_in_India()
    {
        Assert.Equal("Beschikbaar in de VS en EER", Text[44].Trim());
        Assert.Equal(new[] { "US", "EEA" }, Offering.RegionsOf(Policy, Product("Freshsales")));
        Assert.NotNull(Offering.Warning(Policy, Product("Freshsales"), Region("IND")));
        Assert.Null(Offering.Warning(Policy, Product("Freshdesk"), Region("IND")));
    }

    [Theory]
    [InlineData("Freshteam")]
    [InlineData("Freshmarketer")]
    [InlineData("Freshdesk")]
    public void Every_product_keeps_its_logs_and_backups_in_its_host_region_whatever_region_is_asked_about(string product)
    {
        Assert.Contains("Voor alle hierboven genoemde producten bewaren wij logboeken gedurende een periode van 1 jaar in de respectieve host-regio.", Text[84], StringComparison.Ordinal);
        foreach (var hosting in Policy.RegionIndex.Items)
        {
            var flows = DataFlowBuilder.Flows(Policy, Product(product), hosting, BoundaryOptions.None, _ => true, _ => true);
            var logs = flows.Where(f => f.Activity == DataActivity.Logging && f.Duration == TimeSpan.FromDays(365)).ToList();
            Assert.NotEmpty(logs);
            Assert.Contains(flows, f => f.Activity == DataActivity.Backup);
            var offered = Offering.RegionsOf(Policy, Product(product));
            Assert.All(logs, log => Assert.Contains(log.Location, offered.Contains(hosting.Code) ? new[] { hosting.Code } : offered.ToArray()));
        }
    }
}
