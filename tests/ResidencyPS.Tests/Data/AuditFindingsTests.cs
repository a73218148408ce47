using System.Text.RegularExpressions;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>
/// Issue 12: the defects an audit of every answer against the policy text found, each checked against the text
/// itself (the seed tests are the model): the words quoted must stand in the text, and the answer must follow them.
/// </summary>
public class AuditFindingsTests
{
    private static readonly string[] Text = File.ReadAllText(TestPaths.Seed).Split('\n');
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static string Line(int number) => Text[number - 1];

    private static DataResidencyInfo Record(string product, string category) =>
        Policy.Find(Policy.ProductIndex.Find(product)!, Policy.CategoryIndex.Find(category)!)
        ?? throw new Xunit.Sdk.XunitException($"{product} has no {category}");

    private static IEnumerable<EeaBoundaryResult> EveryResult() =>
        from record in Policy.Residency
        from region in Policy.RegionIndex.Items
        from options in new[] { BoundaryOptions.None, BoundaryOptions.UsesIntegrations, BoundaryOptions.CustomMailbox, BoundaryOptions.UsesIntegrations | BoundaryOptions.CustomMailbox }
        select BoundaryEvaluator.Evaluate(Policy, record, region, options);

    // 1. "aanvrager-/contactgegevens" is requester and contact data; "Contact data" found nothing for Freshdesk.
    [Theory]
    [InlineData("Freshdesk", 29)]
    [InlineData("Freshservice", 37)]
    public void Requester_contact_data_answers_as_requester_data_and_as_contact_data(string product, int line)
    {
        Assert.Contains("aanvrager-/contactgegevens", Line(line), StringComparison.Ordinal);
        var contact = Record(product, "Contact data");
        var requester = Record(product, "Requester data");
        Assert.Equal("aanvrager-/contactgegevens", contact.Term);
        Assert.Equal(requester.Regions, contact.Regions);
        Assert.Equal(Basis.InferredFromContent, contact.Basis);
        Assert.Contains(contact.Source, s => s.Line == line);
        Assert.Contains(product, Policy.CategoryIndex.Find("Contact data")!.Products);
    }

