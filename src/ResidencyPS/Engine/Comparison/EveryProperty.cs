using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Engine.Comparison;

/// <summary>
/// The comparison of every property the policy format has, read from both policies' canonical JSON and walked by
/// <see cref="PolicyFormat"/>: what <see cref="PolicyComparer"/> compares by hand (with impact and readable values) is
/// skipped here, everything else is compared as written. A property added to the format is compared without an edit
/// here; a change that alters the SHA-256 can no longer compare equal (six properties were once forgotten).
/// </summary>
internal static class EveryProperty
{
    /// <summary>How each list of the format is matched between two policies, and the name its differences carry.</summary>
    internal static readonly IReadOnlyDictionary<string, (string Scope, string[] Key)> Lists = new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
    {
        ["statements"] = ("Statement", new[] { "id" }),
        ["regions"] = ("Region", new[] { "code" }),
        ["products"] = ("Product", new[] { "name" }),
        ["categories"] = ("DataCategory", new[] { "id" }),
        ["residency"] = ("Residency", new[] { "product", "category" }),
        ["subjects"] = ("Subject", new[] { "id" }),
        ["retention"] = ("Retention", new[] { "id" }),
        ["rules"] = ("Rule", new[] { "id" }),
    };

    /// <summary>
    /// The properties PolicyComparer compares itself, per list (and "policy" and "source" for the top level): each with
    /// its impact or a readable value. A list that PolicyComparer does not compare at all (subjects) has none, and its
    /// additions and removals are reported here too.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, HashSet<string>> ComparedByHand = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
    {
        ["policy"] = Set("schemaVersion", "vendor", "policyVersion", "effectiveDate", "source", "statements", "regions", "products", "categories", "residency", "subjects", "retention", "rules"),
        ["source"] = Set("title", "document", "url", "retrieved"),
        ["statements"] = Set("id", "text", "english", "line"),
        ["regions"] = Set("code", "name", "countries"),
        ["products"] = Set("name", "aliases"),
        ["categories"] = Set("id", "name", "nameNl", "definition"),
        ["residency"] = Set("product", "category", "term", "regions", "activity", "platforms", "basis", "notes", "conflict", "sources"),
        ["subjects"] = Set(),
        ["retention"] = Set("id", "subject", "products", "hostingRegions", "storage", "period", "after", "afterRegion", "afterDelay", "basis", "conflict", "sources"),
        ["rules"] = Set("id", "when", "products", "categories", "hostingRegions", "effect", "destination", "duration", "activity", "message", "basis", "sources"),
    };

    /// <summary>Adds a difference for every property the hand-written comparison does not cover.</summary>
    public static void Compare(ResidencyPolicy reference, ResidencyPolicy difference, List<PolicyDifference> result)
    {
        var before = JObject.Parse(reference.CanonicalJson);
        var after = JObject.Parse(difference.CanonicalJson);
        Properties(result, "Policy", reference.Vendor, PolicyFormat.Document, ComparedByHand["policy"], before, after, string.Empty);
        Properties(result, "Policy", reference.Vendor, PolicyFormat.Source, ComparedByHand["source"], before["source"] as JObject, after["source"] as JObject, "Source.");
        foreach (var list in PolicyFormat.Document.Fields.Where(f => f.Kind == FieldKind.List))
        {
            var (scope, key) = Lists[list.Name];
            var old = Keyed(before[list.Name] as JArray, key);
            var @new = Keyed(after[list.Name] as JArray, key);
            var byHand = ComparedByHand[list.Name];
            foreach (var pair in old)
            {
                if (@new.TryGetValue(pair.Key, out var other))
                {
                    Properties(result, scope, Display(reference, scope, pair.Key), list.Element!, byHand, pair.Value, other, string.Empty);
                }
                else if (byHand.Count == 0)
                {
                    var name = Display(reference, scope, pair.Key);
                    result.Add(new PolicyDifference(scope, name, PolicyChangeKind.Removed, null, null, null, name, null, ChangeImpact.Neutral));
                }
            }

            foreach (var added in @new.Keys.Where(k => byHand.Count == 0 && !old.ContainsKey(k)))
            {
                var name = Display(difference, scope, added);
                result.Add(new PolicyDifference(scope, name, PolicyChangeKind.Added, null, null, null, null, name, ChangeImpact.Neutral));
            }
        }
    }

    // A difference names what a reader knows: a data category or subject by its name, not the id the file keys it by.
    private static string Display(ResidencyPolicy policy, string scope, string key)
    {
        string Category(string id) => policy.CategoryIndex.Find(id)?.DataCategory ?? id;
        var slash = key.IndexOf('/');
        return scope switch
        {
            "DataCategory" => Category(key),
            "Subject" => policy.SubjectIndex.Find(key)?.Name ?? key,
            "Residency" when slash > 0 => key.Substring(0, slash) + "/" + Category(key.Substring(slash + 1)),
            _ => key,
        };
    }

    private static void Properties(List<PolicyDifference> result, string scope, string key, ObjectSpec spec, HashSet<string> byHand, JObject? before, JObject? after, string prefix)
    {
        foreach (var field in spec.Fields.Where(f => !byHand.Contains(f.Name)))
        {
            var old = before?[field.Name];
            var @new = after?[field.Name];
            if (!JToken.DeepEquals(Normal(old), Normal(@new)))
            {
                result.Add(new PolicyDifference(scope, key, PolicyChangeKind.Changed, null, null, prefix + char.ToUpperInvariant(field.Name[0]) + field.Name.Substring(1),
                    Show(old), Show(@new), ChangeImpact.Neutral));
            }
        }
    }

    // An absent property, null and an empty list say the same in the format.
    private static JToken? Normal(JToken? token) =>
        token == null || token.Type == JTokenType.Null || (token is JArray array && array.Count == 0) ? null : token;

    private static string? Show(JToken? token) => Normal(token) switch
    {
        null => null,
        JValue value => Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        JArray array when array.All(t => t.Type == JTokenType.String) => string.Join(", ", array.Select(t => (string?)t)),
        var other => other.ToString(Formatting.None),
    };

    private static Dictionary<string, JObject> Keyed(JArray? items, string[] key)
    {
        var result = new Dictionary<string, JObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            result[string.Join("/", key.Select(k => (string?)item[k] ?? string.Empty))] = item;
        }

        return result;
    }

    private static HashSet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
}
