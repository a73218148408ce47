BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Import-ResidencyPolicy' {
    AfterEach { Import-ResidencyPolicy -Default }

    It 'imports an exported policy: not embedded, the same SHA-256, its file as origin, nothing compares different' {
        $file = Join-Path $TestDrive 'default.json'
        Export-ResidencyPolicy -Path $file
        $imported = Import-ResidencyPolicy -Path $file -PassThru
        $imported.IsEmbedded | Should -BeFalse
        $imported.Sha256 | Should -Be (Get-ResidencyPolicy -Embedded).Sha256
        (Get-ResidencyPolicy).Origin | Should -Be (Resolve-Path $file).ProviderPath
        Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $imported | Should -BeNullOrEmpty
    }

    It 'answers from an imported policy, then goes back with -Default' {
        $file = New-PolicyFile 'freshteam-eea.json' { param($j) ($j.residency | Where-Object { $_.product -eq 'Freshteam' -and $_.category -eq 'EmployeeData' }).regions = @('US', 'EEA') }
        Import-ResidencyPolicy $file
        (Test-EeaBoundary Freshteam -DataCategory 'Employee data').Verdict | Should -Be 'Within'
        Import-ResidencyPolicy -Default
        (Test-EeaBoundary Freshteam -DataCategory 'Employee data').Verdict | Should -Be 'Outside'
        (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
    }

    It 'refuses a broken file with one located error per problem, and the previous policy still answers' {
        $good = New-PolicyFile 'good.json' { param($j) $j.policyVersion = 'custom-1' }
        Import-ResidencyPolicy $good
        $bad = New-PolicyFile 'bad.json' { param($j)
            $j.residency[0].regions = @('US', 'MARS')
            $j.residency[1].category = 'NoSuchCategory'
            $j.statements[1].id = $j.statements[0].id
            $j.schemaVersion = '2.0'
        }
        $err = $null
        Import-ResidencyPolicy $bad -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -BeGreaterOrEqual 4
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidPolicy,ResidencyPS.Commands.ImportResidencyPolicyCommand' }
        ($err.Exception.Message -join "`n") | Should -Match 'line \d+, position \d+, residency\[0\]\.regions\[1\]: No region is named .MARS.'
        ($err.Exception.Message -join "`n") | Should -Match 'schemaVersion'
        (Get-ResidencyPolicy).PolicyVersion | Should -Be 'custom-1'
        (Get-DataResidency Freshdesk 'Ticket data').Regions | Should -Be @('US', 'EEA', 'IND', 'AU')
    }

    It 'reports a missing file and an ambiguous wildcard' {
        $err = $null
        Import-ResidencyPolicy (Join-Path $TestDrive 'nope.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PolicyFileNotFound,*'
        Export-ResidencyPolicy (Join-Path $TestDrive 'a1.json'); Export-ResidencyPolicy (Join-Path $TestDrive 'a2.json')
        Import-ResidencyPolicy (Join-Path $TestDrive 'a*.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AmbiguousPolicyPath,*'
    }

    It 'refuses a device, a pipe without a writer and an empty file at once, naming the path as given' -Skip:$IsWindows {
        $fifo = Join-Path $TestDrive 'fifo.json'
        mkfifo $fifo
        Set-Content -LiteralPath (Join-Path $TestDrive 'empty.json') -Value $null -NoNewline
        Push-Location $TestDrive
        try {
            foreach ($given in '/dev/zero', './fifo.json', 'empty.json') {
                # Run with a deadline: reading /dev/zero spun for ever and a FIFO without a writer blocked for ever.
                $ps = [powershell]::Create().AddScript({
                    param($module, $folder, $path)
                    Import-Module $module
                    Set-Location $folder
                    Import-ResidencyPolicy -Path $path -ErrorVariable e -ErrorAction SilentlyContinue
                    $e
                }).AddArgument((Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1')).AddArgument($TestDrive).AddArgument($given)
                $async = $ps.BeginInvoke()
                $async.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(60)) | Should -BeTrue -Because "$given must be refused, not read"
                $err = $ps.EndInvoke($async)
                $ps.Dispose()
                $err[0].FullyQualifiedErrorId | Should -Be 'NotRegularFile,ResidencyPS.Commands.ImportResidencyPolicyCommand'
                $err[0].TargetObject | Should -Be $given
                $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            }
        }
        finally { Pop-Location }
        { Get-DataResidency -Policy /dev/zero } | Should -Throw '*not a regular file*'
    }

    It 'refuses JSON that the documentation does not allow: comments, single quotes, UTF-16' {
        $text = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path (Join-Path $TestDrive 'p.json') -Embedded -PassThru)
        $cases = @{
            'comment.json' = @(("// exported`n" + $text), [Text.UTF8Encoding]::new($false))
            'quotes.json'  = @(($text -replace '"schemaVersion": "1.0"', "'schemaVersion': '1.0'"), [Text.UTF8Encoding]::new($false))
            'utf16.json'   = @($text, [Text.UnicodeEncoding]::new($false, $true))
        }
        foreach ($name in $cases.Keys) {
            $path = Join-Path $TestDrive $name
            [IO.File]::WriteAllText($path, $cases[$name][0], $cases[$name][1])
            $err = $null
            Import-ResidencyPolicy -LiteralPath $path -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1 -Because $name
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPolicy,*'
            $err[0].Exception.Message | Should -Match 'Comments are not allowed|single quotes|not UTF-8'
        }
        (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
    }
}

Describe 'Import-ResidencyPolicy with several vendors' {
    BeforeAll {
        $script:acme = New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA') } }
        $script:globex = New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('US') } }
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'adds one policy per vendor beside the embedded one, and -Default leaves the embedded one alone' {
        $made = Import-ResidencyPolicy -Path (Join-Path $TestDrive '*.json') -PassThru
        $made.Vendor | Sort-Object | Should -Be @('Acme Widgets (fictional)', 'Globex (fictional)')
        (Get-ResidencyPolicy).Vendor | Should -Be @('Freshworks', 'Acme Widgets (fictional)', 'Globex (fictional)')
        (Get-ResidencyPolicy -Vendor Acme*).Vendor | Should -Be 'Acme Widgets (fictional)'
        Import-ResidencyPolicy -Default
        (Get-ResidencyPolicy).Vendor | Should -Be 'Freshworks'
    }

    It 'replaces the policy of the same vendor in its place, the embedded one too' {
        Import-ResidencyPolicy $acme
        $newer = New-FictionalPolicyFile 'acme-2' 'ACME WIDGETS (fictional)' @{ Widgetry = @{ 'Widget data' = @('US') } } -Version 'test-2'
        $freshworks = New-PolicyFile 'freshworks-copy.json' { param($j) $j.policyVersion = 'copy-1' }
        Import-ResidencyPolicy $newer, $freshworks
        (Get-ResidencyPolicy).PolicyVersion | Should -Be @('copy-1', 'test-2')
        (Get-DataResidency -Product Widgetry).Regions | Should -Be 'US'
    }

    It 'imports nothing when one file of several cannot be used, and says so' {
        $bad = New-FictionalPolicyFile 'broken' 'Initech (fictional)' @{ Thing = @{ 'Thing data' = @('MARS') } }
        $err = $null; $warn = $null
        Import-ResidencyPolicy $acme, $bad -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidPolicy,ResidencyPS.Commands.ImportResidencyPolicyCommand'
        $warn | Should -Match 'No policy was imported: 1 of the files named could not be used'
        (Get-ResidencyPolicy).Vendor | Should -Be 'Freshworks'
    }

    It 'refuses two files of one vendor in one import, naming both, and imports neither' {
        $twin = New-FictionalPolicyFile 'acme-twin' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('US') } }
        $err = $null
        Import-ResidencyPolicy $acme, $twin, $globex -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'AmbiguousPolicyPath,ResidencyPS.Commands.ImportResidencyPolicyCommand'
        $err[0].Exception.Message | Should -Match 'acme\.json.*acme-twin\.json.*both policies of Acme Widgets \(fictional\)'
        (Get-ResidencyPolicy).Vendor | Should -Be 'Freshworks'
    }

    It 'takes files piped from Get-ChildItem' {
        Get-ChildItem -LiteralPath $TestDrive -Filter '*.json' | Where-Object Name -In 'acme.json', 'globex.json' | Import-ResidencyPolicy
        (Get-ResidencyPolicy).Count | Should -Be 3
    }
}
