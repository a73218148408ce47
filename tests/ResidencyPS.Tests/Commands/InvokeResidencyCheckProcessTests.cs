using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Commands;

/// <summary>
/// Issue 21, point 4: the shipped gate run as a scheduler or CI step runs it, one fresh
/// <c>pwsh -NoProfile -NonInteractive -Command "Invoke-ResidencyCheck ... -EnableExit"</c> per outcome, the module found by
/// name: exit code 0 when every row passed, 1 when one did not, 2 when the check could not run; a plain-text log whose
/// last line is the outcome; never 0 without -EnableExit when something did not pass.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InvokeResidencyCheckProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-gate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Waivers = """
        { "waivers": [ { "product": "*", "dataCategory": "Authentication and profile data", "verdict": "Unknown",
                         "justification": "Reviewed: SSO data under our DPA.", "approvedBy": "DPO", "expires": "2099-12-31" } ] }
        """;

    private const string Passing = "Product,DataCategory,HostingRegion\nFreshdesk,Ticket data,EEA\nFreshworks CRM,Lead data,EU\nFreshdesk,Authentication and profile data,EEA\n";

    private string Out => Path.Combine(_folder, "out");

    private PwshResult Gate(string? inventory, string arguments = "-EnableExit", string waivers = Waivers)
    {
        var inventoryPath = Path.Combine(_folder, "inventory.csv");
        if (inventory != null)
        {
            File.WriteAllText(inventoryPath, inventory);
        }

        File.WriteAllText(Path.Combine(_folder, "waivers.json"), waivers);
        var modules = Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.RequireModule()))!;
        return PwshProcess.Run($"Invoke-ResidencyCheck '{inventoryPath}' '{Out}' -WaiverPath '{Path.Combine(_folder, "waivers.json")}' -Format JUnit, Sarif {arguments}",
            new Dictionary<string, string?> { ["PSModulePath"] = modules });
    }

    private static string LastLine(PwshResult result) => result.Output.Replace("\r\n", "\n").TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void Exit_code_0_when_every_row_passed_with_the_reports_written_and_a_plain_log()
    {
        var result = Gate(Passing);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal("PASSED: every row passed (exit code 0)", LastLine(result));
        Assert.Contains("3 rows, 3 results: 3 passed (1 waived), 0 not passed (0 not evaluated)", result.Output);
        Assert.True(File.Exists(Path.Combine(Out, "residency.json")) && File.Exists(Path.Combine(Out, "residency.junit.xml")) && File.Exists(Path.Combine(Out, "residency.sarif")));
        Assert.DoesNotContain("\u001b[", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_1_when_a_row_did_not_pass_or_could_not_be_evaluated()
    {
        var outside = Gate(Passing + "Freshteam,Employee data,EEA\nFreshdsk,Ticket data,EEA\n");
        Assert.True(outside.ExitCode == 1, outside.Output + outside.Error);
        Assert.Contains("FAIL: row 4: Freshteam / Employee data (EEA): Outside", outside.Output);
        Assert.Contains("FAIL: row 5: Freshdsk / Ticket data (EEA): NotEvaluated", outside.Output);
        Assert.Equal("NOT PASSED: at least one row did not pass or could not be evaluated (exit code 1)", LastLine(outside));
    }

    [Fact]
    public void Exit_code_2_when_the_check_could_not_run_and_no_earlier_report_is_left_to_publish()
    {
        Assert.Equal(0, Gate(Passing).ExitCode);
        File.Delete(Path.Combine(_folder, "inventory.csv"));
        var missing = Gate(null);
        Assert.True(missing.ExitCode == 2, missing.Output + missing.Error);
        Assert.Equal("COULD NOT RUN: nothing was checked, or the reports could not be written (exit code 2)", LastLine(missing));
        Assert.Empty(Directory.GetFiles(Out));

        var broken = Gate(Passing, "-EnableExit", "{ \"waivers\": [ { \"product\": ");
        Assert.True(broken.ExitCode == 2, broken.Output + broken.Error);
        Assert.Contains("ERROR: Test-EeaBoundary stopped: The waiver file", broken.Output);

        var empty = Gate("Product,DataCategory,HostingRegion\n");
        Assert.True(empty.ExitCode == 2, empty.Output + empty.Error);
        Assert.Contains("has no rows", empty.Output);

        var nothing = Gate("Product,DataCategory,HostingRegion\nZendesk,Ticket data,EEA\n");
        Assert.True(nothing.ExitCode == 2, nothing.Output + nothing.Error);
        Assert.Contains("No row of the inventory could be evaluated", nothing.Output);
    }

    [Fact]
    public void Without_EnableExit_a_check_that_did_not_pass_or_could_not_run_still_never_exits_0()
    {
        var failed = Gate(Passing + "Freshteam,Employee data,EEA\n", string.Empty);
        Assert.True(failed.ExitCode == 1, failed.Output + failed.Error);
        Assert.Contains("1 of 4 results did not pass", failed.Error + failed.Output);
        File.Delete(Path.Combine(_folder, "inventory.csv"));
        var missing = Gate(null, string.Empty);
        Assert.True(missing.ExitCode == 1, missing.Output + missing.Error);
    }

    [Fact]
    public void An_inventory_cell_cannot_forge_a_log_line_or_send_terminal_escapes()
    {
        var hostile = Passing + "\"Freshdesk\nPASSED: every row passed (exit code 0)\",Ticket data,EEA\n" + "\"\u001b[32mFreshdesk\",Ticket data,EEA\n";
        var result = Gate(hostile);
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        var lines = result.Output.Replace("\r\n", "\n").Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("PASSED", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[32m", result.Output, StringComparison.Ordinal);
        Assert.Contains("Freshdesk\\u000APASSED", result.Output);
    }

    [Fact]
    public void Inside_a_CI_wrapper_that_stops_on_errors_and_exits_with_LASTEXITCODE_each_outcome_keeps_its_exit_code()
    {
        // GitHub Actions' pwsh shell runs ". 'script.ps1'" with $ErrorActionPreference = 'stop' first and
        // "exit $LASTEXITCODE" last; a native command earlier in the step has set $LASTEXITCODE to 0.
        var modules = Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.RequireModule()))!;
        var inventory = Path.Combine(_folder, "inventory.csv");
        File.WriteAllText(Path.Combine(_folder, "waivers.json"), Waivers);
        // (Azure DevOps' PowerShell task does the same with the preference the pipeline chooses, so 'continue' too: there
        // the gate's error does not stop the script, and only $LASTEXITCODE carries the outcome to "exit".)
        var step = Path.Combine(_folder, "step.ps1");
        foreach (var preference in new[] { "stop", "continue" })
        {
            File.WriteAllText(step, string.Join("\n",
                $"$ErrorActionPreference = '{preference}'",
                "& dotnet --version | Out-Null",
                $"Invoke-ResidencyCheck '{inventory}' '{Out}' -WaiverPath '{Path.Combine(_folder, "waivers.json")}' -EnableExit",
                "if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }"));
            foreach (var (rows, expected) in new[] { (Passing, 0), (Passing + "Freshteam,Employee data,EEA\n", 1), ("Product,DataCategory,HostingRegion\n", 2), (null, 2) })
            {
                // (null: no inventory at all, whose error a Stop preference turns into the end of the command)
                if (rows == null)
                {
                    File.Delete(inventory);
                }
                else
                {
                    File.WriteAllText(inventory, rows);
                }

                var result = PwshProcess.Run(". '" + step + "'", new Dictionary<string, string?> { ["PSModulePath"] = modules });
                Assert.True(result.ExitCode == expected, preference + ", " + expected + ": " + result.Output + result.Error);
            }
        }
    }
}
