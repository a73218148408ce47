using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Model;

/// <summary>
/// From the hostile review: a period in hours is elapsed time. 36 hours from noon on 30 March 2024 in Amsterdam cross
/// the change to summer time and end at 01:00 on 1 April, not at midnight (which is 35 hours later).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ElapsedPeriodTests
{
    [Fact]
    public void Hours_are_counted_as_elapsed_time_across_a_change_of_clock()
    {
        var script = $$"""
            Import-Module '{{TestPaths.RequireModule()}}'
            $file = Join-Path ([IO.Path]::GetTempPath()) ('hours-' + [guid]::NewGuid() + '.json')
            $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $file -Embedded -PassThru) | ConvertFrom-Json
            $json.retention[0].period = @{ value = 36; unit = 'Hours'; text = '36 uur' }
            $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file
            $rule = ResidencyPS\Get-RetentionPolicy -Policy $file -AsOf ([datetime] '2024-03-30T12:00:00') | Where-Object PeriodUnit -EQ 'Hours' | Select-Object -First 1
            Remove-Item -LiteralPath $file
            'END=' + $rule.StatedPeriodEndsAt.ToString('yyyy-MM-ddTHH:mm', [cultureinfo]::InvariantCulture)
            """;
        var result = PwshProcess.Run(script, new Dictionary<string, string?> { ["TZ"] = "Europe/Amsterdam" });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("END=2024-04-01T01:00", result.Output);
    }
}
