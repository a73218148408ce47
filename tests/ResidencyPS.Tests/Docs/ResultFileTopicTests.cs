using Newtonsoft.Json.Linq;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>Issue 21, point 6: about_ResidencyPS_ResultFile documents every field the result file's schema has, by its path.</summary>
public sealed class ResultFileTopicTests
{
    private static IEnumerable<string> Paths(JObject schema, JToken node, string prefix)
    {
        if (node["$ref"] is JValue reference)
        {
            node = schema.SelectToken("$defs." + ((string)reference!).Split('/')[^1])!;
        }

        foreach (var property in (node["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            yield return path;
            foreach (var inner in Paths(schema, property.Value, path))
            {
                yield return inner;
            }
        }

        if (node["items"] is JObject items)
        {
            foreach (var inner in Paths(schema, items, prefix + "[]"))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public void Every_field_of_the_schema_is_documented_by_its_path()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "module", "result.schema.json")));
        var topic = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "about_ResidencyPS_ResultFile.md"));
        var paths = Paths(schema, schema, string.Empty).ToList();
        Assert.Contains("waiverFiles[].waivers[].status", paths);
        Assert.All(paths, path => Assert.Contains("`" + path + "`", topic));
    }
}
