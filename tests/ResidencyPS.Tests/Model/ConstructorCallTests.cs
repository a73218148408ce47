using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Model;

/// <summary>
/// Issue 19, point 6: the model's long constructors (RetentionRule, DataFlow: sixteen and seventeen facts) are called
/// with every argument named, so a swapped pair of strings (product and data category) cannot compile unnoticed.
/// </summary>
public sealed class ConstructorCallTests
{
    [Theory]
    [InlineData("RetentionRule", "id")]
    [InlineData("DataFlow", "owner")]
    public void Every_call_of_a_long_constructor_names_its_arguments(string type, string first)
    {
        var source = Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS");
        var calls = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"new " + type + @"\(\s*([^)]{0,40})").Select(m => (File: Path.GetFileName(f), Start: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.True(c.Start.StartsWith(first + ":", StringComparison.Ordinal), $"{c.File}: new {type}({c.Start}... names no arguments"));
    }
}
