BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-Inventory([string] $Name, [string[]] $Rows, [string] $Delimiter = ',') {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value (@("Product${Delimiter}DataCategory${Delimiter}HostingRegion") + $Rows)
        $path
    }
}

Describe 'Invoke-ResidencyCheck' {
    BeforeAll {
        $script:out = Join-Path $TestDrive 'out'
        $script:waivers = Join-Path $TestDrive 'waivers.json'
        @{ waivers = @(@{ product = '*'; dataCategory = 'Authentication and profile data'; verdict = 'Unknown'; justification = 'SSO reviewed.'
                    approvedBy = 'DPO'; expires = '2099-12-31' }) } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $script:waivers
    }

    It 'passes when every row passes, a waived one included, and writes the result file and the default reports' {
        $inventory = New-Inventory 'pass.csv' 'Freshdesk,Ticket data,EEA', 'Freshdesk,Authentication and profile data,EEA'
        $check = Invoke-ResidencyCheck -Path $inventory -OutputDirectory $script:out -WaiverPath $script:waivers -PassThru -InformationVariable log -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::Passed)
        $check.ExitCode | Should -Be 0
        '{0} {1} {2} {3}' -f $check.Rows, $check.Results, $check.Passed, $check.Waived | Should -Be '2 2 2 1'
        $check.Files | Split-Path -Leaf | Should -Be 'residency.json', 'residency.junit.xml', 'residency.html'
        $check.Files | ForEach-Object { $_ | Should -Exist }
        @(Import-ResidencyResult -LiteralPath $check.Files[0]).Count | Should -Be 2
        $log[-1].MessageData.Message | Should -Be 'PASSED: every row passed (exit code 0)'
    }

    It 'passes -WaiverWarningDays on, so the log says which waiver ends soon while the check still passes (issue 22)' {
        $soon = Join-Path $TestDrive 'soon.json'
        $ends = [datetime]::UtcNow.Date.AddDays(2).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        @{ waivers = @(@{ product = '*'; dataCategory = 'Authentication and profile data'; verdict = 'Unknown'; justification = 'SSO reviewed.'; expires = $ends }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $soon
        $inventory = New-Inventory 'soon.csv' 'Freshdesk,Authentication and profile data,EEA'
        $check = Invoke-ResidencyCheck -Path $inventory -OutputDirectory (Join-Path $TestDrive 'soon') -WaiverPath $soon -WaiverWarningDays 5 -PassThru -InformationVariable log -InformationAction Ignore
        $check.ExitCode | Should -Be 0
        $check.Waived | Should -Be 1
        @($check.Problems -like "WARNING: Waiver waivers``[0``] (``* / Authentication and profile data / Unknown, expires $ends) in *soon.json expires in 2 days*").Count | Should -Be 1
        @($log.MessageData.Message -like '*expires in 2 days*').Count | Should -Be 1
    }

    It 'does not pass when a row is outside the EEA or cannot be evaluated, names each, and writes CheckNotPassed after the result' {
        $inventory = New-Inventory 'fail.csv' 'Freshdesk,Ticket data,EEA', 'Freshdesk,Call recordings,EEA', 'Freshdsk,Ticket data,EEA'
        $check = Invoke-ResidencyCheck $inventory $script:out -Format Sarif -PassThru -ErrorAction SilentlyContinue -ErrorVariable problem -InformationVariable log -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::NotPassed)
        '{0} {1} {2}' -f $check.ExitCode, $check.NotPassed, $check.NotEvaluated | Should -Be '1 2 1'
        $problem[-1].FullyQualifiedErrorId | Should -Be 'CheckNotPassed,ResidencyPS.Commands.InvokeResidencyCheckCommand'
        $lines = $log.MessageData.Message
        $lines | Should -Contain 'FAIL: row 2: Freshdesk / Call recordings (EEA): Outside'
        $lines | Should -Contain 'FAIL: row 3: Freshdsk / Ticket data (EEA): NotEvaluated'
        ($lines | Where-Object { $_ -like 'INPUT: *Freshdsk*' }) | Should -Not -BeNullOrEmpty
        $check.Files | Split-Path -Leaf | Should -Be 'residency.json', 'residency.sarif'
        # The default reports of the run before were removed: none of an earlier run is left beside this one.
        Join-Path $script:out 'residency.junit.xml' | Should -Not -Exist
    }

    It 'could not run (<Case>), returns the outcome with exit code 2 and leaves no report of an earlier run' -ForEach @(
        @{ Case = 'missing inventory'; Rows = $null; Extra = @{} }
        @{ Case = 'inventory without rows'; Rows = @(); Extra = @{} }
        @{ Case = 'no row evaluated'; Rows = @('Zendesk,Ticket data,EEA'); Extra = @{} }
        @{ Case = 'missing waiver file'; Rows = @('Freshdesk,Ticket data,EEA'); Extra = @{ WaiverPath = 'missing.json' } }
        @{ Case = 'broken waiver file'; Rows = @('Freshdesk,Ticket data,EEA'); Extra = @{ WaiverPath = 'broken.json' } }
        @{ Case = 'broken policy file'; Rows = @('Freshdesk,Ticket data,EEA'); Extra = @{ PolicyPath = 'broken.json' } }
    ) {
        Set-Content -LiteralPath (Join-Path $TestDrive 'broken.json') -Value '{ "waivers": [ { "product": '
        $inventory = if ($null -eq $Rows) { Join-Path $TestDrive 'nowhere.csv' } else { New-Inventory 'case.csv' $Rows }
        $null = Invoke-ResidencyCheck (New-Inventory 'ok.csv' 'Freshdesk,Ticket data,EEA') $script:out -InformationAction Ignore
        $files = @{}
        foreach ($key in $Extra.Keys) { $files[$key] = Join-Path $TestDrive $Extra[$key] }
        $check = Invoke-ResidencyCheck -LiteralPath $inventory -OutputDirectory $script:out @files -PassThru -ErrorAction SilentlyContinue -ErrorVariable problem -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::CouldNotRun)
        $check.ExitCode | Should -Be 2
        $problem[-1].FullyQualifiedErrorId | Should -Be 'CheckCouldNotRun,ResidencyPS.Commands.InvokeResidencyCheckCommand'
        @(Get-ChildItem -LiteralPath $script:out).Count | Should -Be 0
    }

    It 'reads a semicolon-separated inventory with -Delimiter and keeps every row' {
        $inventory = New-Inventory 'nl.csv' 'Freshdesk;Ticket data;EEA', 'Freshworks CRM;Lead data;EU' -Delimiter ';'
        $check = Invoke-ResidencyCheck $inventory $script:out -Delimiter ';' -PassThru -InformationAction Ignore
        '{0} {1} {2}' -f $check.Outcome, $check.Rows, $check.Results | Should -Be 'Passed 2 2'
    }

    It 'keeps going through row errors when the caller has $ErrorActionPreference = Stop' {
        $inventory = New-Inventory 'stop.csv' 'Freshdsk,Ticket data,EEA', 'Freshdesk,Ticket data,EEA'
        $check = & {
            $ErrorActionPreference = 'Stop'
            try { Invoke-ResidencyCheck $inventory $script:out -PassThru -InformationAction Ignore } catch { $null }
        }
        # The row error does not end the check: the gate returns its outcome before its own CheckNotPassed error stops the caller.
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::NotPassed)
        $check.Results | Should -Be 2
    }

    It 'could not run when the inventory could hide rows or regions (<Case>)' -ForEach @(
        @{ Case = 'no hosting region column'; Text = "Product,DataCategory,Hosting Region`nFreshdesk,Ticket data,US`n"; Message = '*has no HostingRegion column*' }
        @{ Case = 'a column name with a trailing blank'; Text = "Product,DataCategory,HostingRegion,Vendor `nFreshdesk,Ticket data,EEA,Acme`n"; Message = "*column 'Vendor ' has blanks*" }
        @{ Case = 'an unclosed quote that swallows rows'; Text = "Product,DataCategory,HostingRegion,Notes`nFreshdesk,Ticket data,EEA,`"see INC-1`nFreshdesk,Call recordings,EEA,x`nFreshteam,Employee data,US,y`n"; Message = '*unclosed quote*' }
    ) {
        $inventory = Join-Path $TestDrive 'odd.csv'
        Set-Content -LiteralPath $inventory -Value $Text -NoNewline
        $check = Invoke-ResidencyCheck -LiteralPath $inventory -OutputDirectory $script:out -PassThru -ErrorAction SilentlyContinue -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::CouldNotRun)
        ($check.Problems -join "`n") | Should -BeLike $Message
    }

    It 'does not assume a row with a blank hosting region is in the EEA: the row is not evaluated and the check does not pass' {
        $inventory = New-Inventory 'blank.csv' 'Freshdesk,Ticket data,EEA', 'Freshdesk,Ticket data,'
        $check = Invoke-ResidencyCheck $inventory $script:out -PassThru -ErrorAction SilentlyContinue -InformationAction Ignore
        '{0} {1}' -f $check.Outcome, $check.NotEvaluated | Should -Be 'NotPassed 1'
        $row = Import-ResidencyResult -LiteralPath $check.Files[0] | Where-Object InputRow -EQ 2
        $row.Verdict | Should -Be ([ResidencyPS.Verdict]::NotEvaluated)
        $row.HostingRegion | Should -Be '(no hosting region given)'
    }

    It 'never removes an input named like one of its reports, and refuses to run instead' {
        $folder = Join-Path $TestDrive 'same'
        $null = New-Item -ItemType Directory -Force -Path $folder
        $inventory = Join-Path $folder 'residency.csv'
        Set-Content -LiteralPath $inventory -Value 'Product,DataCategory,HostingRegion', 'Freshdesk,Ticket data,EEA'
        $check = Invoke-ResidencyCheck -LiteralPath $inventory -OutputDirectory $folder -PassThru -ErrorAction SilentlyContinue -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::CouldNotRun)
        $inventory | Should -Exist
    }

    It 'lets no session default ($PSDefaultParameterValues) leave categories out of the check' {
        $inventory = New-Inventory 'defaults.csv' 'Freshdesk,,EEA'
        $PSDefaultParameterValues['Test-EeaBoundary:ExcludeDataCategory'] = 'Call recordings', 'Chat messages', 'Authentication*', 'Migration*'
        try { $check = Invoke-ResidencyCheck $inventory $script:out -PassThru -ErrorAction SilentlyContinue -InformationAction Ignore }
        finally { $PSDefaultParameterValues.Remove('Test-EeaBoundary:ExcludeDataCategory') }
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::NotPassed)
        $check.Results | Should -Be @(Test-EeaBoundary Freshdesk).Count
    }

    It 'reads no pipe as the inventory (it would never end)' -Skip:($IsWindows) {
        $fifo = Join-Path $TestDrive 'fifo.csv'
        & mkfifo $fifo
        $check = Invoke-ResidencyCheck -LiteralPath $fifo -OutputDirectory $script:out -PassThru -ErrorAction SilentlyContinue -InformationAction Ignore
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::CouldNotRun)
        ($check.Problems -join "`n") | Should -BeLike '*not a regular file*'
    }

    It 'keeps its log to one screen when a cell is huge' {
        $inventory = New-Inventory 'huge.csv' ('Fresh' + ('x' * 100000) + ',Ticket data,EEA'), 'Freshdesk,Ticket data,EEA'
        $null = Invoke-ResidencyCheck $inventory $script:out -ErrorAction SilentlyContinue -InformationVariable log -InformationAction Ignore
        ($log.MessageData.Message | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 520
    }
}

