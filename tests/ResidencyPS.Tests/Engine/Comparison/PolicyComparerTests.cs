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
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.RegionAdded && d.Key == "Freshsales/DealData" && d.OldValue == "US, EEA" && d.NewValue == "US, EEA, AU" && d.Impact == ChangeImpact.Weakens);
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.PeriodChanged && d.Scope == "Retention" && d.NewValue == "60 days");
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.SourceChanged && d.Key == "Freshsales/CallRecordings");
        Assert.Contains(differences, d => d.Scope == "Statement" && d.Key == "footnote-call-recordings" && d.NewValue == "*gewijzigd");
        Assert.Contains(differences, d => d.Change == PolicyChangeKind.Added && d.Scope == "Product" && d.Key == "Freshnew");
    }
}
