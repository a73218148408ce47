using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>A bad policy file is refused with every problem named, and never instantiates anything it names.</summary>
public class PolicyLoaderTests
{
    private static readonly string EmbeddedJson = EmbeddedPolicyJson.Text;

    private static PolicyValidationException Refused(string json) => EmbeddedPolicyJson.Refused(json);

    private static string Mutate(Action<JObject> change) => EmbeddedPolicyJson.Mutate(change);

    [Fact]
    public void The_embedded_json_loads_and_is_parsed_once()
    {
        Assert.Same(PolicyStore.Embedded, PolicyStore.Embedded);
        var copies = Enumerable.Range(0, 8).AsParallel().Select(_ => PolicyStore.Embedded).Distinct().Count();
        Assert.Equal(1, copies);
        Assert.Equal(PolicyStore.Embedded.Residency.Count, PolicyLoader.Load(new StringReader(EmbeddedJson), "copy").Residency.Count);
    }

    [Fact]
    public void Truncated_json_names_line_and_position()
    {
        var error = Refused(EmbeddedJson.Substring(0, EmbeddedJson.Length / 2));
        var problem = Assert.Single(error.Problems);
        Assert.NotNull(problem.Line);
        Assert.Contains("test.json", error.Message);
    }

    [Fact]
    public void Every_dangling_reference_is_reported_at_once()
    {
        var error = Refused(Mutate(doc =>
        {
            doc["residency"]![0]!["regions"]![0] = "MARS";
            doc["residency"]![1]!["category"] = "NoSuchCategory";
            doc["residency"]![2]!["sources"]![0] = "no-such-statement";
        }));
        Assert.Contains(error.Problems, p => p.Path == "residency[0].regions[0]" && p.Message.Contains("MARS"));
        Assert.Contains(error.Problems, p => p.Path == "residency[1].category");
        Assert.Contains(error.Problems, p => p.Path == "residency[2].sources[0]");
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void Duplicate_ids_missing_sources_and_unsupported_schema_are_refused()
    {
        var error = Refused(Mutate(doc =>
        {
            doc["schemaVersion"] = "9.9";
            doc["statements"]![1]!["id"] = doc["statements"]![0]!["id"];
            doc["retention"]![0]!["sources"] = new JArray();
        }));
        Assert.Contains(error.Problems, p => p.Path == "schemaVersion" && p.Message.Contains("1.0"));
        Assert.Contains(error.Problems, p => p.Path == "statements[1].id");
        Assert.Contains(error.Problems, p => p.Path == "retention[0].sources");
    }

    [Fact]
    public void Wrong_enum_values_list_what_is_accepted()
    {
        var error = Refused(Mutate(doc => doc["residency"]![0]!["basis"] = "Guessed"));
        var problem = Assert.Single(error.Problems);
        Assert.Contains("Stated, InferredFromTableLayout, InferredFromContent", problem.Message);
    }

    [Fact]
    public void A_type_name_in_the_file_is_refused_not_instantiated()
    {
        var json = Mutate(doc => doc["source"]!["$type"] = "System.IO.FileInfo, System.IO.FileSystem");
        var error = Refused(json);
        Assert.Contains(error.Problems, p => p.Message.Contains("$type"));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = "{\"schemaVersion\":" + new string('[', 200) + new string(']', 200) + "}";
        Assert.NotNull(Refused(deep).Problems.Single().Line);
    }

    [Theory]
    [InlineData("rules", "duration", 30000, "Years")]
    [InlineData("rules", "duration", 2147483647, "Days")]
    [InlineData("retention", "period", 2147483647, "Minutes")]
    [InlineData("retention", "period", 101, "Years")]
    public void A_period_too_large_for_dates_is_a_located_problem_not_an_overflow(string list, string field, int value, string unit)
    {
        var json = Mutate(d =>
        {
            var item = (JObject)d[list]!.First(i => i[field] != null)!;
            item[field] = new JObject { ["value"] = value, ["unit"] = unit, ["text"] = "lang" };
        });
        var problem = Assert.Single(Refused(json).Problems);
        Assert.EndsWith("." + field + ".value", problem.Path, StringComparison.Ordinal);
        Assert.Contains("out of range", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("retention")]
    public void Duplicate_rule_and_retention_ids_are_refused(string list)
    {
        var json = Mutate(d => d[list]![1]!["id"] = d[list]![0]!["id"]!.ToString());
        Assert.Contains(Refused(json).Problems, p => p.Path == list + "[1].id" && p.Message.Contains("used more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_thousands_of_faults_reports_the_first_hundred_and_how_many_more_with_short_messages()
    {
        var json = Mutate(d =>
        {
            var products = (JArray)d["products"]!;
            for (var i = 0; i < 2000; i++)
            {
                products.Add(new JObject { ["name"] = "Extra" + i, ["basis"] = "Stated", ["sources"] = new JArray("intro-customer-data") });
            }

            var residency = (JArray)d["residency"]!;
            for (var i = 0; i < 3000; i++)
            {
                residency.Add(new JObject { ["product"] = "Nope" + i, ["category"] = "TicketData", ["term"] = "x", ["regions"] = new JArray("US"), ["basis"] = "Stated", ["sources"] = new JArray("intro-customer-data") });
            }
        });
        var problems = Refused(json).Problems;
        Assert.Equal(ProblemList.Max + 1, problems.Count);
        Assert.Equal("... and 2900 more problems; fix these first.", problems[^1].Message);
        Assert.All(problems, p => Assert.True(p.Message.Length < 600, p.Message.Length + " characters"));
        Assert.Contains("(2007 in all)", problems[0].Message, StringComparison.Ordinal);
    }
}