Describe 'Invoke-ResidencyCheck with a lock (issue 22, point 4)' {
    BeforeEach {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA') } })
        $script:lock = Join-Path $TestDrive ('residency-' + [guid]::NewGuid().ToString('n') + '.lock.json')
        Update-ResidencyLock -Path $script:lock
        $script:inventory = Join-Path $TestDrive 'estate.csv'
        Set-Content -LiteralPath $script:inventory -Value 'Vendor,Product,DataCategory,HostingRegion', 'Acme Widgets (fictional),Widgetry,Widget data,EEA', 'Freshworks,Freshdesk,Ticket data,EEA'
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'passes while every policy is the one pinned' {
        (Invoke-ResidencyCheck -Path $script:inventory -OutputDirectory (Join-Path $TestDrive 'ok') -LockPath $script:lock -PassThru -InformationAction Ignore).Outcome |
            Should -Be ([ResidencyPS.CheckOutcome]::Passed)
    }

    It 'could not run (exit code 2) when a policy differs from its pin, with the impact in its problems, and writes no report' {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme2' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA', 'US') } } -Version 'test-2')
        $out = Join-Path $TestDrive 'changed'
        $check = Invoke-ResidencyCheck -Path $script:inventory -OutputDirectory $out -LockPath $script:lock -PassThru -InformationVariable log -InformationAction Ignore -ErrorAction SilentlyContinue
        $check.Outcome | Should -Be ([ResidencyPS.CheckOutcome]::CouldNotRun)
        $check.ExitCode | Should -Be 2
        $check.Problems -join "`n" | Should -Match '(?m)^ERROR: (Test-EeaBoundary stopped: )?The policy of Acme Widgets \(fictional\) differs from its pin .* 1 weakens data residency in the EEA'
        Get-ChildItem -LiteralPath $out -File | Should -BeNullOrEmpty
        $lock | Should -Exist
    }

    It 'could not run when the lock file is missing' {
        $check = Invoke-ResidencyCheck -Path $script:inventory -OutputDirectory (Join-Path $TestDrive 'nolock') -LockPath (Join-Path $TestDrive 'none.lock.json') -PassThru -InformationAction Ignore -ErrorAction SilentlyContinue
        $check.ExitCode | Should -Be 2
        $check.Problems -join "`n" | Should -Match "The lock file '.*none\.lock\.json' was not found"
    }
}
