using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Tests.Data;

/// <summary>The readings of the seed that issue #2 spells out, checked on the engine directly.</summary>
public class PolicyFactTests
{
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static DataResidencyInfo Record(string product, string category) =>
        Policy.Find(Policy.ProductIndex.Find(product)!, Policy.CategoryIndex.Find(category)!)
        ?? throw new Xunit.Sdk.XunitException($"{product} has no {category}");

    private static EeaBoundaryResult Test(string product, string category, string region = "EEA", BoundaryOptions options = BoundaryOptions.None) =>
        BoundaryEvaluator.Evaluate(Policy, Record(product, category), Policy.RegionIndex.Find(region)!, options);

    [Theory]
    [InlineData("Freshdesk", "Ticketgegevens", "US,EEA,IND,AU")]
    [InlineData("Freshdesk", "Call recordings", "US")]
    [InlineData("Freshdesk", "Chatberichten", "US")]
    [InlineData("Freshservice", "Asset data", "US,EEA,IND,AU")]
    [InlineData("Freshsales", "Deal data", "US,EEA")]
    [InlineData("Freshsales", "E-mailberichten", "US,EEA")]
    [InlineData("Freshcaller", "Call data", "US,EEA")]
    [InlineData("Freshchat", "Chatgesprekken", "US,EEA")]
    [InlineData("Freshteam", "Applicant data", "US")]
    [InlineData("Freshmarketer", "Website visitor data", "US")]
    public void Regions_of_a_product_category(string product, string category, string regions) =>
        Assert.Equal(regions.Split(','), Record(product, category).Regions);

    [Fact]
    public void Freshsales_and_Freshcaller_EEA_call_recordings_pass_ten_minutes_through_the_US()
    {
        foreach (var product in new[] { "Freshsales", "Freshcaller" })
        {
            var result = Test(product, "Call recordings");
            Assert.Equal(Verdict.Transient, result.Verdict);
            Assert.False(result.StaysInEea);
            var transit = Assert.Single(result.Findings, f => f.Effect == FindingEffect.Transient);
            Assert.Equal("US", transit.Destination);
            Assert.Equal(TimeSpan.FromMinutes(10), transit.Duration);
            Assert.Contains("10 minuten", transit.Source[0].Text);
        }
    }

    [Fact]
    public void Freshdesk_call_recordings_keep_the_rows_US_only_answer_and_report_the_footnote_conflict()
    {
        var result = Test("Freshdesk", "Call recordings");
        Assert.Equal(Verdict.Outside, result.Verdict);
        Assert.Equal("US", result.Findings[0].Destination);
        var conflict = Assert.Single(result.Findings, f => f.Rule == "CallRecordingFootnoteConflict");
        Assert.Equal(FindingEffect.Info, conflict.Effect);
        Assert.StartsWith("*opname van gesprekken voor Freshdesk", conflict.Source[0].Text);
    }

    [Fact]
    public void Authentication_data_has_no_stated_region_so_every_product_is_unknown()
    {
        foreach (var product in Policy.ProductIndex.Items)
        {
            var record = Policy.Find(product, Policy.CategoryIndex.Find("Authentication and profile data")!)!;
            Assert.Empty(record.Regions);
            Assert.Null(record.AvailableInEea);
            Assert.Equal(Verdict.Unknown, Test(product.Name, "Authentication and profile data").Verdict);
            Assert.Contains(record.Source, s => s.Text.Contains("Amazon Web Services (AWS) en Google Cloud Platform (GCP)"));
        }
    }

    [Fact]
    public void Integrations_take_data_outside_and_custom_mailbox_keeps_it_within()
    {
        Assert.Equal(Verdict.Within, Test("Freshdesk", "Ticket data").Verdict);
        var integrations = Test("Freshdesk", "Ticket data", options: BoundaryOptions.UsesIntegrations);
        Assert.Equal(Verdict.Outside, integrations.Verdict);
        Assert.Contains(integrations.Findings, f => f.Rule == "Integrations" && f.Source.Any(s => s.Text.Contains("verondersteld de EER (Europese Economische Ruimte) te verlaten", StringComparison.Ordinal)));
        var mailbox = Test("Freshdesk", "Ticket data", options: BoundaryOptions.CustomMailbox);
        Assert.Equal(Verdict.Within, mailbox.Verdict);
        Assert.Contains(mailbox.Findings, f => f.Rule == "CustomMailbox" && f.Source[0].Text.StartsWith("Voor klanten gehost in de EER met een aangepaste mailbox", StringComparison.Ordinal));
        Assert.Equal(Verdict.Outside, Test("Freshdesk", "Ticket data", options: BoundaryOptions.CustomMailbox | BoundaryOptions.UsesIntegrations).Verdict);
    }

