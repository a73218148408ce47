BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Update-ResidencyLock' {
    BeforeEach {
        $script:acme = New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA') } }
        $script:globex = New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('EEA') } }
        Import-ResidencyPolicy $script:acme, $script:globex
        $script:lock = Join-Path $TestDrive ('residency-' + [guid]::NewGuid().ToString('n') + '.lock.json')
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'pins every active policy, each with its version, SHA-256 and time, and returns the pins with -PassThru' {
        $pins = Update-ResidencyLock -Path $script:lock -PassThru
        $pins.Vendor | Should -Be 'Freshworks', 'Acme Widgets (fictional)', 'Globex (fictional)'
        $pins.Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
        $pins | ForEach-Object { $_.PinnedSha256 | Should -Be (Get-ResidencyPolicy -Vendor $_.Vendor).Sha256 }
        $json = Get-Content -Raw -LiteralPath $script:lock | ConvertFrom-Json
        $json.'$schema' | Should -Be './lock.schema.json'
        $json.policies.vendor | Should -Be 'Acme Widgets (fictional)', 'Freshworks', 'Globex (fictional)'
        Get-Content -Raw -LiteralPath $script:lock | Should -Match '"pinnedOn": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"'
    }

    It 'writes nothing under -WhatIf, and a second run with nothing changed leaves the file as it was' {
        Update-ResidencyLock -Path $script:lock -WhatIf
        $script:lock | Should -Not -Exist
        Update-ResidencyLock -Path $script:lock
        $before = Get-FileHash -LiteralPath $script:lock
        Start-Sleep -Milliseconds 1100
        Update-ResidencyLock -Path $script:lock -Verbose 4>&1 | Select-Object -Last 1 | Should -Match 'already pins .* it is unchanged'
        (Get-FileHash -LiteralPath $script:lock).Hash | Should -Be $before.Hash
    }

    It 'with -Vendor re-pins only the vendors named and keeps the other pins; without it drops pins of vendors no longer active' {
        Update-ResidencyLock -Path $script:lock
        $changed = New-FictionalPolicyFile 'acme2' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA', 'US') } } -Version 'test-2'
        Import-ResidencyPolicy $changed
        Update-ResidencyLock -Path $script:lock -Vendor Acme* -PassThru | ForEach-Object PinnedVersion | Should -Be 'test-2'
        (Test-ResidencyLock -Path $script:lock).Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'

        Remove-ResidencyPolicy -Vendor Globex*
        Update-ResidencyLock -Path $script:lock -Vendor Freshworks
        (Get-Content -Raw -LiteralPath $script:lock | ConvertFrom-Json).policies.vendor | Should -Contain 'Globex (fictional)'
        $warnings = $null
        Update-ResidencyLock -Path $script:lock -WarningVariable warnings -WarningAction SilentlyContinue
        (Get-Content -Raw -LiteralPath $script:lock | ConvertFrom-Json).policies.vendor | Should -Not -Contain 'Globex (fictional)'
        # A reviewed pin is not dropped without a word.
        $warnings | Should -Match '^Removed the pin of Globex \(fictional\) test from residency-\w+\.lock\.json: no policy of that vendor is active in this session'
    }

    It 'says what a re-pin changes, with its impact, before it writes' {
        Update-ResidencyLock -Path $script:lock
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme3' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA', 'US') } } -Version 'test-3')
        $said = Update-ResidencyLock -Path $script:lock -Verbose 4>&1 | Select-Object -Last 1
        $said | Should -Match 'Pin Acme Widgets \(fictional\) test-3 .* in place of test .*: \d+ differences: 1 weakens data residency in the EEA'
    }

    It 'refuses to overwrite a lock file it cannot read, which stays as it was' {
        Set-Content -LiteralPath $script:lock -Value '{ "lockVersion": "1.0", "policies": [ { "vendor": "Acme" } ] }'
        $err = $null
        $stopped = $null
        try { Update-ResidencyLock -Path $script:lock -ErrorVariable err -ErrorAction SilentlyContinue } catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -Be 'LockFileInvalid,ResidencyPS.Commands.UpdateResidencyLockCommand'
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidLock,ResidencyPS.Commands.UpdateResidencyLockCommand'
        $err[0].Exception.Message | Should -Match 'line 1, position \d+, policies\[0\]\.policyVersion: ''policyVersion'' is required'
        $stopped.Exception.Message | Should -Match 'cannot be used \(see the errors above\); the lock file was not written'
        # The advice is one the command can follow: it never overwrites a lock it cannot read.
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'delete it and pin the policies again with Update-ResidencyLock'
        Get-Content -Raw -LiteralPath $script:lock | Should -Match '"vendor": "Acme" \}'
    }

    It 'names a vendor with no active policy in a VendorNotFound error and writes nothing' {
        $err = $null
        Update-ResidencyLock -Path $script:lock -Vendor 'Initech' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'VendorNotFound,ResidencyPS.Commands.UpdateResidencyLockCommand'
        $err[0].TargetObject | Should -Be 'Initech'
        $script:lock | Should -Not -Exist
    }

    It 'completes -Vendor from the active policies' {
        (Get-Completion 'Update-ResidencyLock x.json -Vendor Glo').CompletionText | Should -Be "'Globex (fictional)'"
    }
}
