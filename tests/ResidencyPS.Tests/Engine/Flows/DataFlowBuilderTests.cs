using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Flows;

/// <summary>Issue 14: each flow checked against the policy text; only flows the text states appear.</summary>
public class DataFlowBuilderTests
{
    private static readonly string Text = File.ReadAllText(TestPaths.Seed);
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static List<DataFlow> Flows(string product, string region, BoundaryOptions options = BoundaryOptions.None) =>
        DataFlowBuilder.Flows(Policy, Policy.ProductIndex.Find(product)!, Policy.RegionIndex.Find(region)!, options, _ => true, _ => true);

    private static void Quoted(DataFlow flow) =>
        Assert.All(flow.Source, s => Assert.Contains(s.Text.Replace("\u00a0", " ", StringComparison.Ordinal), Text.Replace("\u00a0", " ", StringComparison.Ordinal), StringComparison.Ordinal));

    [Fact]
    public void Every_flow_of_every_product_and_region_quotes_the_policy_text()
    {
        foreach (var product in Policy.ProductIndex.Items)
        {
            foreach (var region in Policy.RegionIndex.Items)
            {
                var flows = Flows(product.Name, region.Code, BoundaryOptions.UsesIntegrations);
                Assert.NotEmpty(flows);
                Assert.All(flows, flow =>
                {
                    Assert.NotEmpty(flow.Source);
                    Quoted(flow);
                    Assert.Equal(region.Code, flow.HostingRegion);
                });
            }
        }
    }

    [Fact]
    public void Storage_follows_the_hosting_table_and_leaves_the_EEA_only_where_the_place_is_outside_it()
    {
        foreach (var record in Policy.Residency.Where(r => r.Activity == DataActivity.Storage && r.Regions.Count > 0))
        {
            var flow = Flows(record.Product, "EEA").Single(f => f.Activity == DataActivity.Storage && f.DataCategory == record.DataCategory);
            Assert.Equal(record.Regions.ContainsCode("EEA") ? "EEA" : record.Regions.Count == 1 ? record.Regions[0] : "Unknown", flow.Location);
            Assert.Equal(flow.Location == "EEA" ? LeavesEea.No : flow.Location == "Unknown" ? LeavesEea.Unknown : LeavesEea.Yes, flow.LeavesEea);
        }
    }

    [Fact]
    public void The_EEA_copy_of_logs_exists_for_the_US_and_India_data_centres_of_Freshdesk_and_Freshservice_only()
    {
        Assert.Contains("voor de gegevenscentra van de VS & India in de EER gedurende 30 dagen", Text, StringComparison.Ordinal);
        foreach (var product in Policy.ProductIndex.Items)
        {
            foreach (var region in Policy.RegionIndex.Items)
            {
                var copies = Flows(product.Name, region.Code).Where(f => f.Activity == DataActivity.Logging && f.Location == "EEA" && region.Code != "EEA" && f.Condition == null).ToList();
                var expected = product.Name is "Freshdesk" or "Freshservice" && region.Code is "US" or "IND";
                Assert.Equal(expected ? 1 : 0, copies.Count);
            }
        }
    }

    [Fact]
    public void Transit_appears_only_where_the_footnote_names_the_product_and_only_for_EEA_hosting()
    {
        Assert.Contains("gegenereerd in de VS, tijdelijk vastgehouden gedurende 10 minuten en vervolgens naar de EER gerouteerd", Text, StringComparison.Ordinal);
        var transits = Policy.ProductIndex.Items.SelectMany(p => Policy.RegionIndex.Items.SelectMany(r => Flows(p.Name, r.Code))).Where(f => f.Activity == DataActivity.Transit).ToList();
        Assert.Equal(new[] { "Freshdesk", "Freshsales", "Freshcaller" }.OrderBy(x => x), transits.Select(f => f.Product).Distinct().OrderBy(x => x));
        Assert.All(transits, f => Assert.Equal("EEA", f.HostingRegion));
        Assert.All(transits, f => Assert.Equal(TimeSpan.FromMinutes(10), f.Duration));
        Assert.True(transits.Single(f => f.Product == "Freshdesk").HasConflict);
    }

    [Fact]
    public void Integration_flows_appear_only_with_integrations_and_only_for_EEA_hosting()
    {
        Assert.DoesNotContain(Flows("Freshdesk", "EEA"), f => f.Activity == DataActivity.Integration);
        Assert.DoesNotContain(Flows("Freshdesk", "US", BoundaryOptions.UsesIntegrations), f => f.Activity == DataActivity.Integration && f.LeavesEea == LeavesEea.Yes);
        var flows = Flows("Freshdesk", "EEA", BoundaryOptions.UsesIntegrations).Where(f => f.Activity == DataActivity.Integration).ToList();
        Assert.Contains(flows, f => f.LeavesEea == LeavesEea.Yes && f.SourceText.Contains("verondersteld de EER", StringComparison.Ordinal));
        Assert.Contains(flows, f => f.LeavesEea == LeavesEea.May && f.DataCategory == "App integration data");
    }
}
