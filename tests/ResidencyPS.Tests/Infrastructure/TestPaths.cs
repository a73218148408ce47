using System.Reflection;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>Where the repository, the built module, the seed and Pester are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The module as users get it: build.ps1's output, not the project's bin folder.</summary>
    public static string ModuleManifest => Path.Combine(RepoRoot, "out", "ResidencyPS", "ResidencyPS.psd1");

    /// <summary>The repository's copy of the source document the embedded policy was built from.</summary>
    public static string Seed => Path.Combine(RepoRoot, "src", "ResidencyPS", "Data", "freshworks-data-hosting.nl.txt");

    /// <summary>The workplace's shared seed, the source of truth, beside the clone.</summary>
    public static string SharedSeed => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds", "freshworks-data-hosting.nl.txt"));

    /// <summary>The PlatyPS markdown the help is built from.</summary>
    public static string HelpSources => Path.Combine(RepoRoot, "docs", "en-US");

    public static string PesterSpecs => Path.Combine(RepoRoot, "tests", "pester");

    public static string PesterManifest { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PesterManifest").Value!;

    /// <summary>
    /// A file of the JUnit and SARIF consumers that build.ps1 -Task Setup installs from npm (tools/consumers): published schemas
    /// and real readers, never copies written here.
    /// </summary>
    public static string RequireConsumer(string relative)
    {
        var path = Path.Combine(RepoRoot, "tools", "consumers", "node_modules", relative);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing. Run the tests through build.ps1 -Task Test, whose Setup installs tools/consumers with npm ci.");
        }

        return path;
    }

    public static string RequireModule()
    {
        if (!File.Exists(ModuleManifest))
        {
            throw new InvalidOperationException(
                $"The built module is missing at {ModuleManifest}. Run the tests through build.ps1 -Task Test, which builds it first.");
        }

        return ModuleManifest;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResidencyPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResidencyPS.sln not found above " + AppContext.BaseDirectory);
    }
}
