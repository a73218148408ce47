using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>The policy file format: round trip, JSON Schema, the documented example, and refusal of corrupt files.</summary>
public sealed class PolicyFileTests : IDisposable
{
    private static readonly string EmbeddedJson = EmbeddedPolicyJson.Text;
    private static readonly JsonSchema Schema = PolicySchema.Schema;
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-policy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static PolicyValidationException Refused(string path) => Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFile(path));

    private static string DocumentedExample()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "about_ResidencyPS_PolicyFormat.md"));
        var start = text.IndexOf("```json\n{\n  \"schemaVersion\"", StringComparison.Ordinal) + "```json\n".Length;
        return text[start..text.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static IEnumerable<string> EveryAnswer(ResidencyPolicy policy)
    {
        foreach (var record in policy.Residency)
        {
            yield return $"{record.Product}|{record.DataCategory}|{record.Regions}|{record.Basis}|{record.Source}|{record.Notes}";
            foreach (var region in policy.RegionIndex.Items)
            {
                foreach (var options in new[] { BoundaryOptions.None, BoundaryOptions.UsesIntegrations, BoundaryOptions.CustomMailbox })
                {
                    var result = BoundaryEvaluator.Evaluate(policy, record, region, options);
                    yield return $"{result}|{result.Basis}|{string.Join(";", result.Findings.Select(f => f + "|" + f.Effect + "|" + f.Destination + "|" + f.Duration + "|" + f.SourceText))}";
                }
            }
        }

        foreach (var rule in policy.Retention)
        {
            yield return $"{rule}|{rule.HostingRegion}|{rule.Period}|{rule.PeriodText}|{rule.AfterPeriod}|{rule.MovesTo}|{rule.Source}";
        }
    }

    [Fact]
    public void Exported_default_imports_to_the_same_policy_answering_everything_the_same()
    {
        var path = Write("export.json", PolicyStore.Embedded.CanonicalJson);
        var imported = PolicyLoader.LoadFile(path);
        Assert.Equal(PolicyStore.Embedded.Sha256, imported.Sha256);
        Assert.False(imported.IsEmbedded);
        Assert.Empty(PolicyComparer.Compare(PolicyStore.Embedded, imported));
        Assert.Equal(EveryAnswer(PolicyStore.Embedded), EveryAnswer(imported));
    }

    [Fact]
    public void Embedded_export_and_documented_example_satisfy_the_published_JSON_schema()
    {
        foreach (var json in new[] { EmbeddedJson, PolicyStore.Embedded.CanonicalJson, DocumentedExample() })
        {
            var result = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        }
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects()
    {
        var doc = JsonNode.Parse(EmbeddedJson)!;
        doc["residency"]![0]!["basis"] = "Guessed";
        doc["surprise"] = 1;
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(doc.ToJsonString()).RootElement).IsValid);
        Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(doc.ToJsonString()), "x"));
    }

    [Fact]
    public void A_schema_reference_for_editors_is_accepted_and_ignored()
    {
        var json = "{\"$schema\": \"./policy.schema.json\"," + EmbeddedJson.TrimStart()[1..];
        Assert.True(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid);
        Assert.Equal(PolicyStore.Embedded.Sha256, PolicyLoader.Load(new StringReader(json), "with-schema").Sha256);
    }

    [Fact]
    public void The_documented_example_loads_and_answers()
    {
        var policy = PolicyLoader.LoadFile(Write("freshteam.json", DocumentedExample()));
        Assert.Equal(2, policy.ResidencyCount);
        var record = policy.Residency[0];
        Assert.Equal(Verdict.Outside, BoundaryEvaluator.Evaluate(policy, record, policy.RegionIndex.Find("EEA")!, BoundaryOptions.None).Verdict);
        Assert.Equal("NO", policy.RegionOfCountry("no")!.Countries[1]);
    }

    public static IEnumerable<object[]> Corruptions() => new[]
    {
        new object[] { "truncated", (Func<string, string>)(json => json[..(json.Length / 3)]), "" },
        new object[] { "string where a list belongs", (Func<string, string>)(json => Mutate(json, d => d["residency"]![0]!["regions"] = "US")), "residency[0].regions" },
        new object[] { "number where a string belongs", (Func<string, string>)(json => Mutate(json, d => d["vendor"] = 42)), "vendor" },
        new object[] { "dangling category", (Func<string, string>)(json => Mutate(json, d => d["residency"]![3]!["category"] = "Nope")), "residency[3].category" },
        new object[] { "duplicate key", (Func<string, string>)(json => json.Replace("\"vendor\": \"Freshworks\",", "\"vendor\": \"Freshworks\", \"vendor\": \"Other\",")), "vendor" },
        new object[] { "deep nesting", (Func<string, string>)(json => "{\"rules\":" + new string('[', 5000) + new string(']', 5000) + "}"), "" },
        new object[] { "text after the object", (Func<string, string>)(json => json + "\n{}"), "" },
        new object[] { "missing source", (Func<string, string>)(json => Mutate(json, d => ((JObject)d["retention"]![1]!).Remove("sources"))), "retention[1].sources" },
    };

    private static string Mutate(string json, Action<JObject> change)
    {
        var doc = JObject.Parse(json);
        change(doc);
        return doc.ToString();
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_file_is_refused_with_a_located_problem(string name, Func<string, string> corrupt, string path)
    {
        var error = Refused(Write(name.Replace(' ', '-') + ".json", corrupt(EmbeddedJson)));
        Assert.NotEmpty(error.Problems);
        var problem = path.Length == 0 ? error.Problems[0] : Assert.Single(error.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal));
        Assert.NotNull(problem.Line);
        Assert.Contains(name.Replace(' ', '-') + ".json", error.Message);
    }

    [Fact]
    public void A_100_MB_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.SetLength(100L * 1024 * 1024);
        }

        var problem = Assert.Single(Refused(path).Problems);
        Assert.Contains("at most", problem.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_refused_and_a_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetBytes(EmbeddedJson);
        var broken = Path.Combine(_folder, "latin1.json");
        File.WriteAllBytes(broken, bytes.Take(200).Concat(new byte[] { 0xC3, 0x28 }).Concat(bytes.Skip(200)).ToArray());
        Assert.Contains("UTF-8", Refused(broken).Problems.Single().Message);
        var bom = Path.Combine(_folder, "bom.json");
        File.WriteAllBytes(bom, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray());
        Assert.Equal(PolicyStore.Embedded.Sha256, PolicyLoader.LoadFile(bom).Sha256);
    }
}
