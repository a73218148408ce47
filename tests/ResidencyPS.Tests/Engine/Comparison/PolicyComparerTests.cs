using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Comparison;

/// <summary>PolicyComparer: every kind of change between two policies, found and named.</summary>
public class PolicyComparerTests
{
    private static readonly string EmbeddedJson = EmbeddedPolicyJson.Text;

    private static string Mutate(string json, Action<JObject> change)
    {
        var doc = JObject.Parse(json);
        change(doc);
        return doc.ToString();
    }

    [Fact]
    public void Comparer_names_region_period_source_and_product_changes()
    {
        var changed = PolicyLoader.Load(new StringReader(Mutate(EmbeddedJson, d =>
        {
            var deal = d["residency"]!.First(r => (string?)r["product"] == "Freshsales" && (string?)r["category"] == "DealData")!;
            deal["regions"] = new JArray("US", "EEA", "AU");
            d["retention"]![1]!["period"]!["value"] = 60;
            d["statements"]!.First(s => (string?)s["id"] == "footnote-call-recordings")!["text"] = "*gewijzigd";
            ((JArray)d["products"]!).Add(JObject.Parse("{\"name\":\"Freshnew\",\"basis\":\"Stated\",\"sources\":[\"intro-customer-data\"]}"));
        })), "changed");
        var differences = PolicyComparer.Compare(PolicyStore.Embedded, changed);
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.RegionAdded && d.Key == "Freshsales/Deal data" && d.OldValue == "US, EEA" && d.NewValue == "US, EEA, AU" && d.Impact == ChangeImpact.Weakens);
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.PeriodChanged && d.Scope == "Retention" && d.NewValue == "60 days");
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.SourceChanged && d.Key == "Freshsales/Call recordings");
        var statement = Assert.Single(differences, d => d.Scope == "Statement" && d.Key == "footnote-call-recordings");
        Assert.StartsWith("*gewijzigd (", statement.NewValue, StringComparison.Ordinal);
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.Added && d.Scope == "Product" && d.Key == "Freshnew");
    }

    [Fact]
    public void One_edit_of_a_statement_is_one_row_and_added_retention_says_what_and_where()
    {
        var changed = PolicyLoader.Load(new StringReader(Mutate(EmbeddedJson, d =>
        {
            var statement = d["statements"]!.First(s => (string?)s["id"] == "logs-one-year")!;
            statement["text"] = (string)statement["text"]! + " Gewijzigd.";
            statement["english"] = (string)statement["english"]! + " Changed.";
            // Freshteam offered in the EEA too: its logs and backups are then kept in the EEA as well.
            d["residency"]!.First(r => (string?)r["product"] == "Freshteam")!["regions"] = new JArray("US", "EEA");
        })), "changed");
        var differences = PolicyComparer.Compare(PolicyStore.Embedded, changed);
        var edit = Assert.Single(differences, d => d.Scope == "Statement");
        Assert.EndsWith("Gewijzigd. (" + PolicyStore.Embedded.Statements.First(s => s.Id == "logs-one-year").English + " Changed.)", edit.NewValue, StringComparison.Ordinal);
        var added = differences.Where(d => d.Scope == "Retention" && d.Change == PolicyChangeKind.Added).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, d => Assert.Matches("^Freshteam: (Logs|Backups) of accounts hosted in EEA, kept in EEA: ", d.NewValue!));
        Assert.All(added, d => Assert.Equal("Freshteam", d.Product));
        Assert.DoesNotContain(differences, d => d.Key.Contains("EmployeeData", StringComparison.Ordinal));
    }

    [Fact]
    public void New_words_for_the_same_period_are_one_row_and_a_new_period_with_its_words_is_one_row()
    {
        var words = PolicyLoader.Load(new StringReader(Mutate(EmbeddedJson, d => d["retention"]![0]!["period"]!["text"] = "een jaar")), "words");
        var row = Assert.Single(PolicyComparer.Compare(PolicyStore.Embedded, words), d => d.Scope == "Retention");
        Assert.Equal(("PeriodText", "1 jaar", "een jaar"), (row.Property, row.OldValue, row.NewValue));
        var both = PolicyLoader.Load(new StringReader(Mutate(EmbeddedJson, d =>
        {
            d["retention"]![0]!["period"]!["value"] = 2;
            d["retention"]![0]!["period"]!["text"] = "2 jaar";
        })), "both");
        Assert.Equal(PolicyChangeKind.PeriodChanged, Assert.Single(PolicyComparer.Compare(PolicyStore.Embedded, both), d => d.Scope == "Retention").Change);
    }
}
