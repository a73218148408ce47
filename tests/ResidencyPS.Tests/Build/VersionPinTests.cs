using System.Text.Json.Nodes;
using System.Xml.Linq;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Build;

/// <summary>Every version is pinned in one place, and the places that must agree do.</summary>
public class VersionPinTests
{
    private static readonly XDocument Packages = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Packages.props"));

    private static string Property(string name) => Packages.Descendants(name).Single().Value;

    [Fact]
    public void The_PowerShell_tool_is_the_version_the_tests_host()
    {
        var tools = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json")))!;
        Assert.Equal(Property("PowerShellVersion"), tools["tools"]!["powershell"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void No_project_pins_a_package_version_of_its_own()
    {
        foreach (var project in Directory.GetFiles(TestPaths.RepoRoot, "*.csproj", SearchOption.AllDirectories).Where(p => !p.Contains("/obj/", StringComparison.Ordinal)))
        {
            var references = XDocument.Load(project).Descendants("PackageReference");
            Assert.All(references, r => Assert.Null(r.Attribute("Version")));
        }
    }

    [Fact]
    public void The_SDK_is_pinned_with_a_roll_forward_policy()
    {
        var sdk = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "global.json")))!["sdk"]!;
        Assert.StartsWith("10.0.", sdk["version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("latestMajor", sdk["rollForward"]!.GetValue<string>());
    }
}
