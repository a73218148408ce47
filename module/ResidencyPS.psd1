@{
    RootModule           = 'ResidencyPS.dll'
    NestedModules        = @('ResidencyPS.Aliases.psm1')
    # Stamped by build.ps1 from <Version> in Directory.Build.props, the one place the version lives.
    ModuleVersion        = '0.0.0'
    GUID                 = 'd93ef185-45e7-4f50-9056-0f412e168dc7'
    Author               = 'ResidencyPS contributors'
    CompanyName          = 'ResidencyPS'
    Copyright            = '(c) ResidencyPS contributors. MIT licence.'
    Description          = 'Answers data-residency questions about SaaS vendors: which data of which product may be hosted in which region, whether it stays inside the EEA, and how long logs are kept and where. Ships the Freshworks data-hosting policy, every answer citing its Dutch source text.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('ResidencyPS.Format.ps1xml')
    TypesToProcess       = @('ResidencyPS.Types.ps1xml')
    CmdletsToExport      = @(
        'Compare-ResidencyPolicy'
        'Export-ResidencyPolicy'
        'Export-ResidencyReport'
        'Get-DataFlow'
        'Get-DataCategory'
        'Get-DataResidency'
        'Get-HostingRegion'
        'Get-PolicyStatement'
        'Get-ResidencyPolicy'
        'Get-RetentionPolicy'
        'Import-ResidencyPolicy'
        'Import-ResidencyResult'
        'Invoke-ResidencyCheck'
        'New-ResidencyPolicy'
        'Remove-ResidencyPolicy'
        'Test-EeaBoundary'
        'Test-ResidencyLock'
        'Update-ResidencyLock'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @('Get-DataRetention')
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('DataResidency', 'GDPR', 'EEA', 'Compliance', 'SaaS', 'Freshworks', 'Privacy', 'PSEdition_Desktop', 'PSEdition_Core')
            ReleaseNotes = ''  # stamped by build.ps1 from CHANGELOG.md
        }
    }
}
