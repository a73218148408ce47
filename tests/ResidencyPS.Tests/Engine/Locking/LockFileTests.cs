using Json.Schema;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Locking;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Locking;

/// <summary>
/// Issue 22, point 4: a lock file pins each vendor's policy (its SHA-256, version and the policy itself) and is read back
/// only as written: a pin whose hash is not its policy's, two pins of one vendor or another format version are refused.
/// Fictional vendors only.
/// </summary>
public sealed class LockFileTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("lock-").FullName;

    internal static ResidencyPolicy Acme(params string[] regions) => new FictionalPolicy().Data("Orders", "Stated", regions).Load();

    internal static ResidencyPolicy Globex() => new FictionalPolicy("Globex (fictional)").Data("Invoices", "Stated", "EEA").Load();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(PolicyLock policyLock, Func<string, string>? edit = null)
    {
        var path = Path.Combine(_folder, "residency.lock.json");
        var json = LockFile.ToJson(policyLock);
        File.WriteAllText(path, edit == null ? json : edit(json));
        return path;
    }

    private static PolicyLock Pinning(params ResidencyPolicy[] policies) => new PolicyLock("x", Array.Empty<Pin>()).With(policies, only: false, Noon);

    [Fact]
    public void A_lock_reads_back_as_written_each_pin_with_its_vendor_version_hash_time_and_policy()
    {
        var acme = Acme("EEA");
        var globex = Globex();
        var read = LockFile.Read(Write(Pinning(globex, acme)));

        // Pins are kept in vendor order, so a lock's diff in review shows one vendor's change in one place.
        Assert.Equal(new[] { "Acme Widgets (fictional)", "Globex (fictional)" }, read.Pins.Select(p => p.Vendor));
        Assert.Equal(new[] { acme.Sha256, globex.Sha256 }, read.Pins.Select(p => p.Sha256));
        Assert.Equal(new[] { acme.Sha256, globex.Sha256 }, read.Pins.Select(p => p.Policy.Sha256));
        Assert.All(read.Pins, p => Assert.Equal(Noon, p.PinnedOn));
        Assert.Equal("test", read.For("acme widgets (FICTIONAL)")!.PolicyVersion);
    }

    [Fact]
    public void The_lock_file_is_valid_against_the_shipped_lock_schema()
    {
        _ = PolicySchema.Schema; // the pinned policy refers to policy.schema.json by its $id
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "module", PolicyLock.SchemaFileName)));
        var json = LockFile.ToJson(Pinning(Acme("EEA"), Globex()));
        Assert.True(schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);

        var edited = JObject.Parse(json);
        edited["policies"]![0]!["sha256"] = "ABC";
        Assert.False(schema.Evaluate(System.Text.Json.JsonDocument.Parse(edited.ToString()).RootElement).IsValid);
    }

    [Fact]
    public void A_pinned_policy_edited_by_hand_is_refused_at_its_line()
    {
        // The region added to the pinned policy leaves the pin's hash that of the policy as it was pinned.
        var path = Write(Pinning(Acme("EEA")), json => json.Replace("\"EEA\"\n", "\"EEA\", \"US\"\n", StringComparison.Ordinal));
        Assert.NotEqual(LockFile.ToJson(Pinning(Acme("EEA"))), File.ReadAllText(path));
        var e = Assert.Throws<PolicyValidationException>(() => LockFile.Read(path));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("policies[0].sha256", problem.Path);
        Assert.NotNull(problem.Line);
        Assert.Contains("edited by hand", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_pins_of_one_vendor_and_an_unknown_format_version_are_refused()
    {
        var path = Write(Pinning(Acme("EEA")), json =>
        {
            var lockJson = JObject.Parse(json);
            lockJson["lockVersion"] = "2.0";
            ((JArray)lockJson["policies"]!).Add(lockJson["policies"]![0]!.DeepClone());
            return lockJson.ToString();
        });
        var e = Assert.Throws<PolicyValidationException>(() => LockFile.Read(path));
        Assert.Contains(e.Problems, p => p.Path == "lockVersion" && p.Message.Contains("accepted: 1.0", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Path == "policies[1].vendor" && p.Message.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pin_missing_its_policy_or_time_names_each_field()
    {
        var path = Write(Pinning(Acme("EEA")), json =>
        {
            var lockJson = JObject.Parse(json);
            var pin = (JObject)lockJson["policies"]![0]!;
            pin.Remove("policy");
            pin["pinnedOn"] = "yesterday";
            return lockJson.ToString();
        });
        var e = Assert.Throws<PolicyValidationException>(() => LockFile.Read(path));
        Assert.Equal(new[] { "policies[0].pinnedOn", "policies[0].policy" }, e.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_field_of_the_wrong_type_or_blank_is_one_problem_at_its_line_and_a_missing_one_is_named()
    {
        var path = Write(Pinning(Acme("EEA")), json =>
        {
            var lockJson = JObject.Parse(json);
            var pin = (JObject)lockJson["policies"]![0]!;
            pin["vendor"] = 5;
            pin["policyVersion"] = " ";
            pin.Remove("sha256");
            return lockJson.ToString();
        });
        var e = Assert.Throws<PolicyValidationException>(() => LockFile.Read(path));
        Assert.Equal(new[] { "policies[0].policyVersion", "policies[0].sha256", "policies[0].vendor" }, e.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains(e.Problems, p => p.Path == "policies[0].vendor" && p.Message.Contains("Expected a string", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Path == "policies[0].policyVersion" && p.Message.Contains("blank", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Path == "policies[0].sha256" && p.Message.Contains("'sha256' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Pinning_some_vendors_keeps_the_other_pins_and_pinning_all_drops_pins_of_vendors_no_longer_active()
    {
        var both = Pinning(Acme("EEA"), Globex());
        var changed = Acme("EEA", "US");
        var later = Noon.AddDays(1);

        var some = both.With(new[] { changed }, only: true, later);
        Assert.Equal(new[] { changed.Sha256, Globex().Sha256 }, some.Pins.Select(p => p.Sha256));
        Assert.Equal(new[] { later, Noon }, some.Pins.Select(p => p.PinnedOn));

        var all = both.With(new[] { changed }, only: false, later);
        Assert.Equal(new[] { changed.Sha256 }, all.Pins.Select(p => p.Sha256));

        // Pinning a policy again that has not changed keeps its pin, time and all: the file does not change.
        Assert.Equal(LockFile.ToJson(both), LockFile.ToJson(both.With(new[] { Acme("EEA"), Globex() }, only: false, later)));
    }
}
