extern alias MarkdigRenderer;

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
[Trait("Category", "Slow")]
public class LoaderFuzzTests
{
    private const int DefaultCases = 1500;
    private const int DefaultSeed = 20261129;
    private static readonly string Embedded = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks.policy.json"));

    private static readonly string[] Kinds =
    {
        "truncate", "flip-bytes", "change-type", "huge-string", "huge-array", "deep-nesting", "duplicate-key",
        "invalid-utf8", "bom", "number-for-string", "remove-property", "oversize",
        "huge-number", "enum-list", "duplicate-id", "amplification", "injection", "non-regular", "lenient-json",
    };

    // What the security review's attacks put into text: markup, script, table pipes, headings, formulas, escapes.
    private static readonly string[] Payloads =
    {
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a|b\\|c", "x\n# Heading\n- item", "=HYPERLINK(\"http://x\")",
        "+1+1", "-2+3", "@SUM(A1)", "\tTab", "[link](javascript:alert(1))", "`code`", "*bold* _em_", "&amp;&lt;", "\u001b[2J",
        "https://evil.example/x", "www.evil.com", "mail me@evil.com", "ftp://evil.example", "evil.com", "\u202eevil", "Fresh\u200Bdesk",
        "tag\U000E0041", "\u00ADsoft", "\uFF26ullwidth",
    };

    /// <summary>The longest one case may take: a guard against a hang or a blow-up, not a speed target (the benchmark has those).</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(20);

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
        var validByKind = new Dictionary<string, int>();
        var started = DateTime.UtcNow;
        for (var i = 0; i < cases; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var policy = kind == "non-regular" ? NonRegular(random) : PolicyLoader.Load(new MemoryStream(Mutate(kind, random)), $"fuzz-{seed}-{i}.json");

                // Every enum field takes one name exactly: a list, a padded, differently cased or numeric value is never accepted
                // (statements[].kind took any string until issue 25).
                Assert.True(kind != "enum-list", $"Case {i} of seed {seed}: an enum list or malformed enum name was accepted");
                // Every writer runs on each policy carrying a payload, and on a sample of the rest.
                Exercise(policy, reports: kind == "injection" || random.Next(10) == 0);
                valid++;
                validByKind[kind] = validByKind.GetValueOrDefault(kind) + 1;
            }
            catch (PolicyValidationException ex)
            {
                // Refusing costs what the file costs: at most 100 problems and a line saying how many more, each message short.
                Assert.NotEmpty(ex.Problems);
                Assert.True(ex.Problems.Count <= 101, $"Case {i} ({kind}): {ex.Problems.Count} problems");
                Assert.All(ex.Problems, p => Assert.True(p.Message.Length < 2_000, $"Case {i} ({kind}): a message of {p.Message.Length} characters"));
                Assert.All(ex.Problems, p => Assert.DoesNotContain(p.ToString(), char.IsControl));
                refused[kind] = refused.GetValueOrDefault(kind) + 1;
            }
            catch (IOException) when (kind == "non-regular")
            {
                // NotRegularFileException, FileNotFoundException, or a link loop: each an error record in the cmdlets (PolicyErrors.TryLoad).
                refused[kind] = refused.GetValueOrDefault(kind) + 1;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Case {i} ({kind}) of seed {seed} threw {ex.GetType().Name}: {ex}");
            }

