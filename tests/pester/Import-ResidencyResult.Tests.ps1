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
        $err[0].Exception.Message | Should -Match 'schemaVersion is "9.9"; this version of ResidencyPS reads "1.0"'

        Import-ResidencyResult -LiteralPath (Join-Path $TestDrive 'missing.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ResultFileNotFound,ResidencyPS.Commands.ImportResidencyResultCommand'
        Import-ResidencyResult -Path (Join-Path $TestDrive 'nothing-*.json') -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'refuses a file that could make a row pass or lose rows: an edited waiver, duplicate keys, trailing content, empty results, mistyped values (<Case>)' -ForEach @(
        @{ Case = 'a waiver added to an Outside row, expired before the run'; Edit = { param($t) $t -replace '("dataCategory":\s*"Call recordings",(?:.|\n)*?"waived":\s*)false,(\s*)"waiver":\s*null', '$1true,$2"waiver": { "justification": "x", "approvedBy": null, "expires": "2001-01-01" }' } }
        @{ Case = 'a waiver with a blank justification'; Edit = { param($t) $t -replace '"justification":\s*"SSO reviewed\."', '"justification": "   "' } }
        @{ Case = 'a second results key'; Edit = { param($t) $t.TrimEnd().TrimEnd('}') + ', "results": [] }' } }
        @{ Case = 'a second document after the first'; Edit = { param($t) $t + '{"junk": 1}' } }
        @{ Case = 'empty results'; Edit = { param($t) $t -replace '(?s)"results": \[.*\]\s*\}\s*$', '"results": [] }' } }
        @{ Case = 'a row number past Int32'; Edit = { param($t) $t -replace '"inputRow":\s*1,', '"inputRow": 4294967297,' } }
        @{ Case = 'waived as text'; Edit = { param($t) $t -replace '"waived":\s*true', '"waived": "true"' } }
        @{ Case = 'a verdict by number'; Edit = { param($t) $t -replace '"verdict":\s*"Outside"', '"verdict": "2"' } }
        @{ Case = 'input columns as a list'; Edit = { param($t) $t -replace '"inputRow":\s*1,', '"inputRow": 1, "inputColumns": ["a"],' } }
        @{ Case = 'an input column named twice'; Edit = { param($t) $t -replace '"inputRow":\s*1,', '"inputRow": 1, "inputColumns": {"Owner": "a", "owner": "b"},' } }
        @{ Case = 'an input column longer than written'; Edit = { param($t) $t -replace '"inputRow":\s*1,', ('"inputRow": 1, "inputColumns": {"Owner": "' + ('x' * 501) + '"},') } }
    ) {
        $edited = Join-Path $TestDrive 'hostile.json'
        $text = & $Edit (Get-Content -Raw -LiteralPath $script:file)
        $text | Should -Not -Be (Get-Content -Raw -LiteralPath $script:file)
        Set-Content -LiteralPath $edited -Value $text -NoNewline
        $err = $null
        Import-ResidencyResult -LiteralPath $edited -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeIn @('InvalidResultFile,ResidencyPS.Commands.ImportResidencyResultCommand', 'ResultMismatch,ResidencyPS.Commands.ImportResidencyResultCommand')
    }

    It 'reads no device or pipe, and writes no report when nothing it was piped is a result' -Skip:($IsWindows) {
        $err = $null
        Import-ResidencyResult -LiteralPath /dev/zero -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidResultFile,ResidencyPS.Commands.ImportResidencyResultCommand'
        $report = Join-Path $TestDrive 'from-nothing.html'
        @() | Export-ResidencyReport -Path $report -ErrorVariable err -ErrorAction SilentlyContinue
        Test-Path -LiteralPath $report | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'NoResultsPiped,ResidencyPS.Commands.ExportResidencyReportCommand'
    }

    It 'writes the result file for a .json path and names its schema, shipped in the module folder' {
        $text = Get-Content -Raw -LiteralPath $script:file
        $text | Should -Match '"\$schema": "\./result\.schema\.json"'
        Join-Path (Split-Path (Get-Module ResidencyPS).Path) 'result.schema.json' | Should -Exist
    }
}
