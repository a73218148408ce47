using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Commands;

/// <summary>Every cmdlet in ConstrainedLanguage mode and under Set-StrictMode -Version Latest; remove and re-import.</summary>
public class RestrictedSessionTests
{
    // One line per cmdlet, each formatted as a user would see it (views run script blocks too).
    private const string EveryCmdlet = """
        Get-DataResidency -Product Freshdesk | Format-Table | Out-String
        Test-EeaBoundary -Product Freshsales | Format-List | Out-String
        ResidencyPS\Get-RetentionPolicy -Product Freshdesk -AsOf '2026-01-01' | Format-Table | Out-String
        Get-DataCategory -Product Freshteam | Format-List | Out-String
        Get-HostingRegion -Country NO | Format-List | Out-String
        Get-PolicyStatement -Search AWS | Format-Table | Out-String
        Export-ResidencyPolicy -Path $file
        Import-ResidencyPolicy -Path $file -PassThru | Format-List | Out-String
        Get-ResidencyPolicy | Format-Table | Out-String
        Compare-ResidencyPolicy -ReferencePolicy $file | Format-Table | Out-String
        Test-EeaBoundary Freshchat | Export-ResidencyReport -Path $report
        Import-ResidencyPolicy -Default
        Set-Content -LiteralPath $text -Value '# Hosting', 'Data stays in the EU region (a fictional text).'
        New-ResidencyPolicy -Path $drafted -Vendor 'Fictional' -SourcePath $text -Language en | Format-List | Out-String
        Remove-Item -LiteralPath $file, $report, $text, $drafted
        'done'
        """;

    private static (ICollection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors) Run(PSLanguageMode mode, string prefix)
    {
        var state = InitialSessionState.CreateDefault2();
        state.LanguageMode = mode;
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        // Constrained language cannot call .NET methods, so the scratch paths come in as variables.
        var scratch = Path.Combine(Path.GetTempPath(), "restricted-" + Guid.NewGuid());
        runspace.SessionStateProxy.SetVariable("file", scratch + ".json");
        runspace.SessionStateProxy.SetVariable("report", scratch + ".html");
        runspace.SessionStateProxy.SetVariable("text", scratch + ".txt");
        runspace.SessionStateProxy.SetVariable("drafted", scratch + "-new.json");
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(prefix + "Import-Module '" + TestPaths.RequireModule() + "'\n" + EveryCmdlet);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList());
    }

    [Fact]
    public void Every_cmdlet_works_in_ConstrainedLanguage_mode()
    {
        var (output, errors) = Run(PSLanguageMode.ConstrainedLanguage, string.Empty);
        Assert.Empty(errors.Select(e => e.FullyQualifiedErrorId + ": " + e));
        Assert.Equal("done", output.Last().ToString());
        Assert.Contains(output, o => o.ToString()!.Contains("[Transient] Recordings are generated in the US", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_cmdlet_works_under_StrictMode_Latest()
    {
        var (output, errors) = Run(PSLanguageMode.FullLanguage, "Set-StrictMode -Version Latest\n");
        Assert.Empty(errors.Select(e => e.FullyQualifiedErrorId + ": " + e));
        Assert.Equal("done", output.Last().ToString());
    }

    [Fact]
    public void The_module_can_be_removed_and_imported_again_in_one_session()
    {
        using var session = new PowerShellSession();
        var output = session.RunClean("""
            Remove-Module ResidencyPS
            $gone = -not (Get-Command Get-DataResidency -ErrorAction Ignore)
            Import-Module $ModuleManifest
            "$gone $((Get-DataResidency -Product Freshdesk).Count -gt 0) $((Get-Module ResidencyPS).Version)"
            """);
        Assert.StartsWith("True True ", output.Single().ToString());
    }
}
