using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>One Pester test's outcome.</summary>
public sealed record PesterTestOutcome(string Name, string Result, string Message);

/// <summary>Everything one Pester run produced, including failures that yield no tests (a spec that does not parse).</summary>
public sealed record PesterOutcome(IReadOnlyList<PesterTestOutcome> Tests, IReadOnlyList<string> RunFailures);

/// <summary>
/// Runs every spec under tests/pester once per test process, with Pester imported by its full path,
/// so each Pester It can be reported as an xunit test of its own.
/// </summary>
public static class PesterRunner
{
    private static readonly Lazy<PesterOutcome> Outcome = new(Run, LazyThreadSafetyMode.ExecutionAndPublication);

    public static PesterOutcome Result => Outcome.Value;

    private const string Script = """
        param($PesterManifest, $SpecPath, $ModuleManifest)
        Import-Module $PesterManifest -ErrorAction Stop
        $config = New-PesterConfiguration
        $config.Run.Path = $SpecPath
        $config.Run.PassThru = $true
        $config.Run.Exit = $false
        $config.Run.Throw = $false
        $config.Output.Verbosity = 'None'
        $config.Output.CIFormat = 'None'
        $env:RESIDENCYPS_MANIFEST = $ModuleManifest
        $run = Invoke-Pester -Configuration $config
        foreach ($test in $run.Tests) {
            [pscustomobject]@{
                Kind    = 'Test'
                Name    = ($test.ExpandedPath)
                Result  = [string] $test.Result
                Message = (@($test.ErrorRecord) | ForEach-Object { $_.Exception.Message + ' ' + $_.ScriptStackTrace }) -join [Environment]::NewLine
            }
        }
        foreach ($container in $run.Containers) {
            if (@($container.ErrorRecord).Count -gt 0) {
                [pscustomobject]@{
                    Kind    = 'Failure'
                    Name    = "container $($container.Item)"
                    Result  = [string] $container.Result
                    Message = (@($container.ErrorRecord) | ForEach-Object { $_.Exception.Message }) -join [Environment]::NewLine
                }
            }
        }
        if ($run.FailedBlocksCount -gt 0) {
            foreach ($block in $run.FailedBlocks) {
                [pscustomobject]@{ Kind = 'Failure'; Name = "block $($block.ExpandedPath)"; Result = 'Failed'
                    Message = (@($block.ErrorRecord) | ForEach-Object { $_.Exception.Message }) -join [Environment]::NewLine }
            }
        }
        """;

    private static PesterOutcome Run()
    {
        var tests = new List<PesterTestOutcome>();
        var failures = new List<string>();
        try
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(Script)
                .AddArgument(TestPaths.PesterManifest)
                .AddArgument(TestPaths.PesterSpecs)
                .AddArgument(TestPaths.RequireModule());
            foreach (var item in ps.Invoke())
            {
                var kind = (string)item.Properties["Kind"].Value;
                var name = (string)item.Properties["Name"].Value;
                var result = (string)item.Properties["Result"].Value;
                var message = item.Properties["Message"].Value as string ?? string.Empty;
                if (kind == "Test")
                {
                    tests.Add(new PesterTestOutcome(name, result, message));
                }
                else
                {
                    failures.Add($"{name}: {result} {message}");
                }
            }

            // Errors outside any test (Pester itself failing to load, say) land here, not in HadErrors.
            failures.AddRange(ps.Streams.Error.Select(e => "Pester run error: " + e));
        }
        catch (Exception ex)
        {
            failures.Add("Pester could not run: " + ex);
        }

        return new PesterOutcome(tests, failures);
    }
}
