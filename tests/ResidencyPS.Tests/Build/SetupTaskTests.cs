using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Build;

/// <summary>
/// build.ps1 -Task Setup on a machine without Chromium: the installed Chromium is hidden from it and apt-get, id and
/// sudo are stand-ins that log their arguments, so the install path runs for root and for a user with sudo.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SetupTaskTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("residencyps-setup-").FullName;

    private readonly string _consumers;

    public SetupTaskTests()
    {
        _consumers = Directory.CreateDirectory(Path.Combine(_scratch, "consumers")).FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tools", "consumers", "package.json"), Path.Combine(_consumers, "package.json"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tools", "consumers", "package-lock.json"), Path.Combine(_consumers, "package-lock.json"));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Tool(string name, string body)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_scratch, "bin")).FullName;
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private PwshResult RunSetup(bool asRoot, bool aptSucceeds = true, bool hasChromium = false, bool hasPdfToPpm = true)
    {
        var log = Path.Combine(_scratch, "calls.log");
        var chromium = Path.Combine(_scratch, "chromium");
        var pdfToPpm = Path.Combine(_scratch, "pdftoppm");
        if (hasChromium)
        {
            File.WriteAllText(chromium, string.Empty);
        }

        if (hasPdfToPpm)
        {
            File.WriteAllText(pdfToPpm, string.Empty);
        }

        Tool("apt-get", $"""
            echo "apt-get $*" >> '{log}'
            case "$1" in install) {(aptSucceeds ? $"touch '{chromium}' '{pdfToPpm}'" : "exit 100")};; esac
            exit 0
            """);
        Tool("id", asRoot ? "echo 0" : "echo 1000");
        Tool("sudo", $"""
            echo "sudo $*" >> '{log}'
            [ "$1" = "-n" ] && shift
            exec "$@"
            """);
        // npm installs the JUnit and SARIF consumers into a scratch folder of the test, never into this clone.
        Tool("npm", $"""
            echo "npm $*" >> '{Path.Combine(_scratch, "npm.log")}'
            echo "$NODE_EXTRA_CA_CERTS" > '{Path.Combine(_scratch, "npm-ca.log")}'
            mkdir -p '{_consumers}/node_modules' && touch '{_consumers}/node_modules/.package-lock.json'
            """);
        var path = Path.Combine(_scratch, "bin") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        return PwshProcess.Run($"& '{Path.Combine(TestPaths.RepoRoot, "build.ps1")}' -Task Setup", new Dictionary<string, string?>
        {
            ["PATH"] = path,
            ["RESIDENCYPS_CHROMIUM_CANDIDATES"] = chromium,
            ["RESIDENCYPS_PDFTOPPM_CANDIDATES"] = pdfToPpm,
            ["RESIDENCYPS_CONSUMERS"] = _consumers,
            ["NODE_EXTRA_CA_CERTS"] = null, // as for a user whose session does not set it
        });
    }

    private string[] Calls() => File.ReadAllLines(Path.Combine(_scratch, "calls.log"));

    [Fact]
    public void As_root_setup_installs_chromium_with_apt_get_directly()
    {
        var result = RunSetup(asRoot: true);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal(new[] { "apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium" }, Calls());
        Assert.DoesNotContain("WARNING", result.Output);
    }

    [Fact]
    public void As_a_user_setup_installs_chromium_through_sudo()
    {
        var result = RunSetup(asRoot: false);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("sudo -n apt-get install -y -qq --no-install-recommends chromium", Calls());
        Assert.Contains("apt-get install -y -qq --no-install-recommends chromium", Calls());
    }

    [Fact]
    public void A_failed_install_warns_how_to_install_and_does_not_stop_the_build()
    {
        var result = RunSetup(asRoot: true, aptSucceeds: false);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("apt-get install chromium", result.Output + result.Error);
        Assert.Contains("report rendering test will fail", result.Output + result.Error);
    }

    [Fact]
    public void Setup_installs_poppler_utils_for_the_printed_report_when_pdftoppm_is_missing()
    {
        var result = RunSetup(asRoot: true, hasChromium: true, hasPdfToPpm: false);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal(new[] { "apt-get update -qq", "apt-get install -y -qq --no-install-recommends poppler-utils" }, Calls());
    }

    [Fact]
    public void Setup_installs_nothing_when_both_tools_are_there()
    {
        var result = RunSetup(asRoot: true, hasChromium: true, hasPdfToPpm: true);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.False(File.Exists(Path.Combine(_scratch, "calls.log")));
    }

    [Fact]
    public void Setup_installs_the_JUnit_and_SARIF_consumers_from_the_lock_file_without_running_package_scripts_once()
    {
        var first = RunSetup(asRoot: true, hasChromium: true, hasPdfToPpm: true);
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        var second = RunSetup(asRoot: true, hasChromium: true, hasPdfToPpm: true);
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Equal(new[] { $"npm ci --prefix {_consumers} --ignore-scripts --no-audit --no-fund" }, File.ReadAllLines(Path.Combine(_scratch, "npm.log")));

        // npm trusts the machine's certificate bundle too, where the machine has one (a re-signing proxy's root is there).
        if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
        {
            Assert.Equal("/etc/ssl/certs/ca-certificates.crt", File.ReadAllText(Path.Combine(_scratch, "npm-ca.log")).Trim());
        }
    }
}
