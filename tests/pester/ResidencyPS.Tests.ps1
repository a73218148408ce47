BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'The ResidencyPS module' {
    AfterAll { Import-ResidencyPolicy -Default }

    Context 'Tab completion' {
        It 'completes countries by code and English name, statement sections and ids, and never offers internal keys' {
            $countries = (Get-Completion 'Get-HostingRegion -Country ').CompletionText
            $countries | Should -Contain 'NO'
            $countries | Should -Contain 'DE'
            $countries.Count | Should -Be 33
            (Get-Completion 'Get-HostingRegion -Country Norw').CompletionText | Should -Be 'Norway'
            (Get-Completion 'Get-PolicyStatement -Section Back').CompletionText | Should -Be "'Back-up en logboeken'"
            (Get-Completion 'Get-PolicyStatement -Id logs-').CompletionText | Should -Be @('logs-one-year', 'logs-eea-30-days', 'logs-eea-deleted')
            (Get-Completion 'Get-PolicyStatement logs-o').CompletionText | Should -Be 'logs-one-year'
            (Get-Completion 'Get-DataResidency Freshdesk Call').CompletionText | Should -Be "'Call recordings'"
            (Get-Completion 'ResidencyPS\Get-RetentionPolicy -Subject ').CompletionText | Should -Be @('Logs', 'Backups', "'Call recordings'")
            (Get-Completion 'Test-EeaBoundary Freshdesk -ExcludeDataCategory Chat').CompletionText | Should -Contain "'Chat messages'"
        }

        It 'completes regions by code and Dutch name on every region parameter' {
            (Get-Completion 'Get-DataResidency -Region E').CompletionText | Should -Contain 'EER'
            (Get-Completion 'Test-EeaBoundary Freshdesk -HostingRegion Verenigde').CompletionText | Should -Be "'Verenigde Staten'"
            (Get-Completion 'Get-HostingRegion -Code AU').CompletionText | Should -Contain 'AU'
            (Get-Completion 'ResidencyPS\Get-RetentionPolicy -HostingRegion IN').CompletionText | Should -Contain 'IND'
        }

        It 'completes subjects and countries' {
            (Get-Completion 'ResidencyPS\Get-RetentionPolicy -Subject Logb').CompletionText | Should -Contain 'Logboeken'
            (Get-Completion 'Get-HostingRegion -Country N').CompletionText | Should -Be @('NL', 'Netherlands', 'NO', 'Norway')
        }

        It 'completes the names of an imported policy, and of a policy given with -Policy' {
            $file = Join-Path $TestDrive 'renamed.json'
            $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $file -Embedded -PassThru) | ConvertFrom-Json
            ($json.products | Where-Object name -EQ 'Freshteam').aliases = @('Freshworks HR')
            $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file
            try {
                Import-ResidencyPolicy -Path $file
                (Get-Completion "Get-DataResidency -Product 'Freshworks H").CompletionText | Should -Be "'Freshworks HR'"
            }
            finally {
                Import-ResidencyPolicy -Default
            }
            (Get-Completion "Get-DataResidency -Product 'Freshworks H").CompletionText | Should -BeNullOrEmpty
            $script:renamed = Get-ResidencyPolicy -Path $file
            (Get-Completion 'Get-DataResidency -Policy $script:renamed -Product Freshworks').CompletionText | Should -Contain "'Freshworks HR'"
        }
    }

    Context 'Hostile input' {
        BeforeAll { $script:policyBefore = (Get-ResidencyPolicy).Sha256 }

        # Nothing a hostile input did may have changed the session's policy.
        AfterAll { (Get-ResidencyPolicy).Sha256 | Should -Be $script:policyBefore }

        It 'refuses $null and empty names at binding, naming the parameter' -ForEach @(
            @{ Command = { Get-DataResidency -Product $null -ErrorAction Stop } }
            @{ Command = { Get-DataResidency -Product '' -ErrorAction Stop } }
            @{ Command = { Test-EeaBoundary -ExcludeDataCategory '' -ErrorAction Stop } }
            @{ Command = { Test-EeaBoundary -Product Freshdesk -WaiverPath '' -ErrorAction Stop } }
            @{ Command = { ResidencyPS\Get-RetentionPolicy -Subject @() -ErrorAction Stop } }
        ) {
            $Command | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        }

        It 'reports an invalid wildcard pattern instead of failing the pipeline' {
            $err = $null
            $r = Get-DataResidency -Product 'Fresh[', 'Freshteam' -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Product | Sort-Object -Unique | Should -Be 'Freshteam'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
            Test-EeaBoundary -Product 'Fresh[' -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
            Get-PolicyStatement -Id 'logs-[' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
        }
    }

    Context 'Paths' {
        It 'takes only file system paths for -Policy: <Command> refuses a Function: path instead of reading ./prompt' -ForEach @(
            @{ Command = 'Get-DataResidency'; Run = { Get-DataResidency -Policy 'Function:/prompt' } }
            @{ Command = 'Get-DataFlow'; Run = { Get-DataFlow -Policy 'Function:/prompt' } }
            @{ Command = 'Compare-ResidencyPolicy'; Run = { Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy) -DifferencePolicy 'Function:/prompt' } }
        ) {
            $folder = Join-Path $TestDrive 'cwd'
            $null = New-Item -ItemType Directory -Force -Path $folder
            Copy-Item -LiteralPath (Export-ResidencyPolicy -Path (Join-Path $folder 'prompt') -Embedded -PassThru) -Destination (Join-Path $folder 'prompt') -ErrorAction SilentlyContinue
            $previous = [Environment]::CurrentDirectory
            [Environment]::CurrentDirectory = $folder
            try {
                $Run | Should -Throw "*-Policy takes a policy object or the path of a policy file*'Function:/prompt' is a Function path; only file system paths are accepted*"
            }
            finally {
                [Environment]::CurrentDirectory = $previous
            }
        }

        It 'writes through a unique temporary file: a file named like the old fixed temporary name is left alone, and none is left behind' {
            $target = Join-Path $TestDrive 'atomic.json'
            Set-Content -LiteralPath "$target.tmp" -Value 'not mine'
            Export-ResidencyPolicy -Path $target -Embedded
            Export-ResidencyReport -Path (Join-Path $TestDrive 'atomic.md')
            Get-Content -LiteralPath "$target.tmp" | Should -Be 'not mine'
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.tmp' | Where-Object Name -NE 'atomic.json.tmp') | Should -BeNullOrEmpty
        }

        It 'gives a FileNotWritten error naming the path as given for a missing folder or a folder given as the file (<Case>)' -ForEach @(
            @{ Case = 'missing folder'; Policy = 'no-such-folder/policy.json'; Report = 'no-such-folder/report.html' }
            @{ Case = 'a folder'; Policy = 'a-folder'; Report = 'a-folder.html' }
        ) {
            $null = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'a-folder'), (Join-Path $TestDrive 'a-folder.html')
            $policyPath = Join-Path $TestDrive $Policy
            $reportPath = Join-Path $TestDrive $Report
            Export-ResidencyPolicy -Path $policyPath -Embedded -ErrorVariable policyErr -ErrorAction SilentlyContinue
            Export-ResidencyReport -Path $reportPath -ErrorVariable reportErr -ErrorAction SilentlyContinue
            foreach ($pair in @(@($policyErr, $policyPath), @($reportErr, $reportPath))) {
                $err, $path = $pair
                $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotWritten,*'
                $err[0].TargetObject | Should -Be $path
                $err[0].Exception.Message | Should -BeLike "Cannot write '$path'*Nothing was changed."
                $err[0].Exception.Message | Should -Not -Match '\.tmp'
            }
        }

        It 'takes a file whose name holds wildcard characters with -LiteralPath, everywhere' {
            $file = Join-Path $TestDrive 'policy[1].json'
            Export-ResidencyPolicy -LiteralPath $file -Embedded
            Test-Path -LiteralPath $file | Should -BeTrue
            (Get-ResidencyPolicy -LiteralPath $file).Sha256 | Should -Be (Get-ResidencyPolicy -Embedded).Sha256
            # Import-ResidencyPolicy changes the process's active policy, which other tests read at the same time:
            # its -LiteralPath is shown to take [ ] literally through the error for a file that is not there.
            Import-ResidencyPolicy -LiteralPath (Join-Path $TestDrive 'policy[2].json') -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'PolicyFileNotFound,ResidencyPS.Commands.ImportResidencyPolicyCommand'
            $err[0].Exception.Message | Should -BeLike '*policy`[2`].json*'
            $report = Join-Path $TestDrive 'report[1].md'
            Export-ResidencyReport -LiteralPath $report
            Test-Path -LiteralPath $report | Should -BeTrue
        }

        It 'refuses a path of another provider, naming the path as given (<Path>)' -ForEach @(
            @{ Path = 'Variable:/residency' }, @{ Path = 'Env:/residency' }, @{ Path = 'Function:/residency' }
        ) {
            Export-ResidencyPolicy -Path $Path -Embedded -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'PathNotFileSystem,ResidencyPS.Commands.ExportResidencyPolicyCommand'
            $err[0].TargetObject | Should -Be $Path
            Export-ResidencyReport -Path $Path -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'PathNotFileSystem,ResidencyPS.Commands.ExportResidencyReportCommand'
            Test-Path -LiteralPath (Join-Path (Get-Location) 'residency') | Should -BeFalse
        }

        It 'writes one InvalidPolicy error per problem, with the file and line, from Import- and Get-ResidencyPolicy alike' {
            $file = Join-Path $TestDrive 'two-problems.json'
            $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $file -Embedded -PassThru) | ConvertFrom-Json
            $json.residency[0].regions = @('MARS'); $json.residency[1].regions = @('VENUS')
            $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file
            Import-ResidencyPolicy -Path $file -ErrorVariable imported -ErrorAction SilentlyContinue # refused: nothing changes
            Get-ResidencyPolicy -Path $file -ErrorVariable described -ErrorAction SilentlyContinue
            $imported.Count | Should -Be 2
            $described.Count | Should -Be 2
            foreach ($err in @($imported) + @($described)) {
                $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPolicy,*'
                $err.ToString() | Should -Match ([regex]::Escape($file) + ': line \d+, position \d+, residency\[\d\]\.regions\[0\]')
            }
            (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
        }
    }

    Context 'Any policy with -Policy' {
        It 'queries another policy side by side with -Policy without touching the session' {
            $file = New-PolicyFile 'side.json' { param($j) ($j.residency | Where-Object { $_.product -eq 'Freshsales' -and $_.category -eq 'DealData' }).regions = @('US') }
            (Get-DataResidency -Policy $file -Product Freshsales -DataCategory 'Deal data').Regions | Should -Be @('US')
            (Get-DataResidency -Product Freshsales -DataCategory 'Deal data').Regions | Should -Be @('US', 'EEA')
            $policy = Get-ResidencyPolicy -Path $file
            (Test-EeaBoundary -Policy $policy Freshsales -DataCategory 'Deal data').Verdict | Should -Be 'Outside'
            (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
        }

        It 'resolves -Policy through the same paths as -Path: a wildcard naming one file, a PSDrive, and clear errors otherwise' {
            $folder = Join-Path $TestDrive 'policies'
            $null = New-Item -ItemType Directory -Force -Path $folder
            $null = Export-ResidencyPolicy -Path (Join-Path $folder 'vendor-a.json') -Embedded
            $null = New-PSDrive -Name RpsPolicies -PSProvider FileSystem -Root $folder -Scope Global
            try {
                (Get-DataResidency Freshdesk -Policy (Join-Path $folder 'vendor-*.json'))[0].Product | Should -Be 'Freshdesk'
                (Get-DataResidency Freshdesk -Policy 'RpsPolicies:/vendor-a.json')[0].Product | Should -Be 'Freshdesk'
                { Get-DataResidency Freshdesk -Policy (Join-Path $folder 'nothing-*.json') } | Should -Throw '*No file matches*nothing-`*.json*'
                { Get-DataResidency Freshdesk -Policy 'Variable:/PSHOME' } | Should -Throw "*'Variable:/PSHOME' is a Variable path; only file system paths are accepted*"
                Copy-Item -LiteralPath (Join-Path $folder 'vendor-a.json') -Destination (Join-Path $folder 'vendor-b.json')
                { Get-DataResidency Freshdesk -Policy (Join-Path $folder 'vendor-*.json') } | Should -Throw '*matches 2 files; name one policy file*'
            }
            finally {
                Remove-PSDrive -Name RpsPolicies -Scope Global
            }
        }

        It 'takes a -Policy file whose name holds brackets, escaped as for -Path, and says a folder is no file' {
            $folder = Join-Path $TestDrive 'bracket'
            $null = New-Item -ItemType Directory -Force -Path $folder
            $null = Export-ResidencyPolicy -LiteralPath (Join-Path $folder 'pol[1].json') -Embedded
            (Get-DataResidency Freshdesk -Policy (Join-Path $folder 'pol`[1`].json'))[0].Product | Should -Be 'Freshdesk'
            { Get-DataResidency Freshdesk -Policy $folder } | Should -Throw "*is a folder; the policy file is a file in it*"
        }

        It 'gives a clear binding error for a -Policy that is not a valid policy' {
            { Get-DataResidency -Policy (Join-Path $TestDrive 'missing.json') -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,ResidencyPS.Commands.GetDataResidencyCommand'
        }
    }

    Context 'Module' {
        It 'offers no online help, since none is published: Get-Help -Online says so instead of opening a dead address' {
            foreach ($command in Get-Command -Module ResidencyPS -CommandType Cmdlet) {
                $command.HelpUri | Should -BeNullOrEmpty -Because "$($command.Name) would open an address that does not exist"
                @((Get-Help $command.Name).relatedLinks.navigationLink | Where-Object { $_.uri }) | Should -BeNullOrEmpty -Because "$($command.Name)'s help links nowhere online"
            }
            { Get-Help Test-EeaBoundary -Online -ErrorAction Stop } | Should -Throw
        }

        It 'shows the module version and the policy commands on Get-Module' {
            $module = Get-Module ResidencyPS
            $module.Version | Should -Be ([version] (Select-Xml -Path (Join-Path $PSScriptRoot '../../Directory.Build.props') -XPath '//Version').Node.InnerText)
            $module.ExportedCmdlets.Keys | Should -Contain 'Get-ResidencyPolicy'
        }
    }

    Context 'The policy text through the cmdlets' {
        It 'cites every table cell, definition and footnote from the fact cmdlets' {
            $cited = @(
                (Get-DataResidency).Source
                (ResidencyPS\Get-RetentionPolicy).Source
                (Get-DataCategory).Source
                (Get-HostingRegion).Source
                (Get-DataResidency | Test-EeaBoundary -UsesIntegrations -CustomMailbox).Findings.Source
            ).Id | Sort-Object -Unique
            $facts = Get-PolicyStatement | Where-Object Kind -In 'TableCell', 'TableRow', 'Footnote'
            $facts | Should -Not -BeNullOrEmpty
            $facts | ForEach-Object { $cited | Should -Contain $_.Id -Because "'$($_.Text)' is a fact of the seed" }
        }

        # The closing sentence (line 99, under the last heading) points to other documents and states no fact.
        It 'cites every sentence of the hosting, backup, SSO, migration and integration sections from the fact cmdlets' {
            $cited = @(
                (Get-DataResidency).Source
                (ResidencyPS\Get-RetentionPolicy).Source
                (Get-HostingRegion).Source
                (Get-DataResidency | Test-EeaBoundary -UsesIntegrations -CustomMailbox).Findings.Source
                (Get-DataResidency | Test-EeaBoundary).Findings.Source
            ).Id | Sort-Object -Unique
            $sections = 'Gegevenshosting', 'Back-up en logboeken', 'Freshworks productoverschrijdende verificatie', 'Gegevensmigratie', 'Integratiegegevens'
            $sentences = Get-PolicyStatement | Where-Object { $_.Kind -eq 'Sentence' -and $_.Section -in $sections -and $_.Id -notlike 'hosting-list-intro-*' -and $_.Text -notlike 'Voor meer informatie*' }
            $sentences | ForEach-Object { $cited | Should -Contain $_.Id -Because "'$($_.Text)' is a fact of the seed" }
        }
    }

    Context 'Verbose output' {
        It 'names the policy that answers, on every query cmdlet (<Command>)' -ForEach @(
            @{ Command = 'Get-DataResidency' }, @{ Command = 'Test-EeaBoundary' }, @{ Command = 'Get-RetentionPolicy' }, @{ Command = 'Get-DataCategory' },
            @{ Command = 'Get-HostingRegion' }, @{ Command = 'Get-PolicyStatement' }
        ) {
            $verbose = & "ResidencyPS\$Command" -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $sha = (Get-ResidencyPolicy -Embedded).Sha256.Substring(0, 12)
            "$($verbose[0])" | Should -Be "Answering from the policy embedded in ResidencyPS: Freshworks 1.0.0, SHA-256 $sha..."
        }

        It 'names a policy file by its path, and says what the names matched' {
            $file = New-PolicyFile 'verbose.json' { param($j) $j.policyVersion = 'v-test' }
            $verbose = @(Get-DataResidency -Policy $file -Product 'Freshs*' -Region EU -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"
            $verbose | Should -Match ([regex]::Escape("Answering from $((Resolve-Path $file).ProviderPath): Freshworks v-test, SHA-256 "))
            $verbose | Should -Match "-Product 'Freshs\*' matched Freshservice, Freshsales\."
            $verbose | Should -Match "-Region 'EU' matched EEA"
        }

        It 'writes nothing verbose without -Verbose' {
            Get-DataResidency -Product Freshdesk 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        }
    }

    Context 'What an 80-column table must still show (issue 23, point 4)' {
        It 'shows the whole Basis word and the region of every boundary result, and marks a waived pass' {
            $PSStyle.OutputRendering = 'PlainText'
            $waivers = Join-Path $TestDrive 'views-waivers.json'
            @{ waivers = @(@{ product = 'Freshsales'; dataCategory = 'Call recordings'; justification = 'Reviewed.'; expires = '2099-12-31' }) } |
                ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $waivers
            $lines = (Test-EeaBoundary Freshsales, Freshservice -HostingRegion US -WaiverPath $waivers -WarningAction SilentlyContinue | Out-String -Width 80) -split "`n"
            ($lines | Where-Object { $_ -match '^Freshservice\s+Asset data\s' }) | Should -Match '\sInferred-table\s+US\s*$'
            ($lines | Where-Object { $_ -match 'Authentication' } | Select-Object -First 1) | Should -Match '\sUS\s*$'
            $lines = (Test-EeaBoundary Freshsales -DataCategory 'Call recordings' -WaiverPath $waivers | Out-String -Width 80) -split "`n"
            ($lines | Where-Object { $_ -match '^Freshsales' }) | Should -Match 'Transient\s+Waived\s+Inferred-text\s+EEA\s*$'
        }

        It 'says Unknown where the policy text states no region, and the English beside the Dutch source in the list' {
            $PSStyle.OutputRendering = 'PlainText'
            (Get-DataResidency Freshdesk -DataCategory 'Authentication and profile data' | Out-String -Width 80) | Should -Match 'Authentication and profile data\s+Unknown\s+Stated'
            (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' | Format-List | Out-String -Width 200) |
                Should -Match ([regex]::Escape('line 31: Beschikbaar in de VS, EER, IND en AU (Available in the US, EEA, IND and AU)'))
        }
    }

    Context 'Tables at 80 and 120 columns' {
        BeforeAll {
            $script:changed = New-PolicyFile 'views.json' { param($j) $j.residency[0].regions = @('US'); $j.policyVersion = '2.0.0' }
            function Get-Table([scriptblock] $Command, [int] $Width, [string] $View) {
                $p = @{}; if ($View) { $p.View = $View }
                $PSStyle.OutputRendering = 'PlainText'
                @((& $Command | Format-Table @p | Out-String -Width $Width) -split "`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ -and $_ -notmatch '^\s*Product: ' })
            }
        }

        It 'shows <Keys> in one header line, within <Width> columns (<Name>)' -ForEach @(
            foreach ($width in 80, 120) {
                @{ Name = 'Get-DataResidency'; Width = $width; Command = { Get-DataResidency }; Keys = 'Product', 'DataCategory', 'Regions', 'Basis' }
                @{ Name = 'Get-DataResidency ByProduct'; Width = $width; Command = { Get-DataResidency }; View = 'ByProduct'; Keys = 'DataCategory', 'Regions', 'Basis' }
                @{ Name = 'Test-EeaBoundary'; Width = $width; Command = { Test-EeaBoundary }; Keys = 'Product', 'DataCategory', 'Verdict', 'Passed', 'Basis' }
                @{ Name = 'Test-EeaBoundary ByProduct'; Width = $width; Command = { Test-EeaBoundary }; View = 'ByProduct'; Keys = 'DataCategory', 'Verdict', 'Passed', 'Basis', 'Region' }
                @{ Name = 'Test-EeaBoundary -Summary'; Width = $width; Command = { Test-EeaBoundary -Summary }; Keys = 'Product', 'Region', 'Within', 'Transient', 'Outside', 'Unknown', 'NotEval', 'Waived', 'Passed' }
                @{ Name = 'findings'; Width = $width; Command = { (Test-EeaBoundary Freshsales -DataCategory 'Call recordings').Findings }; Keys = 'Effect', 'Dest', 'Duration', 'Message' }
                @{ Name = 'Get-RetentionPolicy'; Width = $width; Command = { ResidencyPS\Get-RetentionPolicy }; Keys = 'Product', 'Subject', 'Region', 'Stored', 'Period', 'After', 'Conflict' }
                @{ Name = 'Get-DataCategory'; Width = $width; Command = { Get-DataCategory }; Keys = 'DataCategory', 'NameNl', 'Products' }
                @{ Name = 'Get-HostingRegion'; Width = $width; Command = { Get-HostingRegion }; Keys = 'Code', 'Name', 'NameNl', 'Countries' }
                @{ Name = 'Get-PolicyStatement'; Width = $width; Command = { Get-PolicyStatement }; Keys = 'Line', 'Id', 'Text' }
                @{ Name = 'Get-ResidencyPolicy'; Width = $width; Command = { Get-ResidencyPolicy }; Keys = 'Vendor', 'Version', 'Effective', 'Embedded', 'Products', 'Sha256', 'Origin' }
                @{ Name = 'Compare-ResidencyPolicy'; Width = $width; Command = { Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $script:changed }; Keys = 'Scope', 'Key', 'Change', 'Impact', 'OldValue', 'NewValue' }
            }
        ) {
            $lines = Get-Table $Command $Width $View
            $header = $lines[0]
            foreach ($key in $Keys) { $header | Should -Match "(^|\s)$([regex]::Escape($key))(\s|$)" -Because "$Name at $Width columns shows $key" }
            $lines[1] | Should -Match '^-+( +-+)*$' -Because 'the header is one line, not wrapped'
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual $Width
        }
    }
}

Describe 'Several vendors at once (issue 22, point 1)' {
    BeforeAll {
        # Two fictional vendors that share a product name (Sharedesk), as two real vendors' products can.
        $acme = New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA'); 'Usage data' = @('US') }; Sharedesk = @{ 'Ticket data' = @('EEA') } }
        $globex = New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('US', 'EEA') }; Sharedesk = @{ 'Ticket data' = @('US') } }
        Import-ResidencyPolicy $acme, $globex
        $script:queries = 'Get-DataResidency', 'Get-DataCategory', 'Get-DataFlow', 'Get-HostingRegion', 'Get-PolicyStatement', 'Get-RetentionPolicy', 'Test-EeaBoundary'
    }
    AfterAll { Import-ResidencyPolicy -Default }

    It 'gives every query cmdlet -Vendor, with wildcards and completion' {
        foreach ($name in $queries + 'Export-ResidencyReport', 'Import-ResidencyResult', 'Get-ResidencyPolicy') {
            (Get-Command $name).Parameters.ContainsKey('Vendor') | Should -BeTrue -Because $name
        }
        (Get-Completion 'Get-DataResidency -Vendor Ac').CompletionText | Should -Be "'Acme Widgets (fictional)'"
        # With -Vendor typed, names complete from that vendor's policy only.
        (Get-Completion 'Get-DataResidency -Vendor Globex* -Product ').CompletionText | Should -Be @('Gizmo', 'Sharedesk')
        (Get-Completion 'Get-DataResidency -Product Wid').CompletionText | Should -Be 'Widgetry'
    }

    It 'answers from every active policy, each object carrying its vendor' {
        (Get-DataResidency -Product Widgetry, Gizmo).Vendor | Sort-Object -Unique | Should -Be @('Acme Widgets (fictional)', 'Globex (fictional)')
        (Get-HostingRegion -Code EEA).Vendor | Should -Be @('Freshworks', 'Acme Widgets (fictional)', 'Globex (fictional)')
        (Get-DataCategory -DataCategory 'Gizmo data').Vendor | Should -Be 'Globex (fictional)'
        (Get-PolicyStatement -Vendor Acme* -Search '30 days').Vendor | Should -Be 'Acme Widgets (fictional)'
        (Get-RetentionPolicy -Product Gizmo).Vendor | Sort-Object -Unique | Should -Be 'Globex (fictional)'
        (Get-DataFlow -Product Widgetry -DataCategory 'Usage data').Vendor | Sort-Object -Unique | Should -Be 'Acme Widgets (fictional)'
        (Get-DataResidency -Vendor Globex* -Product Sharedesk).Regions | Should -Be 'US'
    }

    It 'refuses a product name two vendors share, naming both, until -Vendor says whose it is' -ForEach @(
        @{ Command = 'Get-DataResidency' }, @{ Command = 'Get-DataCategory' }, @{ Command = 'Get-DataFlow' }, @{ Command = 'Get-RetentionPolicy' }
    ) {
        $err = $null
        $out = & $Command -Product Sharedesk -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AmbiguousProduct,*'
        $err[0].TargetObject | Should -Be 'Sharedesk'
        $err[0].Exception.Message | Should -Match 'Acme Widgets \(fictional\) and Globex \(fictional\)'
        @(& $Command -Product Sharedesk -Vendor 'Acme Widgets (fictional)').Count | Should -BeGreaterThan 0
    }

    It 'writes one error for a name no active policy knows, and none for a name one of them knows' {
        $err = $null
        Get-DataResidency -Product Nope -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
        $err = $null
        Get-DataResidency -DataCategory 'Widget data' -ErrorVariable err | Should -Not -BeNullOrEmpty
        $err.Count | Should -Be 0
        Get-HostingRegion -Code APAC -ErrorVariable err | Should -Not -BeNullOrEmpty
        $err.Count | Should -Be 0
    }

    It 'names a vendor with no active policy in a VendorNotFound error, and answers nothing for it' {
        $err = $null
        Get-DataResidency -Vendor Initech -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'VendorNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
        $err[0].TargetObject | Should -Be 'Initech'
        Get-DataResidency -Vendor 'Nope*' -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
        # With -Policy, -Vendor must name that policy's vendor.
        Get-DataResidency -Policy (Get-ResidencyPolicy -Embedded) -Vendor Globex* | Should -BeNullOrEmpty
    }

    It 'writes one report of several vendors in every format but SARIF, and reads its result file back row for row (point 3)' {
        $rows = 'Vendor,Product,DataCategory,Owner', 'Globex (fictional),Sharedesk,Ticket data,ops', ',Widgetry,Usage data,sales', 'Freshworks,Freshdesk,Ticket data,support' |
            ConvertFrom-Csv
        $results = $rows | Test-EeaBoundary
        foreach ($name in 'estate.html', 'estate.md', 'estate.csv', 'estate.json', 'estate.xml') {
            $file = $results | Export-ResidencyReport -Path (Join-Path $TestDrive $name) -PassThru
            $file.Length | Should -BeGreaterThan 0 -Because $name
        }
        $html = Get-Content -Raw -LiteralPath (Join-Path $TestDrive 'estate.html')
        $html | Should -Match '<h2 id="vendor-2">Acme Widgets \(fictional\)</h2>'
        $html | Should -Match '<th>Vendor</th><th>Product</th>'
        (Import-Csv -LiteralPath (Join-Path $TestDrive 'estate.csv')).PolicyVendor | Should -Be 'Globex (fictional)', 'Acme Widgets (fictional)', 'Freshworks'
        $back = Import-ResidencyResult -LiteralPath (Join-Path $TestDrive 'estate.json')
        $back.PolicyVendor | Should -Be 'Globex (fictional)', 'Acme Widgets (fictional)', 'Freshworks'
        $back.InputColumns.Owner | Should -Be 'ops', 'sales', 'support'
        ($back | Export-ResidencyReport -Path (Join-Path $TestDrive 'again.md') -PassThru).Length | Should -BeGreaterThan 0
        # Read back only with each of its policies: without Globex's, nothing of it is read.
        Remove-ResidencyPolicy -Vendor Globex*
        try {
            $err = $null
            Import-ResidencyResult -LiteralPath (Join-Path $TestDrive 'estate.json') -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'PolicyMismatch,ResidencyPS.Commands.ImportResidencyResultCommand'
            $err[0].Exception.Message | Should -Match 'Globex \(fictional\) test'
        }
        finally { Import-ResidencyPolicy $globex }
        # SARIF covers one policy: refused, and no file is written.
        $err = $null
        $results | Export-ResidencyReport -Path (Join-Path $TestDrive 'estate.sarif') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'SeveralPoliciesActive,ResidencyPS.Commands.ExportResidencyReportCommand'
        Test-Path (Join-Path $TestDrive 'estate.sarif') | Should -BeFalse
        # One vendor's results are that vendor's report, as before.
        $acmeOnly = $results | Where-Object PolicyVendor -Like 'Acme*'
        ($acmeOnly | Export-ResidencyReport -Path (Join-Path $TestDrive 'acme.sarif') -PassThru).Length | Should -BeGreaterThan 0
        # The controller's answers name one policy's products.
        { $results | Export-ResidencyReport -Path (Join-Path $TestDrive 'a30.html') -Format Article30 -ControllerPath (Join-Path $TestDrive 'nope.json') } |
            Should -Throw -ErrorId 'SeveralPoliciesActive,ResidencyPS.Commands.ExportResidencyReportCommand'
    }

    It 'returns each file it writes as Get-Item does, so -PassThru pipes on into Get-Content' {
        $report = Export-ResidencyReport -Path (Join-Path $TestDrive 'piped.md') -Vendor Acme* -PassThru
        $report.PSPath | Should -Not -BeNullOrEmpty
        ($report | Get-Content -TotalCount 1) | Should -Match '^# Data residency report'
        (Export-ResidencyPolicy -Path (Join-Path $TestDrive 'piped.json') -Embedded -PassThru | Get-Content -Raw | ConvertFrom-Json).vendor | Should -Be 'Freshworks'
    }

    It 'reports every active policy when nothing is piped' {
        $file = Export-ResidencyReport -Path (Join-Path $TestDrive 'all.md') -PassThru
        $text = Get-Content -Raw -LiteralPath $file
        foreach ($vendor in 'Freshworks', 'Acme Widgets \(fictional\)', 'Globex \(fictional\)') { $text | Should -Match "(?m)^## $vendor$" }
        (Export-ResidencyReport -Path (Join-Path $TestDrive 'globex.md') -Vendor Globex* -PassThru | Get-Content -Raw) | Should -Match '^# Data residency report\\: Globex \(fictional\)'
    }

    It 'compares a policy file with the active policy of its own vendor' {
        $changed = New-FictionalPolicyFile 'acme-changed' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('US'); 'Usage data' = @('US') }; Sharedesk = @{ 'Ticket data' = @('EEA') } }
        $differences = Compare-ResidencyPolicy -ReferencePolicy $changed
        $differences | Where-Object Impact -EQ 'Weakens' | Should -BeNullOrEmpty -Because 'the active Acme policy keeps Widget data in the EEA'
        ($differences | Where-Object Impact -EQ 'Strengthens') | Should -Not -BeNullOrEmpty
        $initech = New-FictionalPolicyFile 'initech' 'Initech (fictional)' @{ Thing = @{ 'Thing data' = @('US') } }
        $thrown = { Compare-ResidencyPolicy -ReferencePolicy $initech } | Should -Throw -ErrorId 'SeveralPoliciesActive,ResidencyPS.Commands.CompareResidencyPolicyCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'no active policy is of the reference policy.s vendor, Initech \(fictional\)\. Give one with -DifferencePolicy'
    }

    It 'runs the gate over several vendors: each row against its vendor, one set of reports (point 3)' {
        $inventory = Join-Path $TestDrive 'inventory.csv'
        'Vendor,Product,DataCategory,HostingRegion', 'Acme Widgets (fictional),Widgetry,Widget data,EEA', 'Globex (fictional),Gizmo,Gizmo data,EEA', 'Initech,Thing,,EEA' |
            Set-Content -LiteralPath $inventory
        $log = $null
        $result = Invoke-ResidencyCheck -Path $inventory -OutputDirectory (Join-Path $TestDrive 'gate') -PassThru -ErrorAction SilentlyContinue -InformationVariable log -InformationAction Ignore
        $result.Outcome | Should -Be 'NotPassed'
        $result.Results | Should -Be 3
        $result.Passed | Should -Be 2
        $result.NotEvaluated | Should -Be 1
        $result.PolicyVendor | Should -Be 'Freshworks, Acme Widgets (fictional), Globex (fictional)'
        $result.PolicySha256 | Should -BeNullOrEmpty
        ($log -join "`n") | Should -Match 'against the policies of Acme Widgets \(fictional\) test \(SHA-256 [0-9a-f]{12}…\), Globex \(fictional\) test'
        (Import-ResidencyResult -LiteralPath (Join-Path $TestDrive 'gate/residency.json')).PolicyVendor | Should -Be 'Acme Widgets (fictional)', 'Globex (fictional)', 'Freshworks'
    }
}
