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
}
