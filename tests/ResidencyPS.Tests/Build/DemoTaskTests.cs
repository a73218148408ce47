using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Build;

/// <summary>
/// Issue 23, point 4: the README's first command (build.ps1 -Task Demo) answers at the width of the terminal that asked,
/// so a newcomer at an 80-column prompt reads every line whole.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DemoTaskTests
{
    [Fact]
    public void The_demo_fits_an_80_column_terminal()
    {
        var result = PwshProcess.Run($"& '{Path.Combine(TestPaths.RepoRoot, "build.ps1")}' -Task Demo", new Dictionary<string, string?> { ["COLUMNS"] = "80" });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var lines = Regex.Replace(result.Output, "\u001b\\[[0-9;]*m", string.Empty).Replace("\r\n", "\n").Split('\n');
        Assert.Contains("# Where may Freshdesk data be hosted?", lines);
        Assert.Contains(lines, l => l.Contains("Invoke-ResidencyCheck", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }
}
