using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>
/// Issue 20, point 1: line 21 promises that data stays in the EEA by default only to EEA customers with a custom mailbox,
/// while the hosting table only says where data is available. Every answer is held to that sentence of the policy text.
/// </summary>
public class CustomMailboxTests
{
    private const string Promise = "Voor klanten gehost in de EER met een aangepaste mailbox blijven de gegevens standaard in de EER.";
    private static readonly string[] Text = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;
    private static readonly HostingRegionInfo Eea = Policy.RegionIndex.Find("EEA")!;

    private static IEnumerable<DataResidencyInfo> HostedInEea() => Policy.Residency.Where(r => r.Regions.ContainsCode("EEA"));

    private static bool CitesThePromise(BoundaryFinding finding) => finding.Source.Any(s => s.Line == 21 && s.Text == Promise);

    [Fact]
    public void The_promise_stands_in_the_policy_text_on_line_21_and_only_for_a_custom_mailbox()
    {
        Assert.StartsWith(Promise, Text[20], StringComparison.Ordinal);
        Assert.Equal(1, Text.Count(line => line.Contains("aangepaste mailbox", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_a_custom_mailbox_every_EEA_result_quotes_the_promise_and_says_hosted_never_stays()
    {
        foreach (var record in HostedInEea())
        {
            var result = BoundaryEvaluator.Evaluate(Policy, record, Eea, BoundaryOptions.None);
            var finding = Assert.Single(result.Findings, f => f.Rule == "WithoutCustomMailbox");
            Assert.True(CitesThePromise(finding));
            Assert.Equal(FindingEffect.Info, finding.Effect);
            Assert.Contains("not that it stays there", finding.Message, StringComparison.Ordinal);
            var hosting = result.Findings.Single(f => f.Rule == BoundaryEvaluator.HostingRule);
            Assert.Contains("hosted in EEA, it is hosted inside the EEA", hosting.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Findings, f => f.Effect == FindingEffect.Within && f.Message.Contains("stays", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void With_a_custom_mailbox_the_default_promise_applies_and_is_quoted()
    {
        foreach (var record in HostedInEea())
        {
            var result = BoundaryEvaluator.Evaluate(Policy, record, Eea, BoundaryOptions.CustomMailbox);
            var finding = Assert.Single(result.Findings, CitesThePromise);
            Assert.Equal("CustomMailbox", finding.Rule);
            Assert.Contains("default promise applies", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void E_mail_messages_are_Unknown_without_a_custom_mailbox_and_Within_with_one()
    {
        Assert.Contains("E-mailberichten", Text[48], StringComparison.Ordinal);
        var email = Policy.Find(Policy.ProductIndex.Find("Freshsales")!, Policy.CategoryIndex.Find("E-mailberichten")!)!;
        var without = BoundaryEvaluator.Evaluate(Policy, email, Eea, BoundaryOptions.None);
        Assert.Equal(Verdict.Unknown, without.Verdict);
        Assert.False(without.Passed);
        Assert.Equal(Basis.InferredFromContent, without.Basis);
        Assert.Equal(Verdict.Within, BoundaryEvaluator.Evaluate(Policy, email, Eea, BoundaryOptions.CustomMailbox).Verdict);
    }

    [Fact]
    public void Only_e_mail_changes_its_verdict_with_the_mailbox_and_only_for_EEA_hosting()
    {
        // The decision recorded in the EmailWithoutCustomMailbox rule: e-mail messages are what a mailbox carries; the other
        // categories (requester and contact data too) are answered by where they are hosted.
        foreach (var record in Policy.Residency)
        {
            foreach (var region in Policy.RegionIndex.Items)
            {
                var without = BoundaryEvaluator.Evaluate(Policy, record, region, BoundaryOptions.None).Verdict;
                var with = BoundaryEvaluator.Evaluate(Policy, record, region, BoundaryOptions.CustomMailbox).Verdict;
                var expectChange = record.Category.Id == "EmailMessages" && region.Code == "EEA";
                Assert.True(expectChange == (without != with), $"{record.Product} {record.DataCategory} {region.Code}: {without} / {with}");
            }
        }
    }
}