            Assert.True(clock.Elapsed < CaseLimit, $"Case {i} ({kind}) of seed {seed} took {clock.Elapsed.TotalSeconds:N1} s");
        }

        var summary = $"Fuzz: {cases} cases, seed {seed}: {valid} valid ({string.Join(", ", validByKind.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value))}), {refused.Values.Sum()} refused ({string.Join(", ", refused.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value))}) in {(DateTime.UtcNow - started).TotalSeconds:N1} s";
        var results = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName;
        File.WriteAllText(Path.Combine(results, "fuzz.txt"), summary + Environment.NewLine);
        Assert.True(refused.Values.Sum() > cases / 2, summary);
    }

    /// <summary>A policy that loaded must answer everything without throwing.</summary>
    private static void Exercise(ResidencyPolicy policy, bool reports)
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

        // Periods are at most 100 years, so no date up to 101 years before the last representable one overflows.
        _ = policy.Retention.Select(r => r.WithAsOf(DateTime.MaxValue.AddYears(-101)).StatedPeriodEndsAt).ToList();
        _ = policy.Sha256;
        _ = PolicyComparer.Compare(PolicyStore.Embedded, policy).Count;
        if (reports)
        {
            WriteEveryReport(policy);
        }
    }

    /// <summary>Every writer, on every result: whatever text the policy holds, nothing in it becomes markup, a formula or a column.</summary>
    private static void WriteEveryReport(ResidencyPolicy policy)
    {
        var eea = policy.RegionIndex.Find("EEA") ?? policy.RegionIndex.Items[0];
        var results = policy.Residency.Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None)).ToList();
        var data = new ResidencyPS.Reports.ReportData(policy, results, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var html = Written(w => ResidencyPS.Reports.HtmlReportWriter.Write(data, w));
        var markdown = Written(w => ResidencyPS.Reports.MarkdownReportWriter.Write(data, w));
        var csv = Written(w => ResidencyPS.Reports.CsvReportWriter.Write(data, w));
        var article30 = Written(w => ResidencyPS.Reports.Article30Writer.WriteHtml(data, w));
        var article30Csv = Written(w => ResidencyPS.Reports.Article30Writer.WriteCsv(data, w, ','));

        // Output bounded by input: no report holds more than the whole policy once per result (a statement quoted in every
        // CSV row once made 542 KB into 200 MB), whatever a mutation put into the policy.
        var bound = (long)(results.Count + 2) * (policy.CanonicalJson.Length + 4096);
        foreach (var (name, text) in new[] { ("HTML", html), ("markdown", markdown), ("CSV", csv), ("Article 30", article30), ("Article 30 CSV", article30Csv) })
        {
            Assert.True(text.Length <= bound, $"The {name} report is {text.Length:N0} characters for a policy of {policy.CanonicalJson.Length:N0} and {results.Count} results");
        }

        // No renderer with autolinks makes a link of a bare address, a bidi override or a zero-width character from the policy.
        var rendered = MarkdigRenderer::Markdig.Markdown.ToHtml(markdown, MarkdigRenderer::Markdig.MarkdownExtensions.UseAdvancedExtensions(new MarkdigRenderer::Markdig.MarkdownPipelineBuilder()).Build());
        Assert.DoesNotContain("<a ", rendered, StringComparison.Ordinal);
        foreach (var text in new[] { html, markdown, article30 })
        {
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n' && c != '\r' && c != '\t');
        }

        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript:", markdown);
        Assert.DoesNotContain(markdown.Split('\n'), line => line.StartsWith("# Heading", StringComparison.Ordinal) || line.StartsWith("- item", StringComparison.Ordinal));
        foreach (var formula in new[] { ",=", ",\"=", ",+", ",\"+", ",@", ",\"@", ",\"-2", ",-2", ",\t", ",\"\t" })
        {
            Assert.DoesNotContain(formula, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(formula, article30Csv, StringComparison.Ordinal);
        }
    }

    private static string Written(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    /// <summary>A path that is no regular file with content: empty, a device behind a link, a folder, a link loop.</summary>
    private static ResidencyPolicy NonRegular(Random random)
    {
        var folder = Directory.CreateTempSubdirectory("residencyps-fuzz-").FullName;
        try
        {
            var path = Path.Combine(folder, "policy.json");
            switch (random.Next(OperatingSystem.IsWindows() ? 2 : 6))
            {
                case 0:
                    File.WriteAllBytes(path, Array.Empty<byte>());
                    break;
                case 1:
                    Directory.CreateDirectory(path);
                    break;
                case 2:
                    File.CreateSymbolicLink(path, "/dev/zero");
                    break;
                case 3:
                    // A link to a FIFO without a writer: judged by its target, never opened (it once hung every entry point).
                    var fifo = Path.Combine(folder, "fifo");
                    System.Diagnostics.Process.Start("mkfifo", fifo).WaitForExit();
                    File.CreateSymbolicLink(path, fifo);
                    break;
                case 4:
                    var empty = Path.Combine(folder, "empty.json");
                    File.WriteAllBytes(empty, Array.Empty<byte>());
                    File.CreateSymbolicLink(path, empty);
                    break;
                default:
                    File.CreateSymbolicLink(path, Path.Combine(folder, "loop.json"));
                    File.CreateSymbolicLink(Path.Combine(folder, "loop.json"), path);
                    break;
            }

            return PolicyLoader.LoadFile(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
            case "lenient-json":
                string[] lenient = { "// note\n", "/* note */", "{'a': 1}", "{a: 1}", "[1,]", "0x1F", "NaN", "undefined", "new Date(1)", "'text'", "010", ".5", "+1" };
                var insertAt = Embedded.IndexOf("\"vendor\"", StringComparison.Ordinal);
                var piece = lenient[random.Next(lenient.Length)];
                return Encoding.UTF8.GetBytes(Embedded[..insertAt] + (piece.StartsWith('/') ? piece : "\"lenient\": " + piece + ",\n  ") + Embedded[insertAt..]);
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
            case "huge-number":
                var numbers = doc.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.Integer).ToList();
                JToken[] huge = { new JValue(int.MaxValue), new JValue(long.MaxValue), new JValue(-1), new JValue(0), new JValue(30000), new JValue(1.0e308), new JValue(101) };
                numbers[random.Next(numbers.Count)].Replace(huge[random.Next(huge.Length)]);
                break;
            case "enum-list":
                var enums = doc.Descendants().OfType<JProperty>().Where(p => p.Name is "basis" or "effect" or "when" or "unit" or "after" or "kind").ToList();
                string[] lists = { "Within,Unknown", " Stated", "Stated ", "stated", "1", "UsesIntegrations,CustomMailbox", "Within|Outside", "-1", "NotEvaluated" };
                enums[random.Next(enums.Count)].Value = lists[random.Next(lists.Length)];
                break;
            case "duplicate-id":
                string[] lists2 = { "rules", "retention", "statements", "residency", "categories", "products", "regions", "subjects" };
                var list = (JArray)doc[lists2[random.Next(lists2.Length)]]!;
                list.Add(list[random.Next(list.Count)]!.DeepClone());
                break;
            case "amplification":
                var residency = (JArray)doc["residency"]!;
                for (var n = random.Next(100, 5000); n > 0; n--)
                {
                    var copy = (JObject)residency[n % residency.Count]!.DeepClone();
                    copy["product"] = "Nope" + n;
                    copy["category"] = "Missing" + n;
                    copy["regions"] = new JArray("MARS" + n);
                    residency.Add(copy);
                }

                break;
            case "injection":
                var texts = doc.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && v.Parent is JProperty { Name: "name" or "vendor" or "term" or "text" or "english" or "message" } or JArray).ToList();
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    var value = texts[random.Next(texts.Count)];
                    value.Value = (string)value.Value! + Payloads[random.Next(Payloads.Length)];
                }

                break;
        }

        return doc;
    }
}
