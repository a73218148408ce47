BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Compare-ResidencyPolicy' {
    It 'compares policies given as objects or file paths and writes typed differences' {
        $file = New-PolicyFile 'next.json' { param($j)
            ($j.residency | Where-Object { $_.product -eq 'Freshchat' -and $_.category -eq 'Conversations' }).regions = @('US')
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        $diff | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.PolicyDifference]) }
        ($diff | Where-Object Change -EQ RegionRemoved).Key | Should -Be 'Freshchat/Conversations'
        Get-ResidencyPolicy -Path $file | Compare-ResidencyPolicy -ReferencePolicy $file | Should -BeNullOrEmpty
    }
}
