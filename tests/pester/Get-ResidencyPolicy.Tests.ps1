BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Get-ResidencyPolicy' {
    It 'reads every policy file piped from Get-ChildItem, and every file a -Path wildcard matches' {
        foreach ($name in 'one.json', 'two.json') { Export-ResidencyPolicy -Path (Join-Path $TestDrive $name) -Embedded }
        @(Get-ChildItem -Path $TestDrive -Filter '*.json' | Where-Object Name -In 'one.json', 'two.json' | Get-ResidencyPolicy).Count | Should -Be 2
        @(Get-ResidencyPolicy -Path (Join-Path $TestDrive 't*o.json')).Count | Should -Be 1
        @(Get-ResidencyPolicy -Path (Join-Path $TestDrive 'none-*.json') -ErrorVariable err).Count | Should -Be 0
        $err | Should -BeNullOrEmpty
    }

    It 'describes the active and the embedded policy: vendor, version, origin and SHA-256' {
        $embedded = Get-ResidencyPolicy -Embedded
        $embedded.Vendor | Should -Be 'Freshworks'
        $embedded.IsEmbedded | Should -BeTrue
        $embedded.Sha256 | Should -Match '^[0-9a-f]{64}$'
        (Get-ResidencyPolicy).Sha256 | Should -Be $embedded.Sha256
    }
}