    // 2. A finding never contradicts its result silently.
    [Fact]
    public void A_finding_that_would_keep_data_in_the_EEA_says_which_finding_wins_when_the_verdict_is_otherwise()
    {
        Assert.Contains("blijven de gegevens standaard in de EER", Line(21), StringComparison.Ordinal);
        var checkedResults = 0;
        foreach (var result in EveryResult().Where(r => r.Verdict != Verdict.Within))
        {
            foreach (var finding in result.Findings.Where(f => f.Effect == FindingEffect.Within))
            {
                Assert.True(finding.Overridden, $"{result}: {finding.Rule} keeps the data in the EEA beside a {result.Verdict} verdict without saying so.");
                // In words, not by the rule's key (issue 20, point 7): the winner is named by what it does to the data.
                var winner = result.Findings.Single(f => f.Rule == finding.OverriddenBy);
                Assert.Contains("Not the answer here: the finding that " + FindingEffectWords.Of(winner.Effect) + " wins", finding.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(finding.OverriddenBy!, finding.Message, StringComparison.Ordinal);
                checkedResults++;
            }
        }

        Assert.True(checkedResults > 50, "the audit found 78 such results; far fewer were checked");
        var freshteam = BoundaryEvaluator.Evaluate(Policy, Record("Freshteam", "Employee data"), Policy.RegionIndex.Find("EEA")!, BoundaryOptions.CustomMailbox);
        var mailbox = Assert.Single(freshteam.Findings, f => f.Rule == "CustomMailbox");
        Assert.Equal("Hosting", mailbox.OverriddenBy);
    }

    [Fact]
    public void Leaving_the_EEA_is_said_only_where_the_data_was_in_the_EEA()
    {
        Assert.Contains("verondersteld de EER (Europese Economische Ruimte) te verlaten", Line(21), StringComparison.Ordinal);
        Assert.StartsWith("Voor klanten gehost in de EER", Line(21), StringComparison.Ordinal);
        foreach (var result in EveryResult().Where(r => r.HostingRegion != "EEA"))
        {
            Assert.DoesNotContain(result.Findings, f => Regex.IsMatch(f.Message, @"\b(leave|leaves|left)\b the EEA", RegexOptions.IgnoreCase));
        }
    }

    // 3. Conflicts are first-class.
    [Fact]
    public void The_Freshdesk_call_recordings_conflict_is_marked_on_the_record_the_retention_rule_and_the_result()
    {
        Assert.StartsWith("*opname van gesprekken voor Freshdesk", Line(81), StringComparison.Ordinal);
        Assert.Equal("Alleen in de VS beschikbaar", Line(35).Trim());
        var record = Record("Freshdesk", "Call recordings");
        Assert.True(record.HasConflict);
        Assert.Contains("Alleen in de VS beschikbaar", record.Conflict, StringComparison.Ordinal);
        var rule = Assert.Single(Policy.Retention, r => r.Product == "Freshdesk" && r.Subject == "Call recordings");
        Assert.True(rule.HasConflict);
        Assert.True(BoundaryEvaluator.Evaluate(Policy, record, Policy.RegionIndex.Find("EEA")!, BoundaryOptions.None).HasConflict);
        Assert.All(Policy.Residency.Where(r => r != record), r => Assert.False(r.HasConflict, r.ToString()));
    }

    // 4. Vague times stay vague.
    [Fact]
    public void Logs_deleted_a_short_time_later_leave_at_the_earliest_thirty_days_later()
    {
        Assert.Contains("Korte tijd later worden deze gewist.", Line(85), StringComparison.Ordinal);
        foreach (var rule in Policy.Retention.Where(r => r.Id == "logs-eea-copy"))
        {
            Assert.Equal("Korte tijd later worden deze gewist.", rule.AfterDelay);
            Assert.True(rule.LeavesStorageAtIsEarliest);
            Assert.Equal("deleted later", rule.AfterInWords);
            Assert.Contains("korte tijd later", string.Join(" ", rule.Notes), StringComparison.Ordinal);
            Assert.Equal(new DateTime(2026, 1, 31), rule.WithAsOf(new DateTime(2026, 1, 1)).LeavesStorageAt);
        }

        Assert.All(Policy.Retention.Where(r => r.Id != "logs-eea-copy"), r => Assert.False(r.LeavesStorageAtIsEarliest, r.ToString()));
    }

    // Issue 20, point 6: "bewaren wij logboeken gedurende een periode van 1 jaar" says nothing of what follows the year.
    [Fact]
    public void No_leave_date_where_the_text_states_nothing_after_the_period()
    {
        Assert.Contains("bewaren wij logboeken gedurende een periode van 1 jaar in de respectieve host-regio.", Line(85), StringComparison.Ordinal);
        var asOf = new DateTime(2026, 3, 1, 9, 0, 0);
        foreach (var rule in Policy.Retention.Where(r => r.PeriodValue != null).Select(r => r.WithAsOf(asOf)))
        {
            Assert.NotNull(rule.StatedPeriodEndsAt);
            Assert.Equal(rule.AfterPeriod == RetentionOutcome.NotStated ? null : rule.StatedPeriodEndsAt, rule.LeavesStorageAt);
        }

        var year = Policy.Retention.Where(r => r.PeriodText == "1 jaar").Select(r => r.WithAsOf(asOf)).ToList();
        Assert.NotEmpty(year);
        Assert.All(year, r => Assert.Equal(RetentionOutcome.NotStated, r.AfterPeriod));
        Assert.All(year, r => Assert.Null(r.LeavesStorageAt));
    }

    // 5. Readings that are inferences say so.
    [Theory]
    [InlineData("Freshdesk", "Social content", 29, "sociale gegevens")]
    [InlineData("Freshchat", "Social content", 57, "sociale gegevens")]
    [InlineData("Freshteam", "Social content", 65, "sociale gegevens")]
    [InlineData("Freshcaller", "Agent/user data", 51, "agentgegevens")]
    public void A_term_read_as_a_differently_named_category_is_marked_inferred_with_its_reason(string product, string category, int line, string term)
    {
        Assert.Contains(term, Line(line), StringComparison.Ordinal);
        var record = Record(product, category);
        Assert.Equal(term, record.Term);
        Assert.Equal(Basis.InferredFromContent, record.Basis);
        Assert.Contains(term, string.Join(" ", record.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_footnote_scope_and_all_products_named_above_are_readings()
    {
        Assert.Contains("Voor alle hierboven genoemde producten", Line(85), StringComparison.Ordinal);
        Assert.All(Policy.Retention.Where(r => r.Id == "logs-host-region"), r => Assert.Equal(Basis.InferredFromContent, r.Basis));
        Assert.DoesNotContain("EER gehost", Line(81), StringComparison.Ordinal); // the footnote names no hosting region
        Assert.Equal(Basis.InferredFromContent, Policy.Rules.Single(r => r.Id == "CallRecordingTransit").Finding.Basis);
        Assert.All(Policy.Retention.Where(r => r.Id == "call-recordings-us-transit"), r => Assert.Equal(Basis.InferredFromContent, r.Basis));
    }

    [Fact]
    public void The_call_recordings_definition_says_it_lists_only_metadata()
    {
        Assert.StartsWith("Opnames van gesprekken Agent-/gebruikersinformatie, bedrijfsgegevens, contactgegevens en locatie", Line(9), StringComparison.Ordinal);
        Assert.Contains("only what a recording is about", string.Join(" ", Policy.CategoryIndex.Find("Call recordings")!.Notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call log", "gesprekkenlogboek")]
    [InlineData("Gesprekkenlogboek", "gesprekkenlogboek")]
    [InlineData("Appointments", "afspraken")]
    public void Items_of_the_sales_activities_can_be_asked_for_by_name(string name, string word)
    {
        Assert.Contains(word, Line(43), StringComparison.Ordinal);
        Assert.Equal("SalesActivityData", Policy.CategoryIndex.Find(name)!.Id);
    }

    [Fact]
    public void Every_region_says_the_hosting_locations_are_bought_as_an_option()
    {
        Assert.Contains("(na aankoop van de opties voor gegevenshosting)", Line(19), StringComparison.Ordinal);
        Assert.All(Policy.RegionIndex.Items, region => Assert.Contains(region.Notes, n => n.Contains("na aankoop van de opties voor gegevenshosting", StringComparison.Ordinal)));
    }

    // 6. about_ResidencyPS names everything that does not come from the text.
    [Fact]
    public void About_ResidencyPS_names_every_product_the_text_does_not()
    {
        var about = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "about_ResidencyPS.md"));
        var whole = string.Join("\n", Text);
        foreach (var product in Policy.ProductIndex.Items.Select(p => p.Name).Where(p => !whole.Contains(p, StringComparison.Ordinal)))
        {
            Assert.Matches("do not come from that text(.|\\n)*" + Regex.Escape(product), about);
        }

        foreach (var alias in new[] { "Freshworks CRM", "Freshsales Suite", "Freshdesk Messaging", "EU", "Europe" })
        {
            Assert.DoesNotMatch(@"\b" + Regex.Escape(alias) + @"\b", whole);
            Assert.Contains(alias, about, StringComparison.Ordinal);
        }
    }

    // 7. "Seed" is our word, not the user's.
    [Fact]
    public void No_text_a_user_reads_says_seed()
    {
        var shipped = new[] { Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks.policy.json") }
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "module")))
            .Concat(Directory.GetFiles(TestPaths.HelpSources));
        foreach (var file in shipped)
        {
            Assert.DoesNotMatch(@"(?i)\bseed\b", File.ReadAllText(file));
        }

        foreach (var result in EveryResult())
        {
            Assert.All(result.Findings, f => Assert.DoesNotMatch(@"(?i)\b(seed|the source)\b", f.Message));
        }
    }
}
