BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Test-ResidencyLock' {
    BeforeEach {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA') } })
        $script:lock = Join-Path $TestDrive ('residency-' + [guid]::NewGuid().ToString('n') + '.lock.json')
        Update-ResidencyLock -Path $script:lock
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'finds every active policy unchanged right after it was pinned' {
        (Test-ResidencyLock -Path $script:lock).Status | Should -Be 'Unchanged', 'Unchanged'
        Test-ResidencyLock -LiteralPath $script:lock -Quiet | Should -BeTrue
    }

    It 'lists what changed in a policy since its pin, with the impact of each difference' {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme2' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA', 'US') } } -Version 'test-2')
        $acme = Test-ResidencyLock -Path $script:lock -Vendor Acme*
        $acme.Status | Should -Be 'Changed'
        '{0} -> {1}' -f $acme.PinnedVersion, $acme.PolicyVersion | Should -Be 'test -> test-2'
        $acme.Weakens | Should -Be 1
        $acme.Differences | Where-Object Impact -EQ 'Weakens' | ForEach-Object NewValue | Should -Be 'EEA, US'
        Test-ResidencyLock -Path $script:lock -Quiet | Should -BeFalse
    }

    It 'reports a vendor the lock does not pin, and a pin of a vendor no longer active' {
        Remove-ResidencyPolicy -Vendor Acme*
        Import-ResidencyPolicy (New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('EEA') } })
        (Test-ResidencyLock -Path $script:lock | ForEach-Object { "$($_.Vendor): $($_.Status)" }) |
            Should -Be 'Freshworks: Unchanged', 'Globex (fictional): NotPinned', 'Acme Widgets (fictional): NotActive'
        Test-ResidencyLock -Path $script:lock -Quiet | Should -BeFalse
    }

    It 'is not true when -Vendor names no active policy, or one name of several is misspelt: nothing compared proves nothing' {
        Test-ResidencyLock -Path $script:lock -Vendor 'Nobody*' -Quiet | Should -BeFalse
        Test-ResidencyLock -Path $script:lock -Vendor 'Acme*', 'Acme Widgts' -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'answers false under -Quiet, instead of stopping the script, when the lock file is missing or cannot be read' {
        $err = $null
        $ok = Test-ResidencyLock -Path (Join-Path $TestDrive 'missing.lock.json') -Quiet -ErrorVariable err -ErrorAction SilentlyContinue
        $ok | Should -BeExactly $false
        $err.FullyQualifiedErrorId | Should -Be 'LockFileNotFound,ResidencyPS.Commands.TestResidencyLockCommand', 'LockFileInvalid,ResidencyPS.Commands.TestResidencyLockCommand'
    }

    It 'stops with LockFileNotFound for a missing lock file' {
        { Test-ResidencyLock -Path (Join-Path $TestDrive 'missing.lock.json') -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'LockFileInvalid,ResidencyPS.Commands.TestResidencyLockCommand'
        $err = $null
        try { Test-ResidencyLock -Path (Join-Path $TestDrive 'missing.lock.json') -ErrorVariable err -ErrorAction SilentlyContinue } catch { }
        $err[0].FullyQualifiedErrorId | Should -Be 'LockFileNotFound,ResidencyPS.Commands.TestResidencyLockCommand'
    }

    It 'refuses a lock whose pin was edited by hand, at its line' {
        $json = Get-Content -Raw -LiteralPath $script:lock
        Set-Content -LiteralPath $script:lock -Value ($json -replace '"EEA"\r?\n', "`"EEA`", `"US`"`n") -NoNewline
        $err = $null
        try { Test-ResidencyLock -Path $script:lock -ErrorVariable err -ErrorAction SilentlyContinue } catch { }
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidLock,ResidencyPS.Commands.TestResidencyLockCommand'
        $err[0].Exception.Message | Should -Match 'line \d+.*edited by hand'
    }
}
