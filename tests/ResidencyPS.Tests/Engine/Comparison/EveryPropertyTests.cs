using System.Globalization;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Comparison;

/// <summary>
/// Issue 19, point 1: a policy whose SHA-256 differs is never "0 differences". Every property of every object the
/// format describes (<see cref="PolicyFormat"/>, not a list kept here) is changed in turn, validly, and the comparison
/// must name it; a property added to the format is tried without an edit to this test.
/// </summary>
public class EveryPropertyTests
{
    private static readonly string Json = EmbeddedPolicyJson.Text;

    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in PolicyFormat.Document.Fields.Where(f => f.Kind != FieldKind.List && f.Kind != FieldKind.Object))
        {
            data.Add("policy", field.Name);
        }

        foreach (var field in PolicyFormat.Source.Fields)
        {
            data.Add("source", field.Name);
        }

        foreach (var list in PolicyFormat.Document.Fields.Where(f => f.Kind == FieldKind.List))
        {
            // Keys are matched, not compared: a changed key is a removal and an addition (tested in PolicyComparerTests).
            foreach (var field in list.Element!.Fields.Where(f => !EveryProperty.Lists[list.Name].Key.Contains(f.Name)))
            {
                data.Add(list.Name, field.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_list_of_the_format_has_a_key_and_a_list_of_properties_compared_by_hand_that_it_has()
    {
        foreach (var list in PolicyFormat.Document.Fields.Where(f => f.Kind == FieldKind.List))
        {
            Assert.True(EveryProperty.Lists.ContainsKey(list.Name), list.Name + " has no key");
            Assert.All(EveryProperty.Lists[list.Name].Key, k => Assert.NotNull(list.Element!.Find(k)));
            Assert.All(EveryProperty.ComparedByHand[list.Name], p => Assert.NotNull(list.Element!.Find(p)));
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_property_of_the_format_is_a_difference(string owner, string field)
    {
        var embedded = PolicyStore.Embedded;
        foreach (var candidate in Changes(owner, field))
        {
            ResidencyPolicy changed;
            try
            {
                changed = PolicyLoader.Load(new StringReader(candidate), "changed");
            }
            catch (PolicyValidationException)
            {
                continue; // not a valid policy: try the next change
            }

            if (changed.Sha256 == embedded.Sha256)
            {
                continue;
            }

            var differences = PolicyComparer.Compare(embedded, changed);
            Assert.True(differences.Count > 0, $"{owner}.{field} changed the SHA-256 but the comparison found no difference");
            return;
        }

        // Only one schema version is accepted, so no policy can differ in it.
        Assert.True(owner == "policy" && field == "schemaVersion", $"No valid change of {owner}.{field} was found: add one to Changes().");
    }

    // Valid changes are found, not written by hand: the value with words added, values the same property has elsewhere
    // in the policy (enum names and references stay valid), a list with one more or one fewer item, a number plus one.
    private static IEnumerable<string> Changes(string owner, string field)
    {
        var doc = JObject.Parse(Json);
        IEnumerable<JObject> items = owner switch
        {
            "policy" => new[] { doc },
            "source" => new[] { (JObject)doc["source"]! },
            _ => ((JArray)doc[owner]!).OfType<JObject>().ToList(),
        };
        var all = items.ToList();
        // Values the same property has anywhere in the policy ("basis" of regions for a product's): enum names and references stay valid.
        var elsewhere = doc.Descendants().OfType<JProperty>().Where(p => p.Name == field && p.Value.Type != JTokenType.Null).Select(p => p.Value).ToList();
        for (var index = 0; index < Math.Min(all.Count, 12); index++)
        {
            var current = all[index][field];
            foreach (var value in Values(current, elsewhere))
            {
                var copy = JObject.Parse(Json);
                var target = owner switch
                {
                    "policy" => copy,
                    "source" => (JObject)copy["source"]!,
                    _ => (JObject)((JArray)copy[owner]!)[index],
                };
                if (value == null)
                {
                    target.Remove(field);
                }
                else
                {
                    target[field] = value;
                }

                yield return copy.ToString();
            }
        }
    }

    private static IEnumerable<JToken?> Values(JToken? current, List<JToken> elsewhere)
    {
        switch (current)
        {
            case JValue { Type: JTokenType.Integer } number:
                yield return new JValue((long)number + 1);
                break;
            case JValue { Type: JTokenType.String } text:
                yield return new JValue((string)text! + " (changed)");
                foreach (var other in elsewhere.Where(o => !JToken.DeepEquals(o, current)).Distinct(JToken.EqualityComparer).Take(8))
                {
                    yield return other.DeepClone();
                }

                yield return null;
                break;
            case JArray list:
                foreach (var other in elsewhere.OfType<JArray>().SelectMany(a => a).Where(v => !list.Any(l => JToken.DeepEquals(l, v))).Distinct(JToken.EqualityComparer).Take(4))
                {
                    yield return new JArray(list.Concat(new[] { other.DeepClone() }));
                }

                if (list.Count > 0)
                {
                    yield return new JArray(list.Take(list.Count - 1));
                }

                yield return new JArray(list.Concat(new JToken[] { "changed" }));
                break;
            case JObject period:
                var changed = (JObject)period.DeepClone();
                changed["value"] = (long)changed["value"]! + 1;
                yield return changed;
                yield return null;
                break;
            default:
                // Absent here: a value the property has elsewhere, then a date and an address for the dated and linked ones.
                foreach (var other in elsewhere.Distinct(JToken.EqualityComparer).Take(8))
                {
                    yield return other.DeepClone();
                }

                yield return new JValue("2025-01-01");
                yield return new JValue("https://example.org/policy");
                yield return new JValue("changed");
                break;
        }
    }
}
