using Json.Schema;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>
/// module/policy.schema.json, loaded once per test run: JsonSchema.Net registers a schema under its $id for the whole
/// process and refuses a second registration, so every test that validates a policy shares this one.
/// </summary>
public static class PolicySchema
{
    public static string Path { get; } = System.IO.Path.Combine(TestPaths.RepoRoot, "module", "policy.schema.json");

    public static JsonSchema Schema { get; } = JsonSchema.FromText(File.ReadAllText(Path));
}