    [Fact]
    public void Hosting_outside_the_EEA_or_in_a_region_the_product_lacks()
    {
        Assert.Equal(Verdict.Outside, Test("Freshdesk", "Ticket data", "US").Verdict);
        Assert.Equal(Verdict.Outside, Test("Freshteam", "Employee data").Verdict);
        Assert.Equal(Verdict.Unknown, Test("Freshsales", "Lead data", "AU").Verdict);
    }

    [Fact]
    public void Logs_are_kept_one_year_in_every_host_region_of_every_product()
    {
        foreach (var record in Policy.Residency.GroupBy(r => r.Product))
        {
            var regions = record.SelectMany(r => r.Regions).Distinct().OrderBy(c => c).ToList();
            var logs = Policy.Retention.Where(r => r.Product == record.Key && r.Subject == "Logs" && r.PeriodUnit == PeriodUnit.Years).ToList();
            Assert.Equal(regions, logs.Select(l => l.StorageLocation).OrderBy(c => c));
            Assert.All(logs, l => Assert.Equal(new[] { l.StorageLocation }, l.HostingRegion));
            Assert.All(logs, l => Assert.Equal("1 jaar", l.PeriodText));
        }
    }

    [Fact]
    public void US_and_India_logs_of_Freshdesk_and_Freshservice_also_stay_30_days_in_the_EEA_then_are_deleted()
    {
        var copies = Policy.Retention.Where(r => r.StorageLocation == "EEA" && r.PeriodUnit == PeriodUnit.Days).ToList();
        Assert.Equal(new[] { "Freshdesk", "Freshservice" }, copies.Select(c => c.Product));
        Assert.All(copies, c =>
        {
            Assert.Equal(new[] { "US", "IND" }, c.HostingRegion);
            Assert.Equal(TimeSpan.FromDays(30), c.Period);
            Assert.Equal(RetentionOutcome.Deleted, c.AfterPeriod);
            Assert.DoesNotContain("AU", c.HostingRegion);
        });
    }

    [Fact]
    public void Backups_stay_in_the_respective_region_with_no_period()
    {
        var backups = Policy.Retention.Where(r => r.Subject == "Backups").ToList();
        Assert.NotEmpty(backups);
        Assert.All(backups, b =>
        {
            Assert.Equal(new[] { b.StorageLocation }, b.HostingRegion);
            Assert.Null(b.Period);
            Assert.Equal(RetentionOutcome.NotStated, b.AfterPeriod);
        });
    }

    [Fact]
    public void AsOf_uses_calendar_arithmetic()
    {
        var rule = Policy.Retention.First(r => r.PeriodUnit == PeriodUnit.Years).WithAsOf(new DateTime(2024, 2, 29));
        Assert.Equal(new DateTime(2025, 2, 28), rule.StatedPeriodEndsAt);
        var transit = Policy.Retention.First(r => r.PeriodUnit == PeriodUnit.Minutes).WithAsOf(new DateTime(2026, 1, 1, 12, 0, 0));
        Assert.Equal(new DateTime(2026, 1, 1, 12, 10, 0), transit.LeavesStorageAt);
        Assert.Equal("EEA", transit.MovesTo);
    }

    [Fact]
    public void Migration_data_stays_in_the_products_AWS_environment_with_no_stated_region()
    {
        var migration = Policy.Residency.Where(r => r.Category.Id == "MigrationData").ToList();
        Assert.Equal(new[] { "Freshdesk", "Freshservice" }, migration.Select(m => m.Product));
        Assert.All(migration, m => Assert.Empty(m.Regions));
        Assert.Contains(migration[0].Source, s => s.Text.Contains("binnen de AWS-omgeving van het product ingeperkt blijven"));
    }

    [Fact]
    public void EEA_countries_include_Norway_and_not_Switzerland()
    {
        Assert.Equal("EEA", Policy.RegionOfCountry("NO")!.Code);
        Assert.Equal("EEA", Policy.RegionOfCountry("de")!.Code);
        Assert.Null(Policy.RegionOfCountry("CH"));
        Assert.Equal(30, Policy.RegionIndex.Find("EER")!.Countries.Count);
    }
}
