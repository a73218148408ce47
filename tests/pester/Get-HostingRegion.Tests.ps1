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
}
