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

    # Issue 12: a report's provenance names where the source was published and when it was retrieved.
    It 'shows the source address and retrieval date a policy file gives, and says the embedded policy has none' {
        $file = New-PolicyFile 'with-source.json' { param($j)
            $j.source | Add-Member url 'https://www.freshworks.com/privacy/data-hosting/'
            $j.source | Add-Member retrieved '2026-11-01'
        }
        $policy = Get-ResidencyPolicy -LiteralPath $file
        $policy.SourceUrl | Should -Be 'https://www.freshworks.com/privacy/data-hosting/'
        $policy.SourceRetrieved | Should -Be ([datetime] '2026-11-01')
        ($policy | Format-List | Out-String -Width 120) | Should -Match 'SourceRetrieved\s+: 2026-11-01'
        $embedded = Get-ResidencyPolicy -Embedded
        $embedded.SourceUrl | Should -BeNullOrEmpty
        ($embedded | Format-List | Out-String -Width 120) | Should -Match 'SourceUrl\s+: \(not given: the policy text came without its address\)'
        $report = Join-Path $TestDrive 'with-source.md'
        Export-ResidencyReport -Path $report -Policy $policy
        # The markdown escapes the address (no renderer makes a link of it); rendered, it reads as written.
        (ConvertFrom-Markdown -LiteralPath $report).Html | Should -Match 'Source address: https://www\.freshworks\.com/privacy/data-hosting/'
        $bad = New-PolicyFile 'bad-source.json' { param($j) $j.source | Add-Member url 'ftp://x'; $j.source | Add-Member retrieved '1 Nov 2026' }
        $err = $null
        Get-ResidencyPolicy -LiteralPath $bad -ErrorVariable err -ErrorAction SilentlyContinue
        ($err.Exception.Message -join "`n") | Should -Match 'source\.url: .ftp://x. is not an http or https address'
        ($err.Exception.Message -join "`n") | Should -Match 'source\.retrieved: .1 Nov 2026. is not a date'
    }
}
