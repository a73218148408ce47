using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Packaging;

/// <summary>
/// The module as admins get it: published to a repository, installed by name with Install-PSResource,
/// auto-loaded in a fresh pwsh without Import-Module, then uninstalled. HOME points at a scratch folder
/// so the repository registration and the CurrentUser module folder are throwaway.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InstallByNameTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("residencyps-install-").FullName;

    public InstallByNameTests()
    {
        // .NET reports the folders of a missing HOME as '', and NuGet would then write ./NuGet/NuGet.Config.
        Directory.CreateDirectory(Path.Combine(_scratch, "home", ".config"));
        Directory.CreateDirectory(Path.Combine(_scratch, "home", ".local", "share"));
    }

    private Dictionary<string, string?> Environment => new()
    {
        ["HOME"] = Path.Combine(_scratch, "home"),
        ["XDG_DATA_HOME"] = null,
        ["XDG_CONFIG_HOME"] = null,
        ["XDG_CACHE_HOME"] = null,
    };

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private PwshResult Run(string script)
    {
        var result = PwshProcess.Run("$ErrorActionPreference = 'Stop'; " + script, Environment);
        Assert.True(result.ExitCode == 0, $"pwsh exited {result.ExitCode}: {result.Error}\n{result.Output}");
        return result;
    }

    [Fact]
    public void Publish_install_by_name_autoload_answer_help_and_uninstall()
    {
        var repository = Directory.CreateDirectory(Path.Combine(_scratch, "repository")).FullName;
        var module = Path.GetDirectoryName(TestPaths.RequireModule())!;
        Run($"""
            Register-PSResourceRepository -Name ResidencyPSTest -Uri '{repository}' -Trusted
            Publish-PSResource -Path '{module}' -Repository ResidencyPSTest
            Install-PSResource -Name ResidencyPS -Repository ResidencyPSTest -Scope CurrentUser -TrustRepository
            """);
        Assert.Single(Directory.GetFiles(repository, "ResidencyPS.*.nupkg"));

        // A new process, no Import-Module: command discovery must auto-load the installed module.
        var used = Run("""
            $count = (Get-DataResidency -Product Freshdesk).Count
            $quiet = Test-EeaBoundary -Product Freshdesk -DataCategory 'Ticket data' -Quiet
            $module = Get-Module ResidencyPS
            $synopsis = (Get-Help Get-DataResidency).Synopsis
            "count=$count"; "quiet=$quiet"; "base=$($module.ModuleBase)"; "version=$($module.Version)"; "synopsis=$synopsis"
            """).Output;
        Assert.Matches(@"count=\d{2}", used);
        Assert.Contains("quiet=True", used);
        Assert.Contains("base=" + Path.Combine(_scratch, "home"), used);
        Assert.Contains("synopsis=Gets where each data category", used);

        Run("Uninstall-PSResource -Name ResidencyPS -Scope CurrentUser; if (Get-Module ResidencyPS -ListAvailable) { throw 'still installed' }");
        var after = PwshProcess.Run("Get-DataResidency -Product Freshdesk", Environment);
        Assert.Contains("is not recognized", after.Error);
    }
}
