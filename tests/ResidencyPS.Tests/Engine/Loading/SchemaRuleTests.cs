using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>
/// module/policy.schema.json, rule by rule, against the loader (issue 19, point 1): every rule of the schema (each
/// required property, enum, const, pattern, bound, minimum count, type and closed object) is broken once in the
/// embedded policy, and what the shipped schema refuses the loader must refuse too. A policy an editor marks red
/// must never answer questions (a statement kind of "Banana" once loaded).
/// </summary>
public sealed class SchemaRuleTests
{
    private static readonly JsonNode SchemaNode = JsonNode.Parse(File.ReadAllText(PolicySchema.Path))!;
    private static readonly JsonSchema Schema = PolicySchema.Schema;
    private static readonly Lazy<IReadOnlyDictionary<string, Action<JObject>>> Cases = new(Build);

    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_kind_of_rule_in_the_schema_is_broken_at_least_once()
    {
        var kinds = Cases.Value.Keys.Select(k => k[(k.LastIndexOf(' ') + 1)..]).ToHashSet();
        Assert.Superset(new HashSet<string> { "required", "enum", "const", "pattern", "minimum", "maximum", "minItems", "minLength", "type", "additionalProperties" }, kinds);
        Assert.True(Cases.Value.Count > 150, $"only {Cases.Value.Count} rules found");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void What_the_schema_refuses_the_loader_refuses(string rule)
    {
        var json = EmbeddedPolicyJson.Mutate(Cases.Value[rule]);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var verdict = Schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag });
        // Each break must really break the schema, or this test would hold the loader to nothing.
        Assert.False(verdict.IsValid, $"breaking '{rule}' left the policy valid under the schema");
        EmbeddedPolicyJson.Refused(json);
    }

    private static JsonNode Resolve(JsonNode schema)
    {
        if (schema is JsonObject obj && obj["$ref"] is JsonValue reference)
        {
            var target = SchemaNode["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!.AsObject();
            var merged = JsonNode.Parse(target.ToJsonString())!.AsObject();
            foreach (var (key, value) in obj)
            {
                if (key != "$ref")
                {
                    merged[key] = value?.DeepClone();
                }
            }

            return merged;
        }

        return schema;
    }

    private static IReadOnlyDictionary<string, Action<JObject>> Build()
    {
        var cases = new SortedDictionary<string, Action<JObject>>(StringComparer.Ordinal);
        WalkObject(Resolve(SchemaNode).AsObject(), "policy", d => d, cases);
        return cases;
    }

    // An object schema at the instance `locate` finds (null: the instance is missing, nothing to break there).
    private static void WalkObject(JsonObject schema, string path, Func<JObject, JObject?> locate, IDictionary<string, Action<JObject>> cases)
    {
        if (schema["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>())
        {
            cases[$"{path} additionalProperties"] = d => locate(d)!["surplusProperty"] = "x";
        }

        foreach (var required in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? Enumerable.Empty<string>())
        {
            cases[$"{path}.{required} required"] = d => locate(d)!.Remove(required);
        }

        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (name, raw) in properties)
        {
            if (name == "$schema")
            {
                continue;
            }

            var property = Resolve(raw!).AsObject();
            var here = $"{path}.{name}";
            Func<JObject, JToken?> value = d => locate(d)?[name];
            void Set(JObject d, JToken v) => locate(d)![name] = v;
            WalkValue(property, here, value, Set, cases);
        }
    }

    private static void WalkValue(JsonObject schema, string path, Func<JObject, JToken?> value, Action<JObject, JToken> set, IDictionary<string, Action<JObject>> cases)
    {
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => new[] { one.GetValue<string>() },
            _ => Array.Empty<string>(),
        };

        if (schema["enum"] is JsonArray)
        {
            cases[$"{path} enum"] = d => set(d, "Banana");
        }

        if (schema["const"] is JsonValue)
        {
            cases[$"{path} const"] = d => set(d, "0.0-banana");
        }

        if (schema["pattern"] is JsonValue pattern)
        {
            var bad = new[] { "banana banana", " ", "zz", "2025-1-1" }.First(c => !Regex.IsMatch(c, pattern.GetValue<string>()));
            cases[$"{path} pattern"] = d => set(d, bad);
        }

        if (schema["minLength"] is JsonValue)
        {
            cases[$"{path} minLength"] = d => set(d, string.Empty);
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            cases[$"{path} minimum"] = d => set(d, minimum.GetValue<long>() - 1);
        }

        if (schema["maximum"] is JsonValue maximum)
        {
            cases[$"{path} maximum"] = d => set(d, maximum.GetValue<long>() + 1);
        }

        if (schema["minItems"] is JsonValue)
        {
            cases[$"{path} minItems"] = d => set(d, new JArray());
        }

        if (types.Length > 0)
        {
            JToken wrong = types.Contains("string") ? (types.Contains("integer") ? new JArray() : 7) : "seven";
            cases[$"{path} type"] = d => set(d, wrong);
        }

        if (types.Contains("object") && schema["properties"] is JsonObject)
        {
            WalkObject(schema, path, d => value(d) as JObject, cases);
        }

        if (schema["items"] is JsonNode items)
        {
            var element = Resolve(items).AsObject();
            if (element["properties"] is JsonObject)
            {
                // Each property is broken in the first element that has it, so optional properties are covered too.
                foreach (var (name, _) in element["properties"]!.AsObject())
                {
                    var one = new JsonObject { ["properties"] = new JsonObject { [name] = element["properties"]![name]!.DeepClone() } };
                    if (element["required"]?.AsArray().Any(r => r!.GetValue<string>() == name) == true)
                    {
                        one["required"] = new JsonArray(name);
                    }

                    WalkObject(one, $"{path}[]", d => (value(d) as JArray)?.OfType<JObject>().FirstOrDefault(e => e[name] != null) ?? (value(d) as JArray)?.OfType<JObject>().FirstOrDefault(), cases);
                }

                if (element["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>())
                {
                    cases[$"{path}[] additionalProperties"] = d => ((JObject)((JArray)value(d)!)[0])["surplusProperty"] = "x";
                }
            }
            else
            {
                // A list of values: the first element broken (appended when the list is empty).
                WalkValue(element, $"{path}[]", d => (value(d) as JArray)?.FirstOrDefault(), (d, v) =>
                {
                    var list = (JArray)value(d)!;
                    if (list.Count == 0)
                    {
                        list.Add(v);
                    }
                    else
                    {
                        list[0] = v;
                    }
                }, cases);
            }
        }
    }
}
