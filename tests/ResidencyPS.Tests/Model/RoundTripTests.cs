using System.Management.Automation;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Model;

/// <summary>Every output type survives ConvertTo-Json and Export-Clixml with the properties scripts rely on.</summary>
public class RoundTripTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _ps;

    public RoundTripTests(PowerShellSession ps) => _ps = ps;

    // A copy of the embedded policy with a new version: one difference to round-trip.
    private static readonly Lazy<string> ChangedPolicy = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "residencyps-roundtrip-" + Environment.ProcessId + ".json");
        var json = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Data", "freshworks.policy.json"));
        File.WriteAllText(path, json.Replace("\"policyVersion\": \"1.0.0\"", "\"policyVersion\": \"2.0.0\"", StringComparison.Ordinal));
        return path;
    });

    public static IEnumerable<object[]> Outputs => new[]
    {
        new object[] { "Get-DataResidency -Product Freshsales -DataCategory 'Call recordings'", "Product,DataCategory,Basis" },
        new object[] { "Test-EeaBoundary -Product Freshsales -DataCategory 'Call recordings'", "Product,DataCategory,HostingRegion,Verdict,StaysInEea" },
        new object[] { "ResidencyPS\\Get-RetentionPolicy -Product Freshcaller -Subject 'Call recordings' -AsOf '2026-01-01'", "Product,Subject,StorageLocation,PeriodText,AfterPeriod,MovesTo" },
        new object[] { "Get-DataCategory -DataCategory 'Ticket data'", "Id,DataCategory,NameNl,DefinitionNl" },
        new object[] { "Get-HostingRegion -Code EEA", "Code,Name,NameNl,IsEea" },
        new object[] { "Get-PolicyStatement -Id logs-one-year", "Id,Line,Section,Text,English" },
        new object[] { "Get-ResidencyPolicy -Embedded", "Vendor,PolicyVersion,Sha256,IsEmbedded,ResidencyCount" },
        new object[] { $"Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy '{ChangedPolicy.Value}'", "Scope,Key,Change,Property,OldValue,NewValue" },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Json_round_trip_keeps_the_properties(string command, string properties)
    {
        var original = _ps.RunClean(command).Single();
        var restored = _ps.RunClean($"{command} | ConvertTo-Json -Depth 6 -EnumsAsStrings | ConvertFrom-Json").Single();
        foreach (var name in properties.Split(','))
        {
            Assert.Equal(Text(original, name), Text(restored, name));
        }

        Assert.Equal(Texts(original, "Source").Count(), Texts(restored, "Source").Count());
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Clixml_round_trip_keeps_the_properties_and_a_deserialized_type_name(string command, string properties)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".clixml");
        try
        {
            var original = _ps.RunClean(command).Single();
            var restored = _ps.RunClean($"{command} | Export-Clixml -LiteralPath '{path}'; Import-Clixml -LiteralPath '{path}'").Single();
            Assert.Equal("Deserialized." + original.BaseObject.GetType().FullName, restored.TypeNames[0]);
            foreach (var name in properties.Split(','))
            {
                Assert.Equal(Text(original, name), Text(restored, name));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Boundary_findings_keep_their_source_text_through_json()
    {
        var json = _ps.RunClean("Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | ConvertTo-Json -Depth 6 -EnumsAsStrings")[0].ToString();
        Assert.Contains("tijdelijk vastgehouden gedurende 10 minuten", json);
        Assert.Contains("\"Verdict\": \"Transient\"", json);
    }

    [Fact]
    public void Csv_export_writes_list_values_not_type_names()
    {
        var rows = _ps.RunClean("Get-DataResidency -Product Freshdesk -DataCategory 'Ticket data' | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv").Single();
        Assert.Equal("US, EEA, IND, AU", Text(rows, "Regions"));
        Assert.Contains("Beschikbaar in de VS, EER, IND en AU", Text(rows, "Source"));
        var findings = _ps.RunClean("Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv").Single();
        Assert.Equal("Hosting: Within; CallRecordingTransit: Transient; WithoutCustomMailbox: Info", Text(findings, "Findings"));
    }

    [Fact]
    public void Clixml_keeps_nested_findings_and_their_source()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".clixml");
        try
        {
            var text = _ps.RunClean($"Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | Export-Clixml -LiteralPath '{path}'; (Import-Clixml -LiteralPath '{path}').Findings[1].Source[0].Text").Single();
            Assert.StartsWith("*opname van gesprekken", text.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? Text(PSObject item, string name) => item.Properties[name]?.Value?.ToString();

    private static IEnumerable<object> Texts(PSObject item, string name) =>
        item.Properties[name]?.Value is object value ? LanguagePrimitives.GetEnumerable(value)?.Cast<object>() ?? new[] { value } : Array.Empty<object>();
}
