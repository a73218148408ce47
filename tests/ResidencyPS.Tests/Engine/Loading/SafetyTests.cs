using System.Reflection;
using System.Text.RegularExpressions;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>Safe by construction: nothing can name a type to create, and nothing reaches the network.</summary>
public class SafetyTests
{
    private static IEnumerable<string> Sources() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Type_name_handling_is_never_enabled()
    {
        foreach (var file in Sources())
        {
            foreach (Match use in Regex.Matches(File.ReadAllText(file), @"TypeNameHandling\.(\w+)"))
            {
                Assert.True(use.Groups[1].Value == "None", $"{file} uses TypeNameHandling.{use.Groups[1].Value}");
            }
        }
    }

    [Fact]
    public void The_module_uses_no_network_or_process_types()
    {
        var forbidden = new[] { "System.Net.Http", "System.Net.Sockets", "System.Net.WebRequest", "System.Net.WebClient", "System.Net.Dns", "System.Diagnostics.Process" };
        var assembly = typeof(PolicyStore).Assembly;
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, r => r.StartsWith("System.Net.Http", StringComparison.Ordinal) || r.StartsWith("System.Net.Sockets", StringComparison.Ordinal));
        var text = string.Join("\n", Sources().Select(File.ReadAllText));
        foreach (var name in forbidden)
        {
            Assert.DoesNotContain(name, text);
        }
    }

    [Fact]
    public void A_policy_file_cannot_be_larger_or_deeper_than_the_limits()
    {
        Assert.Equal(4L * 1024 * 1024, PolicyLoader.MaxBytes);
        Assert.Equal(16, PolicyLoader.MaxDepth);
        var deep = "{\"schemaVersion\":" + new string('[', PolicyLoader.MaxDepth + 1) + new string(']', PolicyLoader.MaxDepth + 1) + "}";
        Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(deep), "deep"));
    }
}
