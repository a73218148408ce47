BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Get-HostingRegion' {
    It 'lists the four regions with English and Dutch names' {
        $regions = Get-HostingRegion
        $regions.Code | Should -Be @('US', 'EEA', 'IND', 'AU')
        ($regions | Where-Object Code -EQ EEA).NameNl | Should -Be 'Europese Economische Ruimte'
    }

    It 'finds the EEA from a member country and nothing from a non-member' {
        (Get-HostingRegion -Country NO).Code | Should -Be 'EEA'
        $err = $null
        Get-HostingRegion -Country CH -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'prints as its code' {
        "$(Get-HostingRegion EER)" | Should -Be 'EEA'
    }

    It 'finds a region by a member country''s English name, and says clearly when it knows no such country' {
        (Get-HostingRegion -Country Germany, Norway).Code | Should -Be 'EEA'
        (Get-HostingRegion -Country 'united states').Code | Should -Be 'US'
        $err = $null
        Get-HostingRegion -Country Germny, XZ -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'CountryNotFound,ResidencyPS.Commands.GetHostingRegionCommand' }
        $err[0].TargetObject | Should -Be 'Germny'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match 'ISO 3166-1'
    }

    It 'answers EU and Europe as the EEA, and a region filter on another cmdlet says a country is in no region' {
        (Get-HostingRegion EU, Europe).Code | Should -Be 'EEA'
        $err = $null
        Get-DataResidency -Product Freshdesk -Region CH -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'CountryNotInAnyRegion,ResidencyPS.Commands.GetDataResidencyCommand'
    }
}
