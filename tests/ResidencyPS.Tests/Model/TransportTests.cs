using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Model;

/// <summary>Output survives a background job, which serialises across processes as remoting does.</summary>
[Trait("Category", "Slow")]
public class TransportTests
{
    [Fact]
    public void Every_output_type_survives_Start_Job_with_its_properties_and_its_view()
    {
        var result = PwshProcess.Run($$"""
            $ErrorActionPreference = 'Stop'
            $module = '{{TestPaths.RequireModule()}}'
            Import-Module $module
            $received = Start-Job -ScriptBlock {
                Import-Module $using:module
                Test-EeaBoundary Freshsales -DataCategory 'Call recordings'
                Get-DataResidency Freshdesk 'Ticket data'
                ResidencyPS\Get-RetentionPolicy -Product Freshcaller -Subject 'Call recordings'
                Get-DataCategory 'Ticket data'
                Get-HostingRegion EEA
                Get-PolicyStatement -Id logs-one-year
                Get-ResidencyPolicy
                Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy) -DifferencePolicy (Get-ResidencyPolicy -Embedded)
            } | Receive-Job -Wait -AutoRemoveJob
            $received | ForEach-Object { "type=$($_.PSObject.TypeNames[0])" }
            $result = $received[0]
            "verdict=$($result.Verdict) $($result.Verdict -eq 'Transient')"
            "finding-source=$($result.Findings[1].Source[0].Text)"
            "regions=$($received[1].Regions -join ',')"
            "period=$($received[2].PeriodText)"
            "sha=$($received[6].Sha256)"
            ($received[0] | Out-String -Width 200)
            """, timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        foreach (var type in new[] { "EeaBoundaryResult", "DataResidencyInfo", "RetentionRule", "DataCategoryInfo", "HostingRegionInfo", "PolicyStatement", "ResidencyPolicy" })
        {
            Assert.Contains("type=Deserialized.ResidencyPS." + type, result.Output);
        }

        // The module's enums are rehydrated on arrival, so scripts compare them by name as before.
        Assert.True(result.Output.Contains("verdict=Transient True", StringComparison.Ordinal), result.Output);
        Assert.Contains("finding-source=*opname van gesprekken", result.Output);
        Assert.Contains("regions=US,EEA,IND,AU", result.Output);
        Assert.Contains("period=10 minuten", result.Output);
        Assert.Matches("sha=[0-9a-f]{64}", result.Output);
        // The table view applies to the deserialized result too.
        Assert.Matches(@"Product\s+DataCategory\s+Verdict\s+Passed\s+Basis\s+Region", result.Output);
    }
}
