using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>The embedded policy's JSON as the loader tests start from it: changed one way, then loaded or refused.</summary>
public static class EmbeddedPolicyJson
{
    /// <summary>The embedded policy file's text.</summary>
    public static string Text { get; } = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks.policy.json"));

    /// <summary>The embedded policy with <paramref name="change"/> applied, as indented JSON.</summary>
    public static string Mutate(Action<JObject> change)
    {
        var doc = JObject.Parse(Text);
        change(doc);
        return doc.ToString();
    }

    /// <summary>The refusal <paramref name="json"/> meets, loaded as test.json; fails the test when it loads.</summary>
    public static PolicyValidationException Refused(string json) =>
        Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(json), "test.json"));
}
