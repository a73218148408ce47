using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>
/// Many runspaces query while another imports and resets policies: every answer comes from one whole
/// policy, never a mix, and the embedded policy is parsed once per process.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConcurrencyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-concurrency-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Queries_in_a_runspace_pool_see_one_whole_policy_while_another_runspace_swaps_policies()
    {
        // The changed policy moves every Freshteam category to US+EEA; a mixed answer would show both shapes.
        var changed = Path.Combine(_folder, "changed.json");
        using (var setup = new PowerShellSession())
        {
            setup.RunClean($$"""
                $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path '{{changed}}' -Embedded -PassThru) | ConvertFrom-Json
                $json.residency | Where-Object product -EQ 'Freshteam' | Where-Object { $_.regions.Count -gt 0 } | ForEach-Object { $_.regions = @('US', 'EEA') }
                $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath '{{changed}}'
                """);
        }

        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(TestPaths.RequireModule());
        using var pool = RunspaceFactory.CreateRunspacePool(state);
        pool.SetMaxRunspaces(8);
        pool.Open();
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(() =>
        {
            using var ps = PowerShell.Create(state);
            while (!stop.IsCancellationRequested)
            {
                ps.Commands.Clear();
                ps.AddScript($"Import-ResidencyPolicy -LiteralPath '{changed}'; Import-ResidencyPolicy -Default").Invoke();
                Interlocked.Increment(ref swaps);
            }
        });

        // The swapper opens a runspace of its own first; queries start once it is swapping, so they overlap.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Volatile.Read(ref swaps) == 0 && DateTime.UtcNow < deadline && !swapper.IsCompleted)
        {
            await Task.Delay(20);
        }

        var answers = new ConcurrentBag<string>();
        var queries = Enumerable.Range(0, 160).Select(_ => Task.Run(() =>
        {
            using var ps = PowerShell.Create();
            ps.RunspacePool = pool;
            ps.AddScript("(Get-DataResidency -Product Freshteam | Where-Object { $_.Regions.Count -gt 0 } | ForEach-Object { $_.Regions -join '+' }) -join '|'");
            foreach (var line in ps.Invoke())
            {
                answers.Add(line.ToString());
            }

            Assert.Empty(ps.Streams.Error);
        })).ToArray();
        await Task.WhenAll(queries);
        stop.Cancel();
        await swapper;

        Assert.Equal(160, answers.Count);
        Assert.True(swaps > 0, "the swapping runspace never ran");
        Assert.All(answers, a => Assert.True(a is "US|US|US|US" or "US+EEA|US+EEA|US+EEA|US+EEA", "mixed answer: " + a));
    }

    [Fact]
    public void ForEach_Object_Parallel_in_a_fresh_process_parses_the_embedded_policy_once_and_agrees()
    {
        var result = PwshProcess.Run($$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{TestPaths.RequireModule()}}'
            $module = '{{TestPaths.RequireModule()}}'
            $answers = 1..16 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:module
                (Test-EeaBoundary Freshsales | ForEach-Object { "$($_.DataCategory)=$($_.Verdict)" }) -join ';'
            }
            $loads = [ResidencyPS.ResidencyPolicy].Assembly.GetType('ResidencyPS.Engine.Loading.PolicyLoader').GetProperty('EmbeddedLoads', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null)
            "distinct=$(@($answers | Sort-Object -Unique).Count)"
            "count=$($answers.Count)"
            "loads=$loads"
            """);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("distinct=1", result.Output);
        Assert.Contains("count=16", result.Output);
        Assert.Contains("loads=1", result.Output);
    }
}
