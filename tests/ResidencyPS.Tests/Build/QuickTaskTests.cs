using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Build;

/// <summary>
/// build.ps1 -Task Quick runs every xunit test not marked Category=Slow, in under a minute and on a machine Setup has
/// not prepared: a test class that starts a process, renders in Chromium or needs the npm consumers is marked slow.
/// </summary>
public sealed class QuickTaskTests
{
    private static readonly Regex NeedsMore = new(@"PwshProcess\.|StartBackground|RequireConsumer|Chromium|FuzzCases", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_test_class_that_starts_a_process_or_needs_Setup_is_marked_slow()
    {
        var tests = Path.Combine(TestPaths.RepoRoot, "tests", "ResidencyPS.Tests");
        var unmarked = Directory.GetFiles(tests, "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => NeedsMore.IsMatch(File.ReadAllText(f)) && !File.ReadAllText(f).Contains("[Trait(\"Category\", \"Slow\")]", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(tests, f))
            .Where(f => f != Path.Combine("Build", nameof(QuickTaskTests) + ".cs"))
            .ToList();
        Assert.Empty(unmarked);
    }
}
