BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Export-ResidencyPolicy' {
    It 'exports with -WhatIf writing nothing, and -NoClobber keeping an existing file' {
        $file = Join-Path $TestDrive 'whatif.json'
        Export-ResidencyPolicy -Path $file -WhatIf
        Test-Path $file | Should -BeFalse
        Set-Content -LiteralPath $file -Value 'keep me'
        $err = $null
        Export-ResidencyPolicy -Path $file -NoClobber -ErrorVariable err -ErrorAction SilentlyContinue
        Get-Content -LiteralPath $file | Should -Be 'keep me'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PolicyFileExists,*'
    }

    It 'names the shipped schema by a relative path, never a local folder, and the SHA-256 stays that of the policy' {
        $file = Join-Path $TestDrive 'with-schema.json'
        Export-ResidencyPolicy -Path $file -Embedded
        $text = Get-Content -Raw -LiteralPath $file
        ($text | ConvertFrom-Json).'$schema' | Should -Be './policy.schema.json'
        Test-Path -LiteralPath (Join-Path (Get-Module ResidencyPS).ModuleBase 'policy.schema.json') | Should -BeTrue
        $text | Should -Not -Match ([regex]::Escape((Get-Module ResidencyPS).ModuleBase))
        $text | Should -Not -Match 'file:'
        (Get-ResidencyPolicy -LiteralPath $file).Sha256 | Should -Be (Get-ResidencyPolicy -Embedded).Sha256
    }

    It 'points to help that ships with the module, never to the repository' {
        (Get-Help about_ResidencyPS_PolicyFormat | Out-String) | Should -Match 'A SMALL COMPLETE EXAMPLE'
        $bad = New-PolicyFile 'bad-for-help.json' { param($j) $j.schemaVersion = '9.9' }
        Import-ResidencyPolicy -Path $bad -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'about_ResidencyPS_PolicyFormat'
        $err[0].ErrorDetails.RecommendedAction | Should -Not -Match 'docs/'
    }
}
