using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Waivers;

/// <summary>
/// Test-EeaBoundary -WaiverPath decides expiry in UTC, not in the machine's time zone: run in a time zone whose date is
/// not today's UTC date, a waiver expiring today (UTC) still applies and one that expired yesterday (UTC) does not.
/// </summary>
[Trait("Category", "Slow")]
public class WaiverExpiryTimeZoneTests
{
    private const string Script = """
        Import-Module $env:RESIDENCYPS_TEST_MANIFEST -ErrorAction Stop
        $today = [DateTime]::UtcNow.Date
        $file = Join-Path ([IO.Path]::GetTempPath()) ('waivers-' + [guid]::NewGuid() + '.json')
        $waiver = { param($product, $expires) @{ product = $product; dataCategory = 'Authentication and profile data'; verdict = 'Unknown'
            justification = 'Reviewed'; expires = $expires.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) } }
        @{ waivers = @((& $waiver 'Freshdesk' $today), (& $waiver 'Freshsales' $today.AddDays(-1))) } | ConvertTo-Json -Depth 4 |
            Set-Content -LiteralPath $file -Encoding utf8
        'Local date differs from UTC: ' + ([DateTime]::Now.Date -ne $today)
        Test-EeaBoundary -Product Freshdesk, Freshsales -DataCategory 'Authentication and profile data' -WaiverPath $file -WarningAction SilentlyContinue |
            ForEach-Object { '{0} waived: {1}' -f $_.Product, $_.Waived }
        Remove-Item -LiteralPath $file
        """;

    [Fact]
    public void A_waiver_expiring_today_in_UTC_applies_and_yesterdays_does_not_in_a_time_zone_on_another_date()
    {
        // Ahead of UTC by 13 hours from 11:00 UTC on (local date is tomorrow), behind by 12 before (yesterday).
        var zone = DateTime.UtcNow.Hour >= 11 ? "Etc/GMT-13" : "Etc/GMT+12";
        var result = PwshProcess.Run(Script, new Dictionary<string, string?> { ["TZ"] = zone, ["RESIDENCYPS_TEST_MANIFEST"] = TestPaths.RequireModule() });
        var lines = result.Output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, result.Output + result.Error);
        Assert.Equal(new[] { "Local date differs from UTC: True", "Freshdesk waived: True", "Freshsales waived: False" }, lines);
    }
}
