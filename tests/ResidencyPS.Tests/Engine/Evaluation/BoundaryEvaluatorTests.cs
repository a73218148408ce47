using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Evaluation;

/// <summary>
/// The core decision on its own (issue 19, point 3): BoundaryEvaluator against small policies of a fictional vendor,
/// so each rule of the decision is tested once, apart from any Freshworks fact.
/// </summary>
public sealed class BoundaryEvaluatorTests
{
    private static EeaBoundaryResult Evaluate(FictionalPolicy fictional, string category, string hosting = "EEA", BoundaryOptions options = BoundaryOptions.None)
    {
        var policy = fictional.Load();
        var record = policy.Residency.Single(r => r.DataCategory == category);
        return BoundaryEvaluator.Evaluate(policy, record, policy.RegionIndex.Find(hosting)!, options);
    }

    [Theory]
    [InlineData("EEA", new[] { "EEA" }, Verdict.Within, "EEA")]
    [InlineData("EEA", new[] { "EEA", "US" }, Verdict.Within, "EEA")]
    [InlineData("US", new[] { "EEA", "US" }, Verdict.Outside, "US")]
    [InlineData("EEA", new[] { "US" }, Verdict.Outside, "US")]
    [InlineData("EEA", new[] { "US", "APAC" }, Verdict.Outside, null)]
    [InlineData("US", new[] { "EEA" }, Verdict.Unknown, null)]
    [InlineData("EEA", new string[0], Verdict.Unknown, null)]
    public void Where_the_data_is_hosted_decides_when_no_rule_applies(string hosting, string[] regions, Verdict verdict, string? destination)
    {
        var result = Evaluate(new FictionalPolicy().Data("Orders", "Stated", regions), "Orders", hosting);
        Assert.Equal(verdict, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((BoundaryEvaluator.HostingRule, destination), (finding.Rule, finding.Destination));
        Assert.Equal(Basis.Stated, result.Basis);
    }

    [Fact]
    public void A_conditional_rule_applies_only_with_its_condition_and_then_overrides_the_hosting_finding()
    {
        var acme = new FictionalPolicy().Data("Orders", "Stated", "EEA").Rule("Plugins", "UsesIntegrations", "Outside", "US");
        Assert.Equal(Verdict.Within, Evaluate(acme, "Orders").Verdict);
        var result = Evaluate(acme, "Orders", options: BoundaryOptions.UsesIntegrations);
        Assert.Equal(Verdict.Outside, result.Verdict);
        var hosting = result.Findings.Single(f => f.Rule == BoundaryEvaluator.HostingRule);
        Assert.True(hosting.Overridden);
        Assert.Equal("Plugins", hosting.OverriddenBy);
    }

    [Fact]
    public void A_mailbox_rule_and_its_opposite_each_apply_to_their_own_set_up()
    {
        var acme = new FictionalPolicy().Data("Mail", "Stated", "EEA")
            .Rule("SharedMailbox", "NoCustomMailbox", "Transient", "US")
            .Rule("OwnMailbox", "CustomMailbox", "Within", "EEA");
        Assert.Equal(Verdict.Transient, Evaluate(acme, "Mail").Verdict);
        var own = Evaluate(acme, "Mail", options: BoundaryOptions.CustomMailbox);
        Assert.Equal(Verdict.Within, own.Verdict);
        Assert.Contains(own.Findings, f => f.Rule == "OwnMailbox");
        Assert.DoesNotContain(own.Findings, f => f.Rule == "SharedMailbox");
    }

    [Fact]
    public void A_rule_covers_only_its_categories_and_hosting_regions()
    {
        var acme = new FictionalPolicy().Data("Orders", "Stated", "EEA", "US").Data("Invoices", "Stated", "EEA", "US")
            .Rule("InvoicePrinting", "Always", "Transient", "US", categories: new[] { "Invoices" }, hostingRegions: new[] { "EEA" });
        Assert.Equal(Verdict.Transient, Evaluate(acme, "Invoices").Verdict);
        Assert.Equal(Verdict.Within, Evaluate(acme, "Orders").Verdict);
        Assert.DoesNotContain(Evaluate(acme, "Invoices", "US").Findings, f => f.Rule == "InvoicePrinting");
    }

    [Fact]
    public void Outside_beats_Unknown_which_beats_Transient_and_an_Info_rule_changes_nothing()
    {
        var unknownAndOut = new FictionalPolicy().Data("Orders", "Stated").Rule("Export", "Always", "Outside", "US");
        Assert.Equal(Verdict.Outside, Evaluate(unknownAndOut, "Orders").Verdict);
        var unknownAndTransient = new FictionalPolicy().Data("Orders", "Stated").Rule("Relay", "Always", "Transient", "US");
        Assert.Equal(Verdict.Unknown, Evaluate(unknownAndTransient, "Orders").Verdict);
        var info = new FictionalPolicy().Data("Orders", "Stated", "EEA").Rule("Note", "Always", "Info", basis: "InferredFromContent");
        var result = Evaluate(info, "Orders");
        Assert.Equal((Verdict.Within, Basis.Stated), (result.Verdict, result.Basis));
    }

    [Fact]
    public void The_basis_is_the_weakest_of_the_findings_that_decide()
    {
        var acme = new FictionalPolicy().Data("Orders", "Stated", "EEA").Rule("Relay", "Always", "Transient", "US", basis: "InferredFromContent");
        Assert.Equal(Basis.InferredFromContent, Evaluate(acme, "Orders").Basis);
        var layout = new FictionalPolicy().Data("Orders", "InferredFromTableLayout", "EEA");
        Assert.Equal(Basis.InferredFromTableLayout, Evaluate(layout, "Orders").Basis);
    }

    [Fact]
    public void The_outcome_is_computed_once_per_record_region_and_set_up_and_the_same_each_time()
    {
        var policy = new FictionalPolicy().Data("Orders", "Stated", "EEA").Rule("Plugins", "UsesIntegrations", "Outside", "US").Load();
        var record = policy.Residency[0];
        var eea = policy.RegionIndex.Find("EEA")!;
        var first = BoundaryEvaluator.Evaluate(policy, record, eea, BoundaryOptions.UsesIntegrations);
        var again = BoundaryEvaluator.Evaluate(policy, record, eea, BoundaryOptions.UsesIntegrations);
        Assert.Same(first.Findings, again.Findings);
        Assert.NotEqual(first.Verdict, BoundaryEvaluator.Evaluate(policy, record, eea, BoundaryOptions.None).Verdict);
        Assert.Throws<ArgumentOutOfRangeException>(() => BoundaryEvaluator.Evaluate(policy, record, eea, (BoundaryOptions)4));
    }
}
