using System.Text;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>
/// Seeded mutation fuzzing of the policy loader: every mutated file ends in a valid policy (which then
/// answers every query) or in the module's own PolicyValidationException, never another exception.
/// RESIDENCYPS_FUZZ_CASES and RESIDENCYPS_FUZZ_SEED change the run (build.ps1 -Task Fuzz does).
/// </summary>
public class LoaderFuzzTests
{
    private const int DefaultCases = 1500;
    private const int DefaultSeed = 20261129;
    private static readonly string Embedded = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks.policy.json"));

    private static readonly string[] Kinds =
    {
        "truncate", "flip-bytes", "change-type", "huge-string", "huge-array", "deep-nesting", "duplicate-key",
        "invalid-utf8", "bom", "number-for-string", "remove-property", "oversize",
    };

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public void Every_mutated_policy_is_either_valid_or_refused_with_the_modules_own_error()
    {
        var cases = Setting("RESIDENCYPS_FUZZ_CASES", DefaultCases);
        var seed = Setting("RESIDENCYPS_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var valid = 0;
        var refused = new Dictionary<string, int>();
        var started = DateTime.UtcNow;
        for (var i = 0; i < cases; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var bytes = Mutate(kind, random);
            try
            {
                using var stream = new MemoryStream(bytes);
                var policy = PolicyLoader.Load(stream, $"fuzz-{seed}-{i}.json");
                Exercise(policy);
                valid++;
            }
            catch (PolicyValidationException ex)
            {
                Assert.NotEmpty(ex.Problems);
                refused[kind] = refused.GetValueOrDefault(kind) + 1;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Case {i} ({kind}) of seed {seed} threw {ex.GetType().Name}: {ex}");
            }
        }

        var summary = $"Fuzz: {cases} cases, seed {seed}: {valid} valid, {refused.Values.Sum()} refused ({string.Join(", ", refused.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value))}) in {(DateTime.UtcNow - started).TotalSeconds:N1} s";
        var results = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName;
        File.WriteAllText(Path.Combine(results, "fuzz.txt"), summary + Environment.NewLine);
        Assert.True(refused.Values.Sum() > cases / 2, summary);
    }

    /// <summary>A policy that loaded must answer everything without throwing.</summary>
    private static void Exercise(ResidencyPolicy policy)
    {
        foreach (var record in policy.Residency)
        {
            foreach (var region in policy.RegionIndex.Items)
            {
                for (var options = 0; options < 4; options++)
                {
                    _ = BoundaryEvaluator.Evaluate(policy, record, region, (BoundaryOptions)options).Findings.Count;
                }
            }
        }

        _ = policy.Retention.Select(r => r.WithAsOf(DateTime.MaxValue.AddYears(-10)).LeavesStorageAt).ToList();
        _ = policy.Sha256;
        _ = PolicyComparer.Compare(PolicyStore.Embedded, policy).Count;
    }

    private static byte[] Mutate(string kind, Random random)
    {
        var utf8 = Encoding.UTF8.GetBytes(Embedded);
        switch (kind)
        {
            case "truncate":
                return utf8[..random.Next(utf8.Length)];
            case "flip-bytes":
                var flipped = (byte[])utf8.Clone();
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case "deep-nesting":
                var depth = random.Next(10, 5000);
                var at = Embedded.IndexOf("\"regions\": [", StringComparison.Ordinal) + "\"regions\": ".Length;
                return Encoding.UTF8.GetBytes(Embedded[..at] + new string('[', depth) + new string(']', depth) + "," + Embedded[at..].TrimStart('['));
            case "duplicate-key":
                return Encoding.UTF8.GetBytes("{\"vendor\": \"Shadow\"," + Embedded.TrimStart()[1..]);
            case "invalid-utf8":
                var position = random.Next(utf8.Length);
                return utf8[..position].Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(utf8[position..]).ToArray();
            case "bom":
                return new byte[] { 0xEF, 0xBB, 0xBF }.Concat(utf8).ToArray();
            case "oversize":
                return utf8.Concat(Enumerable.Repeat((byte)' ', (int)PolicyLoader.MaxBytes)).ToArray();
            default:
                return Encoding.UTF8.GetBytes(MutateTree(kind, random).ToString());
        }
    }

    private static JObject MutateTree(string kind, Random random)
    {
        var doc = JObject.Parse(Embedded);
        var tokens = doc.DescendantsAndSelf().Where(t => t.Parent != null && t is not JProperty).ToList();
        var target = tokens[random.Next(tokens.Count)];
        switch (kind)
        {
            case "change-type":
                JToken[] replacements = { new JValue(42), new JValue(true), JValue.CreateNull(), new JObject(), new JArray(), new JValue("text"), new JValue(1.5e300) };
                target.Replace(replacements[random.Next(replacements.Length)]);
                break;
            case "huge-string":
                target.Replace(new JValue(new string('x', random.Next(1000, 300_000))));
                break;
            case "huge-array":
                var statements = (JArray)doc["statements"]!;
                var copies = random.Next(100, 3000);
                for (var n = 0; n < copies; n++)
                {
                    statements.Add(statements[n % 60]!.DeepClone());
                }

                break;
            case "number-for-string":
                var strings = doc.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList();
                strings[random.Next(strings.Count)].Replace(new JValue(random.Next()));
                break;
            case "remove-property":
                var properties = doc.Descendants().OfType<JProperty>().ToList();
                properties[random.Next(properties.Count)].Remove();
                break;
        }

        return doc;
    }
}
