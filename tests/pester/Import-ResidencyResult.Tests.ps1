BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Import-ResidencyResult' {
    BeforeAll {
        $script:waivers = Join-Path $TestDrive 'w.json'
        @{ waivers = @(@{ product = '*'; dataCategory = 'Authentication and profile data'; justification = 'SSO reviewed.'; approvedBy = 'DPO'; expires = '2099-12-31' }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $script:waivers
        $script:live = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = '' }, [pscustomobject]@{ Product = 'Zendesk'; DataCategory = 'Ticket data' },
            [pscustomobject]@{ Product = 'Freshsales'; DataCategory = 'Call recordings' } |
            Test-EeaBoundary -WaiverPath $script:waivers -CustomMailbox -ErrorAction SilentlyContinue
        $script:file = Join-Path $TestDrive 'run.json'
        $script:live | Export-ResidencyReport -Path $script:file
    }

    It 'reads a result file back into typed results: the same rows, verdicts, waivers, input rows and assumptions' {
        $back = Import-ResidencyResult -Path $script:file
        $back | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.EeaBoundaryResult]) }
        @($back).Count | Should -Be @($script:live).Count
        ($back | ForEach-Object { '{0} {1} {2} {3} {4} {5}' -f $_.InputRow, $_.Product, $_.DataCategory, $_.Verdict, $_.Passed, $_.CustomMailbox }) |
            Should -Be ($script:live | ForEach-Object { '{0} {1} {2} {3} {4} {5}' -f $_.InputRow, $_.Product, $_.DataCategory, $_.Verdict, $_.Passed, $_.CustomMailbox })
        ($back | Where-Object Waived).WaiverApprovedBy | Sort-Object -Unique | Should -Be 'DPO'
    }

    It 'renders the same report from the file as from the live run (<_>)' -ForEach 'md', 'csv', 'html' {
        $fromLive = Join-Path $TestDrive "live.$_"
        $fromFile = Join-Path $TestDrive "file.$_"
        $script:live | Export-ResidencyReport -Path $fromLive
        Import-ResidencyResult -Path $script:file | Export-ResidencyReport -Path $fromFile
        $time = '\d{4}-\d\d-\d\d \d\d\\?:\d\d\\?:\d\d UTC'
        ((Get-Content -Raw -LiteralPath $fromFile) -replace $time, 'TIME') | Should -BeExactly ((Get-Content -Raw -LiteralPath $fromLive) -replace $time, 'TIME')
    }

    It 'refuses a file changed after it was written, of another policy or another schema version, and returns nothing of it' {
        $json = Get-Content -Raw -LiteralPath $script:file | ConvertFrom-Json
        ($json.results | Where-Object dataCategory -EQ 'Call recordings' | Select-Object -First 1).verdict = 'Within'
        $edited = Join-Path $TestDrive 'edited.json'
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $edited
        $err = $null
        Import-ResidencyResult -LiteralPath $edited -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ResultMismatch,ResidencyPS.Commands.ImportResidencyResultCommand'

        $other = New-PolicyFile 'other.json' { param($j) $j.policyVersion = 'other-3' }
        Test-EeaBoundary Freshdesk -Policy $other | Export-ResidencyReport -Path (Join-Path $TestDrive 'other-run.json') -Policy $other
        Import-ResidencyResult -Path (Join-Path $TestDrive 'other-run.json') -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyMismatch,ResidencyPS.Commands.ImportResidencyResultCommand'
        $err[0].ErrorDetails.RecommendedAction | Should -Match (Get-ResidencyPolicy -Path $other).Sha256
        @(Import-ResidencyResult -Path (Join-Path $TestDrive 'other-run.json') -Policy $other).Count | Should -Be @(Test-EeaBoundary Freshdesk).Count

        $json = Get-Content -Raw -LiteralPath $script:file | ConvertFrom-Json
        $json.schemaVersion = '9.9'
        $future = Join-Path $TestDrive 'future.json'
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $future
        Import-ResidencyResult -Path $future -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidResultFile,ResidencyPS.Commands.ImportResidencyResultCommand'
        $err[0].Exception.Message | Should -Match "schemaVersion is '9.9'; this version of ResidencyPS reads 1.0"

        Import-ResidencyResult -LiteralPath (Join-Path $TestDrive 'missing.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ResultFileNotFound,ResidencyPS.Commands.ImportResidencyResultCommand'
        Import-ResidencyResult -Path (Join-Path $TestDrive 'nothing-*.json') -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'writes the result file for a .json path and names its schema, shipped in the module folder' {
        $text = Get-Content -Raw -LiteralPath $script:file
        $text | Should -Match '"\$schema": "\./result\.schema\.json"'
        Join-Path (Split-Path (Get-Module ResidencyPS).Path) 'result.schema.json' | Should -Exist
    }
}
