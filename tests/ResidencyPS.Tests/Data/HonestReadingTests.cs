using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Data;

/// <summary>
/// Issue 20, points 4 and 5 of its Why: a reading of ours is marked as one, a statement cites only sentences that
/// say it, and no name or section is offered as the policy text's own when it is not. Each test reads the text.
/// </summary>
public class HonestReadingTests
{
    private static readonly string[] Text = File.ReadAllText(TestPaths.Seed).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    private static string Line(int number) => Text[number - 1];

    private static DataResidencyInfo Record(string product, string category) =>
        Policy.Find(Policy.ProductIndex.Find(product)!, Policy.CategoryIndex.Find(category)!)
        ?? throw new Xunit.Sdk.XunitException($"{product} has no {category}");

    [Fact]
    public void The_footnote_transit_is_a_reading_for_every_product_it_names_Freshdesk_included()
    {
        Assert.StartsWith("*opname van gesprekken voor Freshdesk, Freshsales & Freshdesk Contact Center", Line(81), StringComparison.Ordinal);
        Assert.DoesNotContain("gehost", Line(81), StringComparison.Ordinal);
        var transits = Policy.Retention.Where(r => r.Source.Any(s => s.Line == 81)).ToList();
        Assert.Contains(transits, r => r.Product == "Freshdesk");
        Assert.All(transits, r => Assert.Equal(Basis.InferredFromContent, r.Basis));
        Assert.All(transits, r => Assert.Contains("names no hosting region", string.Join(" ", r.Notes), StringComparison.Ordinal));
    }

    [Fact]
    public void The_footnote_scope_finding_claims_nothing_the_footnote_does_not_say()
    {
        var rule = Policy.Rules.Single(r => r.Finding.Source.Any(s => s.Line == 81) && r.Finding.Effect == FindingEffect.Transient).Finding;
        Assert.DoesNotContain("only EEA-hosted", rule.Message, StringComparison.Ordinal);
        Assert.Contains("names no hosting region", rule.Message, StringComparison.Ordinal);
        Assert.Contains("is read as", rule.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Freshdesk", 29, "gegevens van de kennisbank")]
    [InlineData("Freshservice", 37, "gegevens van de kennisbank")]
    [InlineData("Freshchat", 57, "kennisbankgegevens")]
    public void Knowledge_base_data_read_as_the_defined_knowledge_base_content_is_a_reading_under_line_3(string product, int line, string term)
    {
        Assert.Contains(term, Line(line), StringComparison.Ordinal);
        Assert.StartsWith("Inhoud van de kennisbank", Line(13), StringComparison.Ordinal);
        Assert.Contains("verwijst dit naar de definities", Line(3), StringComparison.Ordinal);
        var record = Record(product, "Knowledge base content");
        Assert.Equal(term, record.Term);
        Assert.Equal(Basis.InferredFromContent, record.Basis);
        Assert.Contains(record.Source, s => s.Line == 3);
    }

    [Fact]
    public void Every_term_read_as_a_differently_named_defined_category_cites_the_definitions_clause()
    {
        var readings = Policy.Residency.Where(r => r.Basis == Basis.InferredFromContent && r.Category.DefinitionNl != null
            && !r.Term.TrimEnd('*').Equals(r.Category.NameNl, StringComparison.OrdinalIgnoreCase) && r.Term != "aanvrager-/contactgegevens").ToList();
        Assert.NotEmpty(readings);
        Assert.All(readings, r => Assert.Contains(r.Source, s => s.Line == 3));
    }

    [Fact]
    public void The_integrations_verdict_rests_on_the_sentence_that_presumes_data_leaves_and_says_presumed()
    {
        Assert.Contains("dan worden deze gegevens verondersteld de EER (Europese Economische Ruimte) te verlaten", Line(21), StringComparison.Ordinal);
        Assert.Contains("API-verzoeken van integraties kunnen buiten de EER worden verwerkt.", Line(97), StringComparison.Ordinal);
        var eea = Policy.RegionIndex.Find("EEA")!;
        var result = BoundaryEvaluator.Evaluate(Policy, Record("Freshdesk", "Ticket data"), eea, BoundaryOptions.UsesIntegrations);
        var outside = result.Findings.Where(f => f.Effect == FindingEffect.Outside).ToList();
        Assert.NotEmpty(outside);

        // Only a sentence that speaks of leaving the EEA is the source of the Outside verdict: not the Marketplace or
        // Freshsales-integration sentences, and not the API-request "kunnen" (may), which is a finding of its own.
        Assert.All(outside.SelectMany(f => f.Source), s => Assert.Contains("verondersteld de EER", s.Text, StringComparison.Ordinal));
        Assert.All(outside, f => Assert.Contains("presumes", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("deemed", Policy.Statements.Single(s => s.Text.Contains("verondersteld", StringComparison.Ordinal)).English, StringComparison.Ordinal);
        var may = Policy.Rules.Select(r => r.Finding).Where(f => f.Source.Any(s => s.Text.StartsWith("API-verzoeken", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(may);
        Assert.All(may, f => Assert.NotEqual(FindingEffect.Outside, f.Effect));
        Assert.All(may, f => Assert.Contains("may", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_record_carries_the_reading_that_identifies_its_product()
    {
        // Line 25 heads the product column; no line of the table names a product.
        Assert.Equal("PRODUCT", Line(25).Trim());
        var table = Enumerable.Range(29, 79 - 29 + 1).Select(Line).ToList();
        foreach (var product in Policy.ProductIndex.Items)
        {
            Assert.DoesNotContain(table, l => l.Contains(product.Name, StringComparison.Ordinal));
            Assert.Equal(Basis.InferredFromContent, product.Basis);
            Assert.All(Policy.ResidencyOf(product), r =>
            {
                Assert.Equal(product.Basis, r.ProductBasis);
                Assert.Equal(product.Notes, r.ProductNotes);
                Assert.Contains("product column", string.Join(" ", r.ProductNotes), StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void The_blank_hosting_cell_beside_chat_conversations_is_said()
    {
        Assert.Equal("Chatgesprekken", Line(61).Trim());
        Assert.Equal(string.Empty, Line(63).Trim());
        var record = Record("Freshchat", "Chat conversations");
        Assert.Equal(Basis.InferredFromTableLayout, record.Basis);
        Assert.Contains("blank in the policy text (line 63)", string.Join(" ", record.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_is_the_heading_above_the_statement_in_the_text_or_says_there_is_none()
    {
        var headings = Policy.Statements.Where(s => s.Kind == "Heading").OrderBy(s => s.Line).ToList();
        Assert.All(headings, h => Assert.Equal(h.Text, Line(h.Line).Trim()));
        foreach (var statement in Policy.Statements)
        {
            var above = headings.LastOrDefault(h => h.Line <= statement.Line);
            Assert.Equal(above?.Text ?? "(no heading)", statement.Section);
        }
    }

    [Fact]
    public void Every_Dutch_name_of_data_is_the_policy_text_s_own_words_or_says_how_it_was_spelled_out()
    {
        var whole = string.Join("\n", Text);
        foreach (var category in Policy.CategoryIndex.Items)
        {
            if (!whole.Contains(category.NameNl, StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains(category.Notes, n => n.Contains("Dutch name spells out", StringComparison.Ordinal));
            }
        }

        Assert.All(Policy.SubjectIndex.Items, s => Assert.Contains(s.NameNl, whole, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("service-gegevens", Line(93), StringComparison.Ordinal);
        Assert.Equal("Service-gegevens", Policy.CategoryIndex.Find("Migration data")!.NameNl);
    }
}
