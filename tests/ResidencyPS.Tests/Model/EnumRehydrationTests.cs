using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Model;

/// <summary>
/// Every enum on every output type comes back as that enum after Export-Clixml and Import-Clixml (as after a job or
/// remoting): a filter such as LeavesEea -eq 'Yes' must find the same rows before and after, never silently none.
/// </summary>
public class EnumRehydrationTests : IClassFixture<PowerShellSession>
{
    private static readonly Assembly Module = typeof(ResidencyPolicy).Assembly;
    private readonly PowerShellSession _ps;

    public EnumRehydrationTests(PowerShellSession ps) => _ps = ps;

    private const string Script = """
        $live = @(
            Test-EeaBoundary Freshsales
            Test-EeaBoundary Freshsales -Summary
            Get-DataResidency
            ResidencyPS\Get-RetentionPolicy
            Get-DataFlow
            Get-DataCategory
            Get-HostingRegion
            Get-PolicyStatement
            Get-ResidencyPolicy
            Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy) -DifferencePolicy (Get-ResidencyPolicy -Embedded)
            $changed = Join-Path ([IO.Path]::GetTempPath()) ('changed-' + [guid]::NewGuid() + '.json')
            $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $changed -Embedded -PassThru) | ConvertFrom-Json
            $json.retention[0].period.value = 2
            $json.rules[0].effect = 'Outside'
            $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $changed
            Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $changed
            $inventory = Join-Path ([IO.Path]::GetTempPath()) ('inventory-' + [guid]::NewGuid() + '.csv')
            Set-Content -LiteralPath $inventory -Value 'Product,DataCategory,HostingRegion', 'Freshdesk,Ticket data,EEA'
            Invoke-ResidencyCheck -LiteralPath $inventory -OutputDirectory ($inventory + '.out') -PassThru -InformationAction Ignore
            Remove-Item -LiteralPath $inventory
            Remove-Item -LiteralPath ($inventory + '.out') -Recurse
            $lock = Join-Path ([IO.Path]::GetTempPath()) ('rehydrate-' + [guid]::NewGuid() + '.lock.json')
            Update-ResidencyLock -Path $lock -PassThru
            Test-ResidencyLock -Path $lock
            Remove-Item -LiteralPath $lock
        )
        $file = Join-Path ([IO.Path]::GetTempPath()) ('rehydrate-' + [guid]::NewGuid() + '.clixml')
        $live | Export-Clixml -LiteralPath $file -Depth 4
        $back = @(Import-Clixml -LiteralPath $file)
        Remove-Item -LiteralPath $file, $changed
        for ($i = 0; $i -lt $live.Count; $i++) {
            foreach ($property in $live[$i].PSObject.Properties) {
                $value = $property.Value
                if ($value -is [enum]) {
                    $arrived = $back[$i].($property.Name)
                    [pscustomobject]@{
                        Type = $live[$i].GetType().Name; Property = $property.Name; Enum = $value.GetType().FullName
                        Same = ($null -ne $arrived -and $arrived.GetType() -eq $value.GetType() -and $arrived -eq $value)
                    }
                }
            }
        }
        """;

    [Fact]
    public void Every_enum_property_of_every_output_type_is_the_same_enum_after_Import_Clixml()
    {
        var checks = _ps.RunClean(Script).Select(o => (Type: (string)o.Properties["Type"].Value, Property: (string)o.Properties["Property"].Value,
            Enum: (string)o.Properties["Enum"].Value, Same: (bool)o.Properties["Same"].Value)).ToList();
        Assert.Empty(checks.Where(c => !c.Same).Select(c => c.Type + "." + c.Property + " (" + c.Enum + ")").Distinct());

        // Every enum-typed property of every type a cmdlet declares as output was among those checked.
        var outputTypes = Module.GetTypes().Where(t => typeof(Cmdlet).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>()).SelectMany(a => a.Type).Select(t => t.Type).Where(t => t?.Assembly == Module).Distinct();
        var declared = outputTypes.SelectMany(t => t!.GetProperties().Where(p => p.PropertyType.IsEnum || Nullable.GetUnderlyingType(p.PropertyType)?.IsEnum == true)
            .Select(p => t!.Name + "." + p.Name)).ToHashSet();
        Assert.Contains("DataFlow.LeavesEea", declared);
        Assert.Contains("DataFlow.Activity", declared);
        Assert.Contains("DataResidencyInfo.Activity", declared);
        Assert.Empty(declared.Except(checks.Select(c => c.Type + "." + c.Property)));
    }

    [Fact]
    public void The_types_file_rehydrates_every_public_enum_of_the_module()
    {
        var types = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "module", "ResidencyPS.Types.ps1xml"));
        var rehydrated = types.Descendants("Type")
            .Where(t => t.Descendants("NoteProperty").Any(n => (string?)n.Element("Name") == "TargetTypeForDeserialization"))
            .ToDictionary(t => (string)t.Element("Name")!, t => (string)t.Descendants("NoteProperty").Single(n => (string?)n.Element("Name") == "TargetTypeForDeserialization").Element("Value")!);
        foreach (var type in Module.GetExportedTypes().Where(t => t.IsEnum))
        {
            Assert.True(rehydrated.TryGetValue("Deserialized." + type.FullName, out var target), type.FullName + " is not rehydrated");
            Assert.Equal(type.FullName, target);
        }
    }
}
