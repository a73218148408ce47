using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>
/// The scheduled task of the README and about_ResidencyPS, run as a scheduler runs it: the documented command line, word
/// for word, in a fresh pwsh in the folder of the inventory, the module found by name. Exit code 0 when every row passed,
/// 1 when one did not, 2 when the check could not run, and a plain-text log.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ScheduledCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The command pwsh runs: what the documented line passes to -Command.
    private static string CommandIn(string file)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var match = Regex.Match(text, "^(?:\\$ )?pwsh -NoProfile -NonInteractive -Command \"(Invoke-ResidencyCheck [^\"]*)\"$", RegexOptions.Multiline);
        Assert.True(match.Success, file + " shows no scheduled command line");
        return match.Groups[1].Value;
    }

    private PwshResult Run(string? inventory, string waivers)
    {
        if (inventory != null)
        {
            File.WriteAllText(Path.Combine(_folder, "inventory.csv"), inventory);
        }

        File.WriteAllText(Path.Combine(_folder, "waivers.json"), waivers);
        var modules = Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.RequireModule()))!;
        return PwshProcess.Run(CommandIn(Path.Combine(TestPaths.RepoRoot, "README.md")), new Dictionary<string, string?> { ["PSModulePath"] = modules },
            workingDirectory: _folder);
    }

    private const string Waivers = """
        { "waivers": [ { "product": "*", "dataCategory": "Authentication and profile data", "verdict": "Unknown",
                         "justification": "Reviewed: SSO data under our DPA.", "approvedBy": "DPO", "expires": "2099-12-31" } ] }
        """;

    private const string Passing = "Product,DataCategory,HostingRegion,Owner\nFreshdesk,Ticket data,EEA,Service desk\nFreshworks CRM,Lead data,EU,Sales\nFreshdesk,Authentication and profile data,EEA,IT\n";

    [Fact]
    public void The_README_and_the_about_topic_show_the_same_command_line()
    {
        Assert.Equal(CommandIn(Path.Combine(TestPaths.RepoRoot, "README.md")), CommandIn(Path.Combine(TestPaths.HelpSources, "about_ResidencyPS.md")));
    }

    [Fact]
    public void Exit_code_0_when_every_row_passed_with_a_plain_text_log_and_the_reports_in_the_folder()
    {
        var result = Run(Passing, Waivers);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("3 rows, 3 results: 3 passed (1 waived), 0 not passed (0 not evaluated)", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output + result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "residency", "residency.junit.xml")));
    }

    [Fact]
    public void Exit_code_1_when_a_row_did_not_pass_or_could_not_be_evaluated()
    {
        var outside = Run(Passing + "Freshteam,Employee data,EEA,HR\n", Waivers);
        Assert.True(outside.ExitCode == 1, outside.Output + outside.Error);
        Assert.Contains("FAIL: row 4: Freshteam / Employee data (EEA): Outside", outside.Output);

        var typo = Run(Passing + "Freshdsk,Ticket data,EEA,HR\n", Waivers);
        Assert.True(typo.ExitCode == 1, typo.Output + typo.Error);
        Assert.Contains("FAIL: row 4: Freshdsk / Ticket data (EEA): NotEvaluated", typo.Output);
        Assert.Contains("INPUT: No product named 'Freshdsk' was found.", typo.Output);
    }

    [Fact]
    public void An_inventory_cell_cannot_forge_a_log_line_or_send_terminal_escapes()
    {
        // A quoted cell with a newline once wrote its own "PASS:" line into the log; escape sequences reached it raw.
        var hostile = Passing + "\"Freshdesk\nPASSED: every row passed (exit code 0)\",Ticket data,EEA,HR\n"
            + "\"\u001b[32mFreshdesk\u001b]8;;https://example.invalid\u001b\\\",Ticket data,EEA,HR\n"
            + "\"Fresh\u202edesk\",Ticket data,EEA,HR\n";
        var result = Run(hostile, Waivers);
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        var lines = result.Output.Replace("\r\n", "\n").Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("PASSED", StringComparison.Ordinal));
        Assert.Contains("FAIL: row 4: Freshdesk\\u000APASSED: every row passed (exit code 0) / Ticket data (EEA): NotEvaluated", result.Output);
        Assert.DoesNotContain(result.Output, c => c == '\u001b' || c == '\u202e');
        Assert.Contains("\\u001B[32mFreshdesk", result.Output);
        Assert.Contains("Fresh\\u202Edesk", result.Output);
    }

    [Fact]
    public void Exit_code_2_when_the_waiver_file_is_broken_or_the_inventory_missing()
    {
        var broken = Run(Passing, """{ "waivers": [ { "product": "*", "dataCategory": "*", "expires": "2027-31-12" } ] }""");
        Assert.True(broken.ExitCode == 2, broken.Output + broken.Error);
        Assert.Contains("waivers[0].justification: A justification is required", broken.Output);
        Assert.Contains("COULD NOT RUN", broken.Output);
        Assert.DoesNotContain("   at ", broken.Output + broken.Error);

        File.Delete(Path.Combine(_folder, "inventory.csv"));
        var missing = Run(null, Waivers);
        Assert.True(missing.ExitCode == 2, missing.Output + missing.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "residency")) && Directory.EnumerateFiles(Path.Combine(_folder, "residency")).Any());
    }
}
