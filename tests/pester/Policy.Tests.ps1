BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
    function Get-Answers([object] $Policy) {
        $p = @{}; if ($Policy) { $p.Policy = $Policy }
        @(
            Get-DataResidency @p | ForEach-Object { "$($_.Product)|$($_.DataCategory)|$($_.Regions)|$($_.Basis)|$($_.Source)" }
            Get-DataResidency @p | Test-EeaBoundary @p -UsesIntegrations | ForEach-Object { "$_|$($_.Findings)" }
            Get-DataResidency @p | Test-EeaBoundary @p -CustomMailbox | ForEach-Object { "$_|$($_.Findings)" }
            ResidencyPS\Get-RetentionPolicy @p | ForEach-Object { "$_|$($_.HostingRegion)|$($_.Period)|$($_.AfterPeriod)" }
            Get-DataCategory @p | ForEach-Object { "$($_.DataCategory)|$($_.Products)" }
            Get-HostingRegion @p | ForEach-Object { "$($_.Code)|$($_.Countries)" }
        )
    }
    function New-PolicyFile([string] $Name, [scriptblock] $Change) {
        $path = Join-Path $TestDrive $Name
        $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $path -Embedded -PassThru) | ConvertFrom-Json
        & $Change $json
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $path
        $path
    }
}

AfterAll {
    Import-ResidencyPolicy -Default
}

Describe 'Bring your own policy' {
    AfterEach { Import-ResidencyPolicy -Default }

    It 'round-trips: export the default, import it, every query answers the same and nothing compares different' {
        $before = Get-Answers
        $file = Join-Path $TestDrive 'default.json'
        Export-ResidencyPolicy -Path $file
        $imported = Import-ResidencyPolicy -Path $file -PassThru
        $imported.IsEmbedded | Should -BeFalse
        $imported.Sha256 | Should -Be (Get-ResidencyPolicy -Embedded).Sha256
        (Get-ResidencyPolicy).Origin | Should -Be (Resolve-Path $file).ProviderPath
        Get-Answers | Should -Be $before
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

    It 'refuses a 100 MB file without reading it' {
        $huge = Join-Path $TestDrive 'huge.json'
        $stream = [IO.File]::Create($huge); $stream.SetLength(100MB); $stream.Dispose()
        $err = $null
        Import-ResidencyPolicy $huge -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'at most'
        (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
    }

    It 'refuses a truncated and a deeply nested file' {
        $truncated = Join-Path $TestDrive 'truncated.json'
        (Export-ResidencyPolicy -Path $truncated -Embedded -PassThru) | Out-Null
        $text = Get-Content -Raw $truncated; Set-Content -LiteralPath $truncated -Value $text.Substring(0, 5000)
        $deep = Join-Path $TestDrive 'deep.json'
        Set-Content -LiteralPath $deep -Value ('{"rules":' + ('[' * 1000) + (']' * 1000) + '}')
        foreach ($file in $truncated, $deep) {
            $err = $null
            Import-ResidencyPolicy -LiteralPath $file -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPolicy,*'
            $err[0].Exception.Message | Should -Match 'line \d+'
        }
    }

    It 'reports a missing file and an ambiguous wildcard' {
        $err = $null
        Import-ResidencyPolicy (Join-Path $TestDrive 'nope.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PolicyFileNotFound,*'
        Export-ResidencyPolicy (Join-Path $TestDrive 'a1.json'); Export-ResidencyPolicy (Join-Path $TestDrive 'a2.json')
        Import-ResidencyPolicy (Join-Path $TestDrive 'a*.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AmbiguousPolicyPath,*'
    }

    It 'queries another policy side by side with -Policy without touching the session' {
        $file = New-PolicyFile 'side.json' { param($j) ($j.residency | Where-Object { $_.product -eq 'Freshsales' -and $_.category -eq 'DealData' }).regions = @('US') }
        (Get-DataResidency -Policy $file -Product Freshsales -DataCategory 'Deal data').Regions | Should -Be @('US')
        (Get-DataResidency -Product Freshsales -DataCategory 'Deal data').Regions | Should -Be @('US', 'EEA')
        $policy = Get-ResidencyPolicy -Path $file
        (Test-EeaBoundary -Policy $policy Freshsales -DataCategory 'Deal data').Verdict | Should -Be 'Outside'
        (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
    }

    It 'gives a clear binding error for a -Policy that is not a valid policy' {
        { Get-DataResidency -Policy (Join-Path $TestDrive 'missing.json') -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,ResidencyPS.Commands.GetDataResidencyCommand'
    }

    It 'compares a changed policy: region removed, period changed' {
        $file = New-PolicyFile 'next.json' { param($j)
            ($j.residency | Where-Object { $_.product -eq 'Freshchat' -and $_.category -eq 'Conversations' }).regions = @('US')
            ($j.retention | Where-Object id -EQ 'logs-eea-copy').period.value = 60
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        $diff | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.PolicyDifference]) }
        ($diff | Where-Object Change -EQ RegionRemoved).Key | Should -Be 'Freshchat/Conversations'
        ($diff | Where-Object Change -EQ PeriodChanged).Product | Should -Be @('Freshdesk', 'Freshservice')
    }

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

    It 'shows the module version and the policy commands on Get-Module' {
        $module = Get-Module ResidencyPS
        $module.Version | Should -Be ([version] (Select-Xml -Path (Join-Path $PSScriptRoot '../../Directory.Build.props') -XPath '//Version').Node.InnerText)
        $module.ExportedCmdlets.Keys | Should -Contain 'Get-ResidencyPolicy'
    }
}

Describe 'Export-ResidencyReport' {
    It 'writes one self-contained HTML page with matrix, findings, retention and provenance' {
        $file = Join-Path $TestDrive 'report.html'
        Export-ResidencyReport -Path $file
        $html = Get-Content -Raw -LiteralPath $file
        $html | Should -Match '<table id="residency-matrix">'
        $html | Should -Match '<table id="boundary-results">'
        $html | Should -Match '<table id="retention-rules">'
        $html | Should -Match ([regex]::Escape((Get-ResidencyPolicy).Sha256))
        $html | Should -Match 'tijdelijk vastgehouden gedurende 10 minuten'
        $html | Should -Not -Match '<script|<link|<img|src=|url\('
    }

    It 'reports Test-EeaBoundary results piped in, as markdown and as CSV' {
        $md = Join-Path $TestDrive 'inventory.md'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $md
        $text = Get-Content -Raw -LiteralPath $md
        $text | Should -Match '\| Freshcaller \| Call recordings \| EEA \| Transient \|'
        $text | Should -Not -Match '\| Freshdesk \| Ticket data \| EEA \|'
        $csv = Join-Path $TestDrive 'inventory.csv'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be (Test-EeaBoundary Freshcaller).Count
        ($rows | Where-Object DataCategory -EQ 'Call recordings').Verdict | Should -Be 'Transient'
    }

    It 'reports a large inventory with a progress bar and honours -WhatIf' {
        $records = foreach ($i in 1..3000) { [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' } }
        $file = Join-Path $TestDrive 'big.csv'
        $records | Test-EeaBoundary | Export-ResidencyReport -Path $file -Format Csv -ProgressAction SilentlyContinue
        (Import-Csv -LiteralPath $file).Count | Should -Be 3000
        Export-ResidencyReport -Path (Join-Path $TestDrive 'never.html') -WhatIf
        Test-Path (Join-Path $TestDrive 'never.html') | Should -BeFalse
    }
}
