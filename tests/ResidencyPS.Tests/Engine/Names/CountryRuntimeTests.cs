using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Names;

/// <summary>
/// The same country answers on every runtime: ICU here, invariant globalization (slim containers) and a non-English
/// culture each answer every country question identically, in fresh pwsh processes as a scheduled task would run.
/// </summary>
[Trait("Category", "Slow")]
public class CountryRuntimeTests
{
    private const string Script = """
        Import-Module $env:RESIDENCYPS_TEST_MANIFEST -ErrorAction Stop
        $inputs = 'DE', 'de', 'Germany', 'Czechia', 'Czech Republic', 'Holland', 'Åland Islands', 'ALAND ISLANDS', 'Türkiye',
            'Turkey', 'CH', 'Switzerland', 'Atlantis', 'no', 'Island', 'Iceland', 'iceland', 'Réunion', 'Reunion'
        foreach ($country in $inputs) {
            $err = $null
            $region = Get-HostingRegion -Country $country -ErrorVariable err -ErrorAction SilentlyContinue
            $boundary = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion $country -ErrorVariable +err -ErrorAction SilentlyContinue
            '{0} => {1} | {2} {3} | {4} | {5}' -f $country, (@($region.Code) -join ','), $boundary.HostingRegion, $boundary.Verdict,
                (@($err.FullyQualifiedErrorId) -join ' '), (@($err.Exception.Message) -join ' ')
        }
        'Culture: ' + [cultureinfo]::CurrentCulture.Name
        """;

    private static string[] Answers(IDictionary<string, string?> environment)
    {
        environment["RESIDENCYPS_TEST_MANIFEST"] = TestPaths.RequireModule();
        var result = PwshProcess.Run(Script, environment);
        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, result.Output + result.Error);
        return result.Output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Invariant_globalization_and_a_Turkish_culture_give_the_same_answers_as_ICU()
    {
        var icu = Answers(new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null, ["LC_ALL"] = "en_US.UTF-8" });
        var invariant = Answers(new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        var turkish = Answers(new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null, ["LC_ALL"] = "tr_TR.UTF-8" });

        // Each run really was what it claims: the culture line differs, everything before it is identical.
        Assert.Equal("Culture: ", invariant[^1]);
        Assert.Equal("Culture: tr-TR", turkish[^1]);
        Assert.Equal(icu[..^1], invariant[..^1]);
        Assert.Equal(icu[..^1], turkish[..^1]);

        Assert.Contains("Czech Republic => EEA | EEA Within |  | ", icu);
        Assert.Contains("Holland => EEA | EEA Within |  | ", icu);
        Assert.Contains("Türkiye =>  | Türkiye NotEvaluated | CountryNotInAnyRegion,ResidencyPS.Commands.TestEeaBoundaryCommand | TR (Turkey) is in none of this policy's hosting regions; it is not in the EEA. Accepted: US, EEA, IND, AU, or a country in one of them.", icu);
        Assert.Contains(icu, line => line.StartsWith("Atlantis =>  | Atlantis NotEvaluated | CountryNotFound,ResidencyPS.Commands.GetHostingRegionCommand HostingRegionNotFound,", StringComparison.Ordinal));
    }
}
