using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Packaging;

/// <summary>
/// What importing the module brings with it into a fresh session. A scheduled check pays every module an import
/// loads on every run, and docs/performance.md measured an autoloaded Microsoft.PowerShell.Utility as the largest
/// part of the import; this holds the import to the module alone without timing anything.
/// </summary>
[Trait("Category", "Slow")]
public class ImportCostTests
{
    [Fact]
    public void Importing_the_module_loads_no_other_module_and_its_alias_still_reaches_the_cmdlet()
    {
        var result = PwshProcess.Run($$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{TestPaths.RequireModule()}}'
            'modules=' + ((Get-Module).Name -join ',')
            'alias=' + (Get-Command Get-DataRetention).Definition
            'exported=' + ((Get-Module ResidencyPS).ExportedAliases.Keys -join ',')
            """);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("modules=ResidencyPS" + Environment.NewLine, result.Output);
        Assert.Contains("alias=ResidencyPS\\Get-RetentionPolicy", result.Output);
        Assert.Contains("exported=Get-DataRetention", result.Output);
    }
}
