using System.Text;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Tests.Engine.Waivers;

/// <summary>
/// Seeded mutation fuzzing of the waiver file (issue 25): every mutated file loads, with each verdict one exact name,
/// or is refused with the module's own error, bounded and free of control characters; never another exception, never
/// a hang. The seed is the loader fuzzer's (RESIDENCYPS_FUZZ_SEED), so build.ps1 -Task Fuzz varies both.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WaiverFuzzTests : IDisposable
{
    private const string Valid = """
        { "waivers": [
          { "product": "*", "dataCategory": "Authentication and profile data", "verdict": "Unknown", "justification": "Reviewed by the DPO.", "approvedBy": "DPO", "expires": "2099-12-31" },
          { "product": "Freshdesk", "dataCategory": "Call recordings", "verdict": "Outside", "justification": "US recordings accepted.", "expires": "2027-06-30" },
          { "product": "Fresh*", "dataCategory": "Migration data", "justification": "Migration is a one-off.", "expires": "2026-01-01" } ] }
        """;

    private static readonly string[] Kinds = { "truncate", "flip-bytes", "change-type", "huge-string", "enum-list", "payload", "invisible", "duplicate-key", "invalid-utf8", "many" };

    private static readonly string[] Payloads =
    {
        "Transient,Outside", " Outside", "outside", "2", "Within", "NotEvaluated", "Fresh[", "]", "`", "\u200B", "\u202eedsehserF", "Fresh\u00ADdesk",
        "https://evil.example", "me@evil.com", "\u001b[2J", "line\nPASS: forged", "9999-99-99", "2027-02-30", "",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-waiver-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_mutated_waiver_file_loads_with_exact_verdicts_or_is_refused_with_the_modules_own_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RESIDENCYPS_FUZZ_SEED"), out var s) ? s : 20261129;
        var random = new Random(seed);
        var path = Path.Combine(_folder, "waivers.json");
        var loaded = 0;
        var refused = 0;
        for (var i = 0; i < 600; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            File.WriteAllBytes(path, Mutate(kind, random));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var set = WaiverLoader.LoadFile(path, PolicyStore.Embedded, ResidencyPS.Binding.NameFilter.WildcardTest, new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc));
                Assert.All(set.All, w => Assert.True(w.Verdict == null || Enum.IsDefined(w.Verdict.Value) && w.Verdict != Verdict.Within && w.Verdict != Verdict.NotEvaluated,
                    $"Case {i} ({kind}) of seed {seed} accepted the verdict {w.Verdict}"));
                Assert.All(set.All, w => Assert.True(ResidencyPS.Engine.Text.InertText.HasVisibleText(w.Justification), $"Case {i} ({kind}): an invisible justification"));
                loaded++;
            }
            catch (PolicyValidationException ex)
            {
                Assert.NotEmpty(ex.Problems);
                Assert.True(ex.Problems.Count <= 101, $"Case {i} ({kind}): {ex.Problems.Count} problems");
                Assert.All(ex.Problems, p => Assert.DoesNotContain(p.ToString(), char.IsControl));
                refused++;
            }
            catch (NotRegularFileException)
            {
                // Truncated to nothing: an empty file is refused before it is opened (an error record in the cmdlet).
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Case {i} ({kind}) of seed {seed} threw {ex.GetType().Name}: {ex}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Case {i} ({kind}) of seed {seed} took {clock.Elapsed.TotalSeconds:N1} s");
        }

        Assert.True(loaded > 0 && refused > 0, $"{loaded} loaded, {refused} refused");
    }

    private static byte[] Mutate(string kind, Random random)
    {
        var utf8 = Encoding.UTF8.GetBytes(Valid);
        switch (kind)
        {
            case "truncate":
                return utf8[..random.Next(utf8.Length)];
            case "flip-bytes":
                var flipped = (byte[])utf8.Clone();
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case "duplicate-key":
                return Encoding.UTF8.GetBytes("{\"waivers\": [], " + Valid.TrimStart()[1..]);
            case "invalid-utf8":
                var at = random.Next(utf8.Length);
                return utf8[..at].Concat(new byte[] { 0xF6 }).Concat(utf8[at..]).ToArray();
        }

        var doc = JObject.Parse(Valid);
        var waivers = (JArray)doc["waivers"]!;
        var waiver = (JObject)waivers[random.Next(waivers.Count)]!;
        string[] fields = { "product", "dataCategory", "verdict", "justification", "approvedBy", "expires" };
        var field = fields[random.Next(fields.Length)];
        switch (kind)
        {
            case "change-type":
                JToken[] replacements = { new JValue(42), new JValue(true), JValue.CreateNull(), new JObject(), new JArray("x") };
                waiver[field] = replacements[random.Next(replacements.Length)];
                break;
            case "huge-string":
                waiver[field] = new string('x', random.Next(1000, 200_000));
                break;
            case "enum-list":
                waiver["verdict"] = Payloads[random.Next(6)];
                break;
            case "payload":
                waiver[field] = Payloads[random.Next(Payloads.Length)];
                break;
            case "invisible":
                waiver[field] = ((string?)waiver[field] ?? "x") + Payloads[9 + random.Next(3)];
                break;
            case "many":
                for (var n = random.Next(100, 3000); n > 0; n--)
                {
                    var copy = (JObject)waiver.DeepClone();
                    copy["product"] = "Nope" + n;
                    waivers.Add(copy);
                }

                break;
        }

        return Encoding.UTF8.GetBytes(doc.ToString());
    }
}
