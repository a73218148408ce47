BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A FICTIONAL vendor's text, written for this spec; no vendor published it.
    $script:FictionalText = @(
        'Nimbus Notes (fictional) keeps your notes for you.'
        ''
        '# Where we host'
        ''
        'Notes are stored in the EU region.'
        '   '
        '## Logs'
        'Logs are kept for 30 days.'
    )

    # The vendor's text in $TestDrive, as UTF-8 without a byte order mark on every PowerShell.
    function New-VendorText([string] $Name, [string[]] $Lines = $script:FictionalText) {
        $path = Join-Path $TestDrive $Name
        [IO.File]::WriteAllText($path, (($Lines -join "`n") + "`n"), [Text.UTF8Encoding]::new($false))
        $path
    }

    function New-Policy([string] $Name, [string] $Source, [hashtable] $More = @{}) {
        $target = Join-Path $TestDrive $Name
        New-ResidencyPolicy -Path $target -Vendor 'Nimbus Notes' -SourcePath $Source -Language en @More
    }
}

Describe 'New-ResidencyPolicy' {
    AfterEach { Import-ResidencyPolicy -Default }

    It 'writes every non-blank line verbatim with its line, returns the file, and Import-ResidencyPolicy names each gap at its line until it is filled in' {
        $source = New-VendorText 'nimbus.txt'
        $file = New-Policy 'nimbus.json' $source @{ SourceUri = 'https://example.com/nimbus/hosting'; RetrievedDate = [datetime]'2026-12-01' }
        $file | Should -BeOfType [IO.FileInfo]
        $file.FullName | Should -Be (Join-Path $TestDrive 'nimbus.json')

        $json = Get-Content -Raw -LiteralPath $file.FullName | ConvertFrom-Json
        $json.statements.line | Should -Be 1, 3, 5, 7, 8
        $json.statements.id | Should -Be 'line-0001', 'line-0003', 'line-0005', 'line-0007', 'line-0008'
        $json.statements.text | Should -Be $script:FictionalText[0, 2, 4, 6, 7]
        $json.statements.section | Should -Be '(no heading)', 'Where we host', 'Where we host', 'Logs', 'Logs'
        $json.statements.kind | Should -Be 'Sentence', 'Heading', 'Sentence', 'Heading', 'Sentence'
        $json.source.url | Should -Be 'https://example.com/nimbus/hosting'
        $json.source.retrieved | Should -Be '2026-12-01'
        $json.source.document | Should -Be 'nimbus.txt'
        $json.source.language | Should -Be 'en'
        foreach ($list in 'regions', 'products', 'categories', 'residency', 'subjects', 'retention', 'rules') {
            @($json.$list).Count | Should -Be 0 -Because "$list holds nothing made up"
        }

        $before = (Get-ResidencyPolicy).Sha256
        $err = $null
        Import-ResidencyPolicy -LiteralPath $file.FullName -ErrorVariable err -ErrorAction SilentlyContinue
        (Get-ResidencyPolicy).Sha256 | Should -Be $before
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidPolicy,ResidencyPS.Commands.ImportResidencyPolicyCommand' }
        $messages = $err.Exception.Message
        $messages.Count | Should -Be 14
        $messages | ForEach-Object { $_ | Should -Match ('^' + [regex]::Escape($file.FullName) + ': line \d+, position \d+, ') }
        @($messages -match 'statements\[2\]\.english: A value is required here: the English rendering of line 5 of the vendor''s text\.').Count | Should -Be 1
        @($messages -match 'regions: At least one entry is required: add each hosting region').Count | Should -Be 1
        @($messages -match 'policyVersion: A value is required here').Count | Should -Be 1
        @($messages -match 'source\.title: A value is required here').Count | Should -Be 1

        # The author fills in what is missing (here: by editing the JSON) and the policy imports.
        $json | Add-Member policyVersion '1.0'
        $json.source | Add-Member title 'Where Nimbus Notes hosts your data (fictional)'
        foreach ($statement in $json.statements) { $statement | Add-Member english $statement.text }
        $json.regions = @([ordered]@{ code = 'EU'; name = 'European Union'; nameNl = 'Europese Unie'; countries = @('DE', 'IE'); basis = 'Stated'; sources = @('line-0005') })
        $json.products = @([ordered]@{ name = 'Nimbus Notes'; basis = 'Stated'; sources = @('line-0001') })
        $json.categories = @([ordered]@{ id = 'Notes'; name = 'Notes'; nameNl = 'Notities'; sources = @('line-0005') })
        $json.residency = @([ordered]@{ product = 'Nimbus Notes'; category = 'Notes'; term = 'Notes'; regions = @('EU'); basis = 'Stated'; sources = @('line-0005') })
        $json.subjects = @([ordered]@{ id = 'Logs'; name = 'Logs'; nameNl = 'Logboeken'; sources = @('line-0008') })
        $json.retention = @([ordered]@{ id = 'logs'; subject = 'Logs'; products = @('Nimbus Notes'); storage = 'HostRegion'
                period = [ordered]@{ value = 30; unit = 'Days'; text = '30 days' }; after = 'NotStated'; basis = 'Stated'; sources = @('line-0008') })
        $json.rules = @([ordered]@{ id = 'Hosting'; when = 'Always'; effect = 'Info'; message = 'Notes stay in the EU.'; basis = 'Stated'; sources = @('line-0005') })
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file.FullName -Encoding utf8

        Import-ResidencyPolicy -LiteralPath $file.FullName -ErrorAction Stop
        # Added beside the embedded Freshworks policy: one active policy per vendor.
        (Get-ResidencyPolicy).Vendor | Should -Be 'Freshworks', 'Nimbus Notes'
        $statements = Get-PolicyStatement -Vendor 'Nimbus Notes'
        $statements.Line | Should -Be 1, 3, 5, 7, 8
        $statements.Text | Should -Be $script:FictionalText[0, 2, 4, 6, 7]
        (Get-DataResidency -Product 'Nimbus Notes').Regions | Should -Be 'EU'
    }

    It 'writes the retrieval date as today in UTC when none is given, and no address when none is given' {
        $file = New-Policy 'today.json' (New-VendorText 'today.txt')
        $json = Get-Content -Raw -LiteralPath $file.FullName | ConvertFrom-Json
        $json.source.retrieved | Should -BeIn @([datetime]::UtcNow.AddMinutes(-5).ToString('yyyy-MM-dd'), [datetime]::UtcNow.ToString('yyyy-MM-dd'))
        $json.source.PSObject.Properties.Name | Should -Not -Contain 'url'
    }

    It 'keeps an existing file unless -Force is given, writes nothing with -WhatIf, and never replaces the vendor''s text' {
        $source = New-VendorText 'keep.txt'
        $target = Join-Path $TestDrive 'keep.json'
        New-ResidencyPolicy -Path $target -Vendor 'Nimbus Notes' -SourcePath $source -Language en -WhatIf
        Test-Path -LiteralPath $target | Should -BeFalse

        Set-Content -LiteralPath $target -Value 'keep me'
        $err = $null
        $out = New-ResidencyPolicy -Path $target -Vendor 'Nimbus Notes' -SourcePath $source -Language en -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        Get-Content -LiteralPath $target | Should -Be 'keep me'
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyFileExists,ResidencyPS.Commands.NewResidencyPolicyCommand'
        $err[0].TargetObject | Should -Be $target
        $err[0].Exception.Message | Should -Match '-Force'

        (New-ResidencyPolicy -Path $target -Vendor 'Nimbus Notes' -SourcePath $source -Language en -Force).Length | Should -BeGreaterThan 100
        (Get-Content -Raw -LiteralPath $target | ConvertFrom-Json).vendor | Should -Be 'Nimbus Notes'

        New-ResidencyPolicy -Path $source -Vendor 'Nimbus Notes' -SourcePath $source -Language en -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyFileIsSourceText,ResidencyPS.Commands.NewResidencyPolicyCommand'
        Get-Content -LiteralPath $source | Select-Object -First 1 | Should -Be $script:FictionalText[0]
        Get-ChildItem -LiteralPath $TestDrive -Force -Filter '*.residencyps.tmp' | Should -BeNullOrEmpty
    }

    It 'takes names with wildcard characters literally with -LiteralSourcePath and -LiteralPath, and -Path with wildcards' {
        $source = New-VendorText 'nimbus[1].txt'
        $target = Join-Path $TestDrive 'policy[1].json'
        $file = New-ResidencyPolicy -LiteralPath $target -Vendor 'Nimbus Notes' -LiteralSourcePath $source -Language en
        $file.Name | Should -Be 'policy[1].json'
        (Get-Content -Raw -LiteralPath $target | ConvertFrom-Json).source.document | Should -Be 'nimbus[1].txt'
        (New-ResidencyPolicy -Path (Join-Path $TestDrive 'wild.json') -Vendor 'Nimbus Notes' -SourcePath (Join-Path $TestDrive 'nimbus?1?.txt') -Language EN).Name | Should -Be 'wild.json'
        (Get-Content -Raw -LiteralPath (Join-Path $TestDrive 'wild.json') | ConvertFrom-Json).source.language | Should -Be 'en'
    }

    It 'has the -Path/-LiteralPath sets for the file it writes and -SourcePath/-LiteralSourcePath for the text it reads' {
        $command = Get-Command New-ResidencyPolicy
        $command.ParameterSets.Name | Sort-Object | Should -Be 'LiteralPath', 'LiteralPathLiteralSourcePath', 'Path', 'PathLiteralSourcePath'
        $command.DefaultParameterSet | Should -Be 'Path'
        $command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
        $command.OutputType.Type | Should -Be ([IO.FileInfo])
        { New-ResidencyPolicy -Path x.json -Vendor V -SourcePath a.txt -LiteralSourcePath b.txt -Language en } | Should -Throw -ErrorId 'AmbiguousParameterSet,ResidencyPS.Commands.NewResidencyPolicyCommand'
    }

    Context 'bad input gets one error naming the offending value, and nothing is written' {
        BeforeAll {
            $script:Target = Join-Path $TestDrive 'never.json'
            $script:Good = New-VendorText 'good.txt'
        }

        AfterEach { Test-Path -LiteralPath $script:Target | Should -BeFalse }

        It '<Case>' -ForEach @(
            @{ Case = 'a source file that does not exist'; Id = 'SourceFileNotFound'; Source = 'missing.txt'; Language = 'en'; Message = 'does not exist' }
            @{ Case = 'an empty file'; Id = 'SourceTextEmpty'; Bytes = [byte[]]@(); Language = 'en'; Message = 'empty' }
            @{ Case = 'a text of blank lines only'; Id = 'SourceTextEmpty'; Bytes = [Text.Encoding]::UTF8.GetBytes("  `n`t`n`n"); Language = 'en'; Message = 'no line that is not blank' }
            @{ Case = 'a Windows-1252 text'; Id = 'InvalidSourceText'; Bytes = [byte[]](0x47, 0x72, 0xF6, 0xDF, 0x65, 0x0A); Language = 'de'; Message = 'line 1, position 3.*Windows-1252' }
            @{ Case = 'a binary file'; Id = 'InvalidSourceText'; Bytes = [byte[]](0x89, 0x50, 0x4E, 0x47, 0x00, 0x00); Language = 'en'; Message = 'NUL bytes' }
            @{ Case = 'a text with a terminal escape'; Id = 'InvalidSourceText'; Bytes = [Text.Encoding]::UTF8.GetBytes("ok`nbad `e[2J"); Language = 'en'; Message = 'line 2, position 5.*U\+001B' }
            @{ Case = 'a language that is no ISO 639-1 code'; Id = 'InvalidLanguage'; Language = 'dutch'; Message = 'ISO 639-1' }
            @{ Case = 'a source address that is not http or https'; Id = 'InvalidSourceUri'; Language = 'en'; Uri = 'ftp://example.com/text'; Message = 'http or https' }
            @{ Case = 'a vendor name with a blank around it'; Id = 'InvalidVendorName'; Language = 'en'; Vendor = ' Nimbus'; Message = 'blank' }
        ) {
            $source = if ($null -ne $Bytes) {
                $path = Join-Path $TestDrive ('bad-' + [guid]::NewGuid() + '.txt')
                [IO.File]::WriteAllBytes($path, $Bytes)
                $path
            } elseif ($Source) { Join-Path $TestDrive $Source } else { $script:Good }
            $arguments = @{ Path = $script:Target; Vendor = $(if ($Vendor) { $Vendor } else { 'Nimbus Notes' }); SourcePath = $source; Language = $Language }
            if ($Uri) { $arguments.SourceUri = $Uri }
            $err = $null
            $out = New-ResidencyPolicy @arguments -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "$Id,ResidencyPS.Commands.NewResidencyPolicyCommand"
            $expectedTarget = switch ($Id) { 'InvalidLanguage' { $Language } 'InvalidSourceUri' { [uri]$Uri } 'InvalidVendorName' { $Vendor } default { $source } }
            $err[0].TargetObject | Should -Be $expectedTarget
            $(if ($err[0].ErrorDetails) { $err[0].ErrorDetails.Message } else { $err[0].Exception.Message }) | Should -Match $Message
        }

        It 'a text too large for a policy file' {
            $path = Join-Path $TestDrive 'large.txt'
            [IO.File]::WriteAllText($path, ('a' * (4MB + 1)))
            $err = $null
            New-ResidencyPolicy -Path $script:Target -Vendor 'Nimbus Notes' -SourcePath $path -Language en -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'SourceTextTooLarge,ResidencyPS.Commands.NewResidencyPolicyCommand'
            $err[0].TargetObject | Should -Be $path
            $err[0].Exception.Message | Should -Match '4,194,304'
        }
    }
}
