using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Pester;

/// <summary>
/// The same Pester specs, run once more as users run the module: in a fresh pwsh process (the dotnet tool), importing
/// out/ResidencyPS by path, with nothing of the test host's runspace around them.
/// </summary>
public class PesterProcessTests
{
    [Fact]
    public void Every_Pester_spec_passes_in_a_fresh_pwsh_process_too()
    {
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{TestPaths.PesterManifest}}'
            $config = New-PesterConfiguration
            $config.Run.Path = '{{TestPaths.PesterSpecs}}'
            $config.Run.PassThru = $true
            $config.Run.Exit = $false
            $config.Output.Verbosity = 'None'
            $config.Output.CIFormat = 'None'
            $run = Invoke-Pester -Configuration $config
            "passed=$($run.PassedCount) failed=$($run.FailedCount) containers=$(@($run.Containers | Where-Object Result -NE 'Passed').Count) blocks=$($run.FailedBlocksCount)"
            $run.Failed | ForEach-Object { "FAILED: $($_.ExpandedPath): $($_.ErrorRecord)" }
            """;
        var result = PwshProcess.Run(script, timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var expected = PesterRunner.Result.Tests.Count;
        Assert.Contains($"passed={expected} failed=0 containers=0 blocks=0", result.Output);
    }
}
