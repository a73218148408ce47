BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Test-EeaBoundary' {
    It 'keeps testing the rows after one whose product holds half a surrogate pair, and shows that row inert' {
        # A string built in a script can hold a lone surrogate; its error message once threw and ended the pipeline.
        $rows = [pscustomobject]@{ Product = "Fresh$([char]0xD800)x"; DataCategory = 'Ticket data'; HostingRegion = 'EEA' },
            [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'EEA' }
        $results = @($rows | Test-EeaBoundary -ErrorAction SilentlyContinue -ErrorVariable problems)
        ($results | ForEach-Object { '{0} {1}' -f $_.InputRow, $_.Verdict }) | Should -Be '1 NotEvaluated', '2 Within'
        $problems[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $problems[0].ToString() | Should -BeLike '*Fresh\uD800x*'
    }

    It 'tests every category of the product against EEA hosting by default' {
        $results = Test-EeaBoundary -Product Freshchat
        $results.DataCategory | Should -Be (Get-DataResidency -Product Freshchat).DataCategory
        $results | ForEach-Object {
            $_ | Should -BeOfType ([ResidencyPS.EeaBoundaryResult])
            $_.HostingRegion | Should -Be 'EEA'
            $_.StaysInEea | Should -Be ($_.Verdict -eq 'Within')
        }
    }

    It 'reports findings that name the rule, effect, destination, duration, message and source sentence' {
        $r = Test-EeaBoundary Freshsales -DataCategory 'Call recordings'
        $r.Verdict | Should -Be ([ResidencyPS.Verdict]::Transient)
        $transit = $r.Findings | Where-Object Rule -EQ 'CallRecordingTransit'
        $transit.Effect | Should -Be 'Transient'
        $transit.Destination | Should -Be 'US'
        $transit.Duration | Should -Be ([timespan]::FromMinutes(10))
        $transit.DurationText | Should -Be '10 minuten'
        $transit.Message | Should -Match 'routed to the EEA'
        $transit.SourceText | Should -BeLike '*tijdelijk vastgehouden gedurende 10 minuten*'
    }

    It 'surfaces the Freshdesk footnote conflict instead of hiding it' {
        $r = Test-EeaBoundary Freshdesk -DataCategory 'Opnames van gesprekken'
        $r.Verdict | Should -Be 'Outside'
        $r.Findings.Rule | Should -Contain 'CallRecordingFootnoteConflict'
    }

    It 'says Unknown, not a guess, for SSO authentication data' {
        (Test-EeaBoundary Freshteam -DataCategory 'Authentication and profile data').Verdict | Should -Be 'Unknown'
    }

    It 'puts everything outside with -UsesIntegrations' {
        Test-EeaBoundary Freshdesk -UsesIntegrations | ForEach-Object { $_.Verdict | Should -Be 'Outside' }
    }

    It 'passes e-mail messages only with -CustomMailbox, the one set-up the policy text promises it for' {
        Test-EeaBoundary Freshsales -DataCategory 'E-mail messages' -Quiet | Should -BeExactly $false
        Test-EeaBoundary Freshsales -DataCategory 'E-mail messages' -CustomMailbox -Quiet | Should -BeExactly $true
        $r = Test-EeaBoundary Freshsales -DataCategory 'Lead data'
        $r.Verdict | Should -Be 'Within'
        ($r.Findings | Where-Object Rule -EQ Hosting).Message | Should -BeLike '*hosted inside the EEA.'
        ($r.Findings | Where-Object Rule -EQ WithoutCustomMailbox).Source.Line | Should -Be 21
    }

    It 'warns once per product and region that the policy text does not offer the product there' {
        $warnings = $null
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Product = 'Freshteam'; DataCategory = 'Employee data' } }
        $results = $rows | Test-EeaBoundary -WarningVariable warnings -WarningAction SilentlyContinue
        $results.Count | Should -Be 3
        @($warnings | Where-Object Message -Like 'The policy text offers*').Count | Should -Be 1
        $warnings[0].Message | Should -BeLike 'The policy text offers Freshteam only in US, not in EEA*'
        @($warnings | Where-Object Message -Like 'Input rows*').Count | Should -Be 2  # rows 2 and 3 repeat row 1
        Test-EeaBoundary Freshsales -HostingRegion IND -DataCategory 'Lead data' -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings[0].Message | Should -BeLike 'The policy text offers Freshsales only in US, EEA, not in IND*'
        Test-EeaBoundary Freshdesk -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -BeNullOrEmpty
    }

    It 'adds the custom mailbox finding with -CustomMailbox' {
        $r = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -CustomMailbox
        $r.Verdict | Should -Be 'Within'
        ($r.Findings | Where-Object Rule -EQ CustomMailbox).Source.Text | Should -BeLike 'Voor klanten gehost in de EER met een aangepaste mailbox*'
    }

    It 'accepts a hosting region by code, Dutch name or member country' {
        (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion VS).Verdict | Should -Be 'Outside'
        (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion 'Europese Economische Ruimte').HostingRegion | Should -Be 'EEA'
        (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion NO).HostingRegion | Should -Be 'EEA'
    }

    It 'returns one boolean per input with -Quiet' {
        Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -Quiet | Should -BeExactly $true
        Test-EeaBoundary Freshdesk -Quiet | Should -BeExactly $false
        $answers = [pscustomobject]@{ Product = 'Freshteam' }, [pscustomobject]@{ Product = 'Freshsales' } | Test-EeaBoundary -DataCategory 'Reporting data', 'Lead data' -Quiet -ErrorAction SilentlyContinue
        $answers.Count | Should -Be 2
        $answers | ForEach-Object { $_ | Should -BeOfType ([bool]) }
    }

    It 'takes an inventory from Import-Csv straight from the pipeline' {
        $csv = Join-Path $TestDrive 'inventory.csv'
        @(
            [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticketgegevens'; HostingRegion = 'EEA' }
            [pscustomobject]@{ Product = 'Freshworks CRM'; DataCategory = 'Call recordings'; HostingRegion = 'EER' }
            [pscustomobject]@{ Product = 'Freshteam'; DataCategory = 'Employee data'; HostingRegion = 'US' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        $results = Import-Csv $csv | Test-EeaBoundary
        $results.Verdict | Should -Be @('Within', 'Transient', 'Outside')
        $results[1].Product | Should -Be 'Freshsales'
        (Import-Csv $csv | Test-EeaBoundary -Quiet) | Should -Be @($true, $false, $false)
    }

    It 'chains from Get-DataResidency' {
        $r = Get-DataResidency -Product Freshcaller | Test-EeaBoundary
        $r.Count | Should -Be (Get-DataResidency -Product Freshcaller).Count
    }

    It 'reports a category the product does not hold as a NotEvaluated row, and goes on with the rest' {
        $err = $null
        $r = Test-EeaBoundary Freshteam -DataCategory 'Ticket data', 'Employee data' -ErrorVariable err -ErrorAction SilentlyContinue
        $r.DataCategory | Should -Be @('Ticket data', 'Employee data')
        $r.Verdict | Should -Be @('NotEvaluated', 'Outside')
        $err[0].FullyQualifiedErrorId | Should -Be 'DataCategoryNotInProduct,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].TargetObject | Should -Be 'Ticket data'
        $err[0].Exception.Message | Should -Match 'Its data categories are: Employee data'
        $r[0].Findings[0].Message | Should -Be $err[0].Exception.Message
    }

    It 'reports an unknown hosting region with what is accepted, and the row as NotEvaluated' {
        $err = $null
        $r = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion Mars -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Verdict | Should -Be 'NotEvaluated'
        $r.HostingRegion | Should -Be 'Mars'
        $r.Passed | Should -BeFalse
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'HostingRegionNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].Exception.Message | Should -Match 'Accepted: US, EEA, IND, AU'
    }

    It 'answers false, with the error, for an unknown product under -Quiet' {
        $err = $null
        Test-EeaBoundary Freshdsk -Quiet -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeExactly $false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ProductNotFound,*'
    }

    Context 'Inventory rows are names, never patterns' {
        # A cell holding *, ?, [ or ] once matched nothing as a pattern and vanished without an error: the nightly
        # check then passed with rows it never tested. Every row now comes out, and one that names nothing fails.
        It 'gives every piped row a result, and a NotEvaluated one with ProductNotFound for a cell that names nothing' {
            $csv = Join-Path $TestDrive 'wild-inventory.csv'
            $cells = 'Freshdesk', '*', 'Fresh?esk', '[', ']', 'Helpdesk [EU]', 'Fresh`*'
            $cells | ForEach-Object { [pscustomobject]@{ Product = $_; DataCategory = 'Ticket data' } } | Export-Csv -Path $csv -NoTypeInformation
            $err = $null
            $results = @(Import-Csv $csv | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue)
            $results.Product | Should -Be $cells
            $results[0].Verdict | Should -Be 'Within'
            $results[1..6].Verdict | Should -Be (@('NotEvaluated') * 6)
            $err.Count | Should -Be 6
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand' }
            $err.TargetObject | Should -Be $cells[1..6]
            $err[0].Exception.Message | Should -Match 'matched literally'
            @(Import-Csv $csv | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue) | Should -Be @($true, $false, $false, $false, $false, $false, $false)
        }

        It 'treats a piped string, a category cell and a hosting-region cell literally too' {
            $err = $null
            $r = '*' | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ProductNotFound,*'

            $r = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket*' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $r.DataCategory | Should -Be 'Ticket*'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'DataCategoryNotFound,*'

            $r = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'E*' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'HostingRegionNotFound,*'
        }

        It 'finds a product whose real name holds brackets from a piped row' {
            $path = New-PolicyFile 'bracket-name.json' { param($p) $p.products[0].aliases = @('Helpdesk [EU]') }
            $r = [pscustomobject]@{ Product = 'Helpdesk [EU]'; DataCategory = 'Ticket data' } | Test-EeaBoundary -Policy $path
            $r.Product | Should -Be 'Freshdesk'
            $r.Verdict | Should -Be 'Within'
        }

        It 'tests no row that names the hosting region or the category twice with different values' {
            $err = $null
            $rows = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'EEA'; Region = 'US' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; Category = 'Forum data'; HostingRegion = 'EEA' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'EEA'; Region = 'eea' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = ''; Region = 'US' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = ''; Category = 'Call recordings' }
            $r = $rows | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be @('NotEvaluated', 'NotEvaluated', 'Within', 'NotEvaluated', 'NotEvaluated')
            $err.Count | Should -Be 4
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ConflictingColumns,ResidencyPS.Commands.TestEeaBoundaryCommand' }
            $err[0].Exception.Message | Should -BeLike "*HostingRegion 'EEA', Region 'US'*"
            @($rows | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue) | Should -Be @($false, $false, $true, $false, $false)
        }

        It 'takes Get-DataCategory objects: each category for every product that holds it, one input row each' {
            $r = Get-DataCategory 'Call recordings', 'E-mail messages' | Test-EeaBoundary
            ($r | ForEach-Object { '{0} {1} {2}' -f $_.InputRow, $_.Product, $_.DataCategory }) |
                Should -Be @('1 Freshdesk Call recordings', '1 Freshsales Call recordings', '1 Freshcaller Call recordings', '2 Freshsales E-mail messages')
            $err = $null
            [pscustomobject]@{ Product = 'Freshdesk'; Products = 'Freshsales'; DataCategory = 'Ticket data' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue |
                ForEach-Object Verdict | Should -Be 'NotEvaluated'
            $err[0].FullyQualifiedErrorId | Should -Be 'ConflictingColumns,ResidencyPS.Commands.TestEeaBoundaryCommand'
        }

        It 'traces every result to its input row and warns of rows that ask the same question twice' {
            $warnings = $null
            $rows = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Product = 'Zendesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Product = 'Freshsales'; DataCategory = '' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticketgegevens'; HostingRegion = 'EEA' }
            $r = $rows | Test-EeaBoundary -ErrorAction SilentlyContinue -WarningVariable warnings
            $r[0].InputRow | Should -Be 1
            $r[1].InputRow | Should -Be 2
            $r[1].Verdict | Should -Be 'NotEvaluated'
            ($r | Where-Object Product -EQ Freshsales).InputRow | Sort-Object -Unique | Should -Be 3
            $r[-1].InputRow | Should -Be 4
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Be 'Input rows 1 and 4 both ask about Freshdesk / Ticket data hosted in EEA; both are tested and reported.'
            (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data').InputRow | Should -BeNullOrEmpty
            $csv = Join-Path $TestDrive 'rows.csv'
            $r | Export-ResidencyReport -Path $csv
            (Import-Csv -LiteralPath $csv).InputRow | Select-Object -First 3 | Should -Be @('1', '2', '3')
            ($r[0] | Format-List | Out-String) | Should -Match 'InputRow\s+: 1'
        }

        It 'tests no row of another vendor against this policy: it comes out NotEvaluated and can never pass' {
            $err = $null
            $rows = [pscustomobject]@{ Vendor = 'Acme'; Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Vendor = 'freshworks'; Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Vendor = ''; Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ PolicyVendor = 'Zendesk'; Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Provider = 'Acme'; Product = 'Freshdesk'; DataCategory = 'Ticket data' }
            $r = $rows | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be @('NotEvaluated', 'Within', 'Within', 'NotEvaluated', 'NotEvaluated')
            $r[0].Passed | Should -BeFalse
            $err.Count | Should -Be 3
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'VendorMismatch,ResidencyPS.Commands.TestEeaBoundaryCommand' }
            $err[0].TargetObject | Should -Be 'Acme'
            $err[0].Exception.Message | Should -BeLike "*vendor 'Acme'*answers from the policy of Freshworks;*"
            @($rows | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue) | Should -Be @($false, $true, $true, $false, $false)
            # Results and records of this module carry their own vendor and are tested as before.
            (Get-DataResidency Freshdesk 'Ticket data' | Test-EeaBoundary).Verdict | Should -Be 'Within'
        }

        It 'does not drop a row naming a category that -ExcludeDataCategory excludes: it is NotEvaluated' {
            $err = $null
            $rows = [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' },
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Forum data' }
            $r = $rows | Test-EeaBoundary -ExcludeDataCategory 'Ticket data' -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be @('NotEvaluated', 'Within')
            $r[0].DataCategory | Should -Be 'Ticket data'
            $err[0].FullyQualifiedErrorId | Should -Be 'DataCategoryExcluded,ResidencyPS.Commands.TestEeaBoundaryCommand'
            Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -ExcludeDataCategory Ticketgegevens -ErrorAction SilentlyContinue | ForEach-Object Verdict | Should -Be 'NotEvaluated'
            # A row whose every category is excluded still comes out, NotEvaluated.
            $all = (Get-DataResidency Freshdesk).DataCategory
            $r = 'Freshdesk', 'Freshchat' | Test-EeaBoundary -ExcludeDataCategory $all -ErrorVariable err -ErrorAction SilentlyContinue
            ($r | Where-Object InputRow -EQ 1).Verdict | Should -Be 'NotEvaluated'
            ($r | Where-Object InputRow -EQ 2).Verdict | Should -Not -Contain 'NotEvaluated'
            # A $null row is an empty row, not every product.
            $r = 'Freshdesk', $null | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            @($r | Where-Object InputRow -EQ 2).Count | Should -Be 1
            ($r | Where-Object InputRow -EQ 2).Verdict | Should -Be 'NotEvaluated'
            $err[-1].FullyQualifiedErrorId | Should -Be 'ProductNotGiven,ResidencyPS.Commands.TestEeaBoundaryCommand'
            # A wildcard or every category of a product is a set to filter: the exclusion removes from it silently.
            (Test-EeaBoundary Freshdesk -DataCategory Ticket* -ExcludeDataCategory 'Ticket data') | Should -BeNullOrEmpty
            (Test-EeaBoundary Freshdesk -ExcludeDataCategory 'Ticket data').DataCategory | Should -Not -Contain 'Ticket data'
        }

        It 'tests no inventory name with an invisible character, and shows the character in the error' {
            $err = $null
            $r = [pscustomobject]@{ Product = "Fresh$([char]0x200B)desk"; DataCategory = 'Ticket data' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $r.Product | Should -Be 'Fresh\u200Bdesk'
            $err[0].Exception.Message | Should -BeLike "No product named 'Fresh\u200Bdesk' was found. Did you mean 'Freshdesk'*"
        }

        It 'prints no control character of a cell in the error view Windows PowerShell 5.1 shows by default' {
            $ErrorView = 'NormalView'
            $err = $null
            $cells = "x`nPASS: Freshdesk", "$([char]27)]0;pwned$([char]7)$([char]27)[2J", "Fresh$([char]0x202E)desk"
            $cells | ForEach-Object { [pscustomobject]@{ Product = $_ } } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err.Count | Should -Be 3
            $shown = $err | Out-String -Width 200
            $shown -split "`n" | Where-Object { $_ -match '^\s*PASS:' } | Should -BeNullOrEmpty
            $shown | Should -Not -Match "[$([char]27)$([char]7)$([char]0x202E)]"
            $err[0].TargetObject | Should -Be $cells[0]
        }

        It 'reads a fullwidth look-alike as the name it looks like' {
            ([pscustomobject]@{ Product = "$([char]0xFF26)reshdesk"; DataCategory = 'Ticket data' } | Test-EeaBoundary).Product | Should -Be 'Freshdesk'
        }

        It 'keeps wildcards for names typed on the command line' {
            (Test-EeaBoundary -Product 'Fresh?esk' -DataCategory 'Ticket*').Product | Should -Be 'Freshdesk'
            Test-EeaBoundary -Product 'Nothing*' | Should -BeNullOrEmpty
            # -HostingRegion takes a wildcard too (its help says so), which must name exactly one region.
            (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion 'E*').HostingRegion | Should -Be 'EEA'
            $err = $null
            (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion '*' -ErrorVariable err -ErrorAction SilentlyContinue).Verdict | Should -Be 'NotEvaluated'
            "$($err[0])" | Should -BeLike "'`*' names 4 hosting regions*"
            (Get-Command Test-EeaBoundary).Parameters.HostingRegion.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count | Should -Be 1
        }

        It 'gives a product the policy states no data for a NotEvaluated row instead of nothing' {
            $path = New-PolicyFile 'no-records.json' { param($p) $p.residency = @($p.residency | Where-Object product -NE 'Freshteam') }
            $err = $null
            $r = Test-EeaBoundary -Product Freshteam -Policy $path -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $err[0].FullyQualifiedErrorId | Should -Be 'NoDataCategoriesStated,ResidencyPS.Commands.TestEeaBoundaryCommand'
            $err[0].TargetObject | Should -Be 'Freshteam'
            Test-EeaBoundary -Product Freshteam -Policy $path -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }

        It 'matches piped names literally in the query cmdlets, with an error for a row that names nothing' {
            $err = $null
            [pscustomobject]@{ Product = 'Fresh*' } | Get-DataResidency -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
            [pscustomobject]@{ Product = 'Fresh*' } | Get-RetentionPolicy -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetRetentionPolicyCommand'
            [pscustomobject]@{ Product = 'Fresh*' } | Get-DataFlow -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataFlowCommand'
            ([pscustomobject]@{ Product = 'Freshdesk' } | Get-DataResidency).Count | Should -Be (Get-DataResidency -Product Freshdesk).Count
        }
    }

    Context 'Tab completion' {
        It 'offers each product once by its main name when nothing is typed' {
            (Get-Completion 'Test-EeaBoundary -Product ').CompletionText | Should -Be @(
                'Freshdesk', 'Freshservice', 'Freshsales', 'Freshcaller', 'Freshchat', 'Freshteam', 'Freshmarketer')
        }

        It 'narrows categories to the product already on the command line' {
            $texts = (Get-Completion 'Test-EeaBoundary -Product Freshteam -DataCategory ').CompletionText
            $texts | Should -Contain "'Employee data'"
            $texts | Should -Not -Contain "'Ticket data'"
        }
    }

    Context 'Views' {
        It 'groups results by product with the ByProduct view, one group per product' {
            $text = Test-EeaBoundary | Format-Table -View ByProduct | Out-String -Width 80
            ([regex]::Matches($text, 'Product: ')).Count | Should -Be 7
            $text | Should -Match 'DataCategory\s+Verdict\s+Passed\s+Basis\s+Region'
        }

        It 'lists findings and source lines in the list view of a boundary result' {
            $text = Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | Format-List | Out-String -Width 200
            $text | Should -Match '\[Transient\] Recordings are generated in the US'
            $text | Should -Not -Match 'CallRecordingTransit'  # the rule's key is ours, not a word a reader needs
            $text | Should -Match 'line 81: \*opname van gesprekken'
        }
    }

    Context 'Hostile input' {
        It 'gives every pipeline object a result, also those with missing properties or wrong types' {
            $err = $null
            $inputs = @(
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
                [pscustomobject]@{ Name = 'no product property' }
                [pscustomobject]@{ Product = 42 }
                [pscustomobject]@{ Product = 'Freshteam'; DataCategory = 'Employee data'; HostingRegion = 'Mars' }
                [pscustomobject]@{ Product = 'Freshchat'; DataCategory = 'Conversations' }
            )
            $results = $inputs | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $results.Product | Should -Be @('Freshdesk', '', '42', 'Freshteam', 'Freshchat')
            $results.Verdict | Should -Be @('Within', 'NotEvaluated', 'NotEvaluated', 'NotEvaluated', 'Within')
            $err.FullyQualifiedErrorId | Should -Be @('ProductNotGiven,ResidencyPS.Commands.TestEeaBoundaryCommand',
                'ProductNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand', 'HostingRegionNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand')
        }

        It 'tells both faults of a row that names no product and a region that is none, and its target is the row itself' {
            $err = $null
            $null = [pscustomobject]@{ Name = 'x'; Owner = 'alice'; Region = 'Mars' }, $null | Test-EeaBoundary -HostingRegion Mars -ErrorVariable err -ErrorAction SilentlyContinue
            $err.FullyQualifiedErrorId | Should -Be @('HostingRegionNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand', 'ProductNotGiven,ResidencyPS.Commands.TestEeaBoundaryCommand',
                'HostingRegionNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand', 'ProductNotGiven,ResidencyPS.Commands.TestEeaBoundaryCommand')
            $err[1].TargetObject.Owner | Should -Be 'alice'
        }

        It 'compares list cells as PowerShell binds them: two columns naming different regions in lists are a conflict, a listed vendor its name' {
            $rows = '[{"Product":"Freshchat","DataCategory":"Conversations","HostingRegion":["EEA"],"Region":["US"]},' +
                '{"Product":"Freshchat","DataCategory":"Conversations","HostingRegion":["EEA"],"Vendor":["Freshworks"]}]'
            $err = $null
            $results = $rows | ConvertFrom-Json | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $results.Verdict | Should -Be @('NotEvaluated', 'Within')
            $err.FullyQualifiedErrorId | Should -Be 'ConflictingColumns,ResidencyPS.Commands.TestEeaBoundaryCommand'
            $err[0].Exception.Message | Should -Match "HostingRegion 'EEA', Region 'US'"
        }

        It 'gives one boolean per input under -Quiet even when inputs are bad' {
            $answers = @(
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
                [pscustomobject]@{ Product = 'Nope' }
                [pscustomobject]@{ Product = 'Freshteam' }
            ) | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue
            $answers | Should -Be @($true, $false, $false)
        }

        # Security finding 11: records read from one policy were evaluated against another imported in between.
        It 'does not test records of another policy against this one: a PolicyMismatch per record, and every row comes out' {
            $records = Get-DataResidency -Product Freshdesk
            $other = New-PolicyFile 'other.json' { param($j) $j.policyVersion = 'other-1' }
            try {
                Import-ResidencyPolicy $other
                $err = $null
                $results = $records | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
                $results.Count | Should -Be $records.Count
                $results.Verdict | Sort-Object -Unique | Should -Be 'NotEvaluated'
                $err.Count | Should -Be $records.Count
                $err[0].FullyQualifiedErrorId | Should -Be 'PolicyMismatch,ResidencyPS.Commands.TestEeaBoundaryCommand'
                $err[0].Exception.Message | Should -Match 'never mixes two policies'
                $err[0].Exception | Should -BeOfType ([System.InvalidOperationException])
                @($records | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue) -contains $true | Should -BeFalse
                # The same records against their own policy, and rows from a file (which carry no policy), are tested.
                ($records | Test-EeaBoundary -Policy (Get-ResidencyPolicy -Embedded)).Verdict | Should -Not -Contain 'NotEvaluated'
                $records | Export-Csv -LiteralPath (Join-Path $TestDrive 'rows.csv')
                (Import-Csv -LiteralPath (Join-Path $TestDrive 'rows.csv') | Test-EeaBoundary).Verdict | Should -Not -Contain 'NotEvaluated'
            }
            finally { Import-ResidencyPolicy -Default }
        }

        It 'finds a name holding wildcard characters when they are escaped with a backtick' {
            $file = New-PolicyFile 'brackets.json' { param($j) $j.products[0].aliases = @('Helpdesk [EU]') }
            $result = Test-EeaBoundary -Policy $file -Product 'Helpdesk `[EU`]' -DataCategory 'Ticket data'
            $result.Product | Should -Be 'Freshdesk'
            (Get-DataResidency -Policy $file -Product 'Helpdesk `[EU`]').Product | Sort-Object -Unique | Should -Be 'Freshdesk'
            (Get-DataResidency -Policy $file -Product 'Helpdesk `[*').Product | Sort-Object -Unique | Should -Be 'Freshdesk'
            $err = $null
            Get-DataResidency -Policy $file -Product 'Helpdesk [EU]' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }

    Context 'Every product, names from the pipeline (point 1)' {
        It 'tests every product when -Product is omitted, in policy order' {
            $r = Test-EeaBoundary -DataCategory 'Authentication and profile data'
            $r.Product | Should -Be @('Freshdesk', 'Freshservice', 'Freshsales', 'Freshcaller', 'Freshchat', 'Freshteam', 'Freshmarketer')
        }

        It 'takes several products, wildcards, and product names piped in as strings' {
            (Test-EeaBoundary -Product Freshdesk, Freshsales -DataCategory 'Reporting data').Product | Should -Be @('Freshdesk', 'Freshsales')
            (Test-EeaBoundary -Product 'Freshs*' -DataCategory 'Authentication and profile data').Product |
                Should -Be @('Freshservice', 'Freshsales')
            ('Freshdesk', 'Freshsales' | Test-EeaBoundary -DataCategory 'Reporting data').Product | Should -Be @('Freshdesk', 'Freshsales')
            ('Freshdesk', 'Freshsales' | Test-EeaBoundary -DataCategory 'Reporting data' -Quiet) | Should -Be @($true, $true)
        }
    }

    Context 'Blank means not given (point 2)' {
        It 'reads a blank HostingRegion as the EEA and a blank DataCategory as every category of the product' {
            $r = [pscustomobject]@{ Product = 'Freshchat'; DataCategory = ''; HostingRegion = '  ' } | Test-EeaBoundary
            $r.DataCategory | Should -Be (Get-DataResidency -Product Freshchat).DataCategory
            $r.HostingRegion | Sort-Object -Unique | Should -Be 'EEA'
        }

        It 'gives a blank product a NotEvaluated result and a ProductNotGiven error' {
            $err = $null
            $r = [pscustomobject]@{ Product = ''; DataCategory = 'Ticket data' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $r.DataCategory | Should -Be 'Ticket data'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ProductNotGiven,*'
        }
    }

    Context 'Region names people type (point 3)' {
        It 'reads EU, Europe and EER as the EEA region, whose notes say the first two are not the policy text''s' {
            foreach ($name in 'EU', 'Europe', 'EER', 'eu') {
                (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion $name).HostingRegion | Should -Be 'EEA'
            }
            (Get-HostingRegion EU).Notes -join ' ' | Should -Match 'EU and Europe are not names the policy text uses'
        }

        It 'says a country in no hosting region is in none, never a look-alike (<Country>)' -ForEach @(
            @{ Country = 'CH'; Name = 'Switzerland' }, @{ Country = 'GB'; Name = 'United Kingdom' }
        ) {
            $err = $null
            $r = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion $Country -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Verdict | Should -Be 'NotEvaluated'
            $err[0].FullyQualifiedErrorId | Should -Be 'CountryNotInAnyRegion,ResidencyPS.Commands.TestEeaBoundaryCommand'
            $err[0].Exception.Message | Should -BeLike "$Country ($Name) is in none of this policy's hosting regions; it is not in the EEA.*"
            $err[0].Exception.Message | Should -Not -Match 'Did you mean'
        }

        It 'accepts a member country by English name' {
            (Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -HostingRegion Germany).HostingRegion | Should -Be 'EEA'
        }
    }

    Context 'Excluding categories (point 4)' {
        It 'leaves out the categories -ExcludeDataCategory names, by name or wildcard' {
            $r = Test-EeaBoundary Freshdesk -ExcludeDataCategory 'Call recordings', '*berichten', '*gegevensmigratie'
            $r.DataCategory | Should -Not -Contain 'Call recordings'
            $r.DataCategory | Should -Not -Contain 'Chat messages'
            $r.DataCategory | Should -Not -Contain 'Migration data'
            $r.DataCategory | Should -Contain 'Ticket data'
        }
    }

    Context 'Waivers, Passed and -Quiet (points 5 and 6)' {
        BeforeAll {
            function New-WaiverFile([string] $Name, [object[]] $Waivers) {
                $path = Join-Path $TestDrive $Name
                @{ waivers = $Waivers } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path
                $path
            }
            $script:sso = @{ product = '*'; dataCategory = 'Authentication and profile data'; verdict = 'Unknown'; justification = 'SSO reviewed under our DPA.'; approvedBy = 'Privacy office'; expires = '2099-12-31' }
            $script:migration = @{ product = 'Freshdesk'; dataCategory = 'Service-gegevens'; verdict = 'Unknown'; justification = 'No migration planned.'; expires = '2099-12-31' }
        }

        It 'passes Freshdesk with the SSO and migration Unknowns waived, and only then; never with integrations' {
            $file = New-WaiverFile 'w.json' @($sso, $migration)
            $keep = @{ Product = 'Freshdesk'; ExcludeDataCategory = 'Call recordings', 'Chat messages' }
            Test-EeaBoundary @keep -WaiverPath $file -Quiet | Should -BeExactly $true
            Test-EeaBoundary @keep -Quiet | Should -BeExactly $false
            Test-EeaBoundary @keep -WaiverPath $file -UsesIntegrations -Quiet | Should -BeExactly $false
        }

        It 'says under -Verbose which waiver file it read, what a category wildcard matched and which waiver applied (issue 23)' {
            $file = New-WaiverFile 'verbose.json' @($sso)
            $said = Test-EeaBoundary Freshteam -DataCategory 'Auth*', 'Employee data' -WaiverPath $file -Verbose -WarningAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
            $said | Should -Contain "-DataCategory 'Auth*' matched Authentication and profile data (Freshteam)."
            ($said | Where-Object { $_ -like 'Waivers: 1 from *verbose.json (0 expired), SHA-256 *' }).Count | Should -Be 1
            $said | Should -Contain 'Waiver applied to Freshteam / Authentication and profile data (Unknown): SSO reviewed under our DPA.; approved by Privacy office; expires 2099-12-31.'
        }

        It 'marks a waived result Passed with the justification, approver and expiry, and keeps the policy''s verdict' {
            $file = New-WaiverFile 'w.json' @($sso)
            $r = Test-EeaBoundary Freshteam -DataCategory 'Authentication and profile data' -WaiverPath $file
            $r.Verdict | Should -Be 'Unknown'
            $r.StaysInEea | Should -BeFalse
            $r.Waived | Should -BeTrue
            $r.Passed | Should -BeTrue
            $r.WaiverJustification | Should -Be 'SSO reviewed under our DPA.'
            $r.WaiverApprovedBy | Should -Be 'Privacy office'
            $r.WaiverExpires | Should -Be ([datetime] '2099-12-31')
            $within = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -WaiverPath $file -WarningAction SilentlyContinue
            $within.Passed | Should -BeTrue
            $within.Waived | Should -BeFalse
        }

        It 'covers only the verdict a waiver names' {
            $file = New-WaiverFile 'outside.json' @(@{ product = 'Freshteam'; dataCategory = '*'; verdict = 'Transient'; justification = 'x'; expires = '2099-12-31' })
            $r = Test-EeaBoundary Freshteam -DataCategory 'Employee data' -WaiverPath $file -WarningAction SilentlyContinue
            $r.Verdict | Should -Be 'Outside'
            $r.Passed | Should -BeFalse
        }

        It 'ignores an expired waiver with a warning naming it' {
            $expired = $sso.Clone(); $expired.expires = '2020-01-31'
            $file = New-WaiverFile 'expired.json' @($expired)
            $warnings = $null
            $r = Test-EeaBoundary Freshteam -DataCategory 'Authentication and profile data' -WaiverPath $file -WarningVariable warnings -WarningAction SilentlyContinue
            $r.Passed | Should -BeFalse
            ($warnings -join "`n") | Should -Match 'waivers\[0\] \(\* / Authentication and profile data / Unknown, expires 2020-01-31\).*has expired'
        }

        It 'warns, when asked, about waivers whose last day is near, counted in UTC days, and still applies them (issue 22)' {
            $today = [datetime]::UtcNow.Date
            $soon = $sso.Clone(); $soon.expires = $today.AddDays(3).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
            $last = $migration.Clone(); $last.expires = $today.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
            $file = New-WaiverFile 'soon.json' @($soon, $last)
            $keep = @{ Product = 'Freshdesk'; ExcludeDataCategory = 'Call recordings', 'Chat messages'; WaiverPath = $file; Quiet = $true }

            $warnings = $null
            Test-EeaBoundary @keep -WaiverWarningDays 7 -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeExactly $true
            $said = $warnings -join "`n"
            $said | Should -Match ([regex]::Escape("waivers[0] (* / Authentication and profile data / Unknown, expires $($soon.expires))") + '.* expires in 3 days: after that the results it covers no longer pass')
            $said | Should -Match 'waivers\[1\] \(Freshdesk / Service-gegevens / Unknown, .*\) in .*soon\.json expires today \(UTC\): from tomorrow'

            Test-EeaBoundary @keep -WaiverWarningDays 2 -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeExactly $true
            ($warnings -join "`n") | Should -Not -Match 'expires in 3 days'
            ($warnings -join "`n") | Should -Match 'expires today'
            Test-EeaBoundary @keep -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeExactly $true
            ($warnings -join "`n") | Should -Not -Match 'expires (today|in)'
            { Test-EeaBoundary @keep -WaiverWarningDays -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ResidencyPS.Commands.TestEeaBoundaryCommand'
        }

        It 'warns about a waiver that covered none of the results' {
            $file = New-WaiverFile 'stale.json' @($sso, $migration)
            $warnings = $null
            $null = Test-EeaBoundary Freshteam -WaiverPath $file -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings = @($warnings | Where-Object { "$_" -like 'Waiver *' })
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'waivers\[1\] \(Freshdesk / Service-gegevens.*covered none of the results'
        }

        It 'refuses a broken waiver file with located errors, and tests nothing' {
            $file = Join-Path $TestDrive 'broken.json'
            Set-Content -LiteralPath $file -Value (@'
{
  "waivers": [
    { "product": "Freshdsk", "dataCategory": "*", "expires": "30-06-2027", "reason": "x" }
  ]
}
'@)
            $err = $null
            $out = 'not assigned'
            try { $out = Test-EeaBoundary Freshdesk -WaiverPath $file -ErrorVariable err -ErrorAction SilentlyContinue; $stopped = $null }
            catch { $stopped = $_ }
            $stopped.FullyQualifiedErrorId | Should -Be 'WaiverFileInvalid,ResidencyPS.Commands.TestEeaBoundaryCommand'
            $out | Should -Be 'not assigned'
            $invalid = @($err | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'InvalidWaiver,*' })
            $text = $invalid.Exception.Message -join "`n"
            $invalid.Count | Should -Be 4
            $text | Should -Match ([regex]::Escape($file) + ': line 3, position \d+, waivers\[0\]\.reason: Unknown property')
            $text | Should -Match "waivers\[0\]\.product: No product is named 'Freshdsk' in the policy; did you mean 'Freshdesk'"
            $text | Should -Match 'waivers\[0\]\.expires: .30-06-2027. is not a date'
            $text | Should -Match 'waivers\[0\]: A justification is required|waivers\[0\]\.justification: A justification is required'
        }

        It 'stops with WaiverFileNotFound for a missing waiver file' {
            { Test-EeaBoundary Freshdesk -WaiverPath (Join-Path $TestDrive 'none.json') -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'WaiverFileInvalid,ResidencyPS.Commands.TestEeaBoundaryCommand'
        }
    }

    Context 'Summary (point 7)' {
        It 'counts the results of each product and hosting region by verdict' {
            $inventory = @(
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'EEA' }
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Call recordings'; HostingRegion = 'EEA' }
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; HostingRegion = 'US' }
                [pscustomobject]@{ Product = 'Freshdsk'; DataCategory = 'Ticket data'; HostingRegion = 'EEA' }
            )
            $summary = $inventory | Test-EeaBoundary -Summary -ErrorAction SilentlyContinue
            $summary | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.EeaBoundarySummary]) }
            ($summary | ForEach-Object { "$($_.Product)/$($_.HostingRegion)" }) | Should -Be @('Freshdesk/US', 'Freshdesk/EEA', 'Freshdsk/EEA')
            $eea = $summary | Where-Object { $_.Product -eq 'Freshdesk' -and $_.HostingRegion -eq 'EEA' }
            ($eea.Tested, $eea.Within, $eea.Outside, $eea.Passed) | Should -Be @(2, 1, 1, $false)
            ($summary | Where-Object Product -EQ 'Freshdsk').NotEvaluated | Should -Be 1
            $summary[0].PolicySha256 | Should -Be (Get-ResidencyPolicy).Sha256
        }

        It 'refuses -Summary with -Quiet' {
            { Test-EeaBoundary Freshdesk -Summary -Quiet -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,ResidencyPS.Commands.TestEeaBoundaryCommand'
        }
    }

    Context 'No row lost (point 8)' {
        It 'gives one result per inventory row in Export-Csv, blank cells, Dutch names, aliases, EU, typos and unknown products alike' {
            $csv = Join-Path $TestDrive 'inventory.csv'
            Set-Content -LiteralPath $csv -Value @'
Product,DataCategory,HostingRegion
Freshdesk,Ticketgegevens,EEA
Freshworks CRM,Call recordings,EU
Freshdesk Contact Center,Opnames van gesprekken,
Freshteam,Employee data,
Freshdesk,Tiketdata,EEA
Zendesk,Ticket data,EEA
Freshchat,Conversations,CH
Freshsales,Deal data,Europe
'@
            $out = Join-Path $TestDrive 'results.csv'
            Import-Csv $csv | Test-EeaBoundary -ErrorAction SilentlyContinue | Export-Csv -LiteralPath $out -NoTypeInformation
            $rows = Import-Csv $out
            $rows.Count | Should -Be 8
            $rows.Verdict | Should -Be @('Within', 'Transient', 'Transient', 'Outside', 'NotEvaluated', 'NotEvaluated', 'NotEvaluated', 'Within')
            $rows[4].DataCategory | Should -Be 'Tiketdata'
            $rows[5].Product | Should -Be 'Zendesk'
            $rows[6].HostingRegion | Should -Be 'CH'
            ($rows | Where-Object Verdict -EQ NotEvaluated).Passed | Sort-Object -Unique | Should -Be 'False'
        }

        It 'still stops at the first bad row with -ErrorAction Stop' {
            { [pscustomobject]@{ Product = 'Zendesk' } | Test-EeaBoundary -ErrorAction Stop } | Should -Throw -ErrorId 'ProductNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand'
        }
    }

    Context 'Results carry their context (point 9)' {
        It 'names the policy and the assumptions on every result' {
            $r = Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -UsesIntegrations
            $r.PolicyVendor | Should -Be 'Freshworks'
            $r.PolicyVersion | Should -Be (Get-ResidencyPolicy).PolicyVersion
            $r.PolicySha256 | Should -Be (Get-ResidencyPolicy).Sha256
            $r.UsesIntegrations | Should -BeTrue
            $r.CustomMailbox | Should -BeFalse
        }
    }
}

Describe 'Test-EeaBoundary: rows routed by vendor (issue 22, point 2)' {
    BeforeAll {
        # Two fictional vendors that share a product name (Sharedesk), beside the embedded Freshworks policy.
        $acme = New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA'); 'Usage data' = @('US') }; Sharedesk = @{ 'Ticket data' = @('EEA') } }
        $globex = New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('US', 'EEA') }; Sharedesk = @{ 'Ticket data' = @('US') } }
        Import-ResidencyPolicy $acme, $globex
        $script:rows = @(
            [pscustomobject]@{ Vendor = 'Globex (fictional)'; Product = 'Sharedesk'; DataCategory = 'Ticket data'; Owner = 'ops' }
            [pscustomobject]@{ Vendor = ''; Product = 'Widgetry'; DataCategory = 'Usage data'; Owner = 'sales' }
            [pscustomobject]@{ Vendor = 'Freshworks'; Product = 'Freshdesk'; DataCategory = 'Ticket data'; Owner = 'support' }
            [pscustomobject]@{ Vendor = ''; Product = 'Sharedesk'; DataCategory = 'Ticket data'; Owner = 'hr' }
            [pscustomobject]@{ Vendor = 'Initech'; Product = 'Thing'; DataCategory = ''; Owner = 'it' }
            [pscustomobject]@{ Vendor = 'acme widgets (FICTIONAL)'; Product = 'Sharedesk'; DataCategory = 'Ticket data'; Owner = 'legal' }
        )
    }
    AfterAll { Import-ResidencyPolicy -Default }

    It 'tests each row against its vendor''s policy, in input order, and loses none' {
        $err = $null
        $r = $rows | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
        $r.InputRow | Should -Be @(1, 2, 3, 4, 5, 6)
        $r.PolicyVendor[0, 1, 2, 5] | Should -Be @('Globex (fictional)', 'Acme Widgets (fictional)', 'Freshworks', 'Acme Widgets (fictional)')
        $r.Verdict | Should -Be @('Outside', 'Outside', 'Within', 'NotEvaluated', 'NotEvaluated', 'Within')
        $r.InputColumns.Owner | Should -Be @('ops', 'sales', 'support', 'hr', 'it', 'legal')
        $err.FullyQualifiedErrorId | Should -Be @('AmbiguousProduct,ResidencyPS.Commands.TestEeaBoundaryCommand', 'VendorMismatch,ResidencyPS.Commands.TestEeaBoundaryCommand')
        $err[0].Exception.Message | Should -Match "'Sharedesk' is in the policies of Acme Widgets \(fictional\) and Globex \(fictional\).*Vendor column"
        $err[1].Exception.Message | Should -Match "vendor 'Initech' \(column Vendor\).*policies of Freshworks, Acme Widgets \(fictional\), Globex \(fictional\) only"
        $err[1].TargetObject | Should -Be 'Initech'
    }

    It 'never passes an ambiguous or unknown-vendor row: one boolean per row under -Quiet' {
        $rows | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue | Should -Be @($false, $false, $true, $false, $false, $true)
    }

    It 'summarises by vendor and product, in the order the policies became active' {
        # A row of a vendor with no active policy is counted NotEvaluated under the first policy, which refused it.
        $s = $rows | Test-EeaBoundary -Summary -ErrorAction SilentlyContinue
        ($s | ForEach-Object { $_.PolicyVendor + '/' + $_.Product + '/' + $_.Passed }) | Should -Be @(
            'Freshworks/Freshdesk/True', 'Freshworks/Thing/False', 'Acme Widgets (fictional)/Sharedesk/False', 'Acme Widgets (fictional)/Widgetry/False', 'Globex (fictional)/Sharedesk/False')
    }

    It 'routes a typed product name to the one policy that knows it, and a wildcard to every policy' {
        (Test-EeaBoundary -Product Gizmo).PolicyVendor | Sort-Object -Unique | Should -Be 'Globex (fictional)'
        (Test-EeaBoundary -Product '*desk' -DataCategory 'Ticket data').PolicyVendor | Should -Be @('Freshworks', 'Acme Widgets (fictional)', 'Globex (fictional)')
        (Test-EeaBoundary -Product Sharedesk -Vendor Globex*).Verdict | Should -Be 'Outside'
    }

    It 'stops before testing anything when -Vendor names no active policy, or when waivers meet several policies' {
        { $rows | Test-EeaBoundary -Vendor 'Nope*' -ErrorAction Stop } | Should -Throw -ErrorId 'VendorNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $waivers = Join-Path $TestDrive 'waivers.json'
        '{ "waivers": [] }' | Set-Content -LiteralPath $waivers
        { $rows | Test-EeaBoundary -WaiverPath $waivers -ErrorAction Stop } | Should -Throw -ErrorId 'SeveralPoliciesActive,ResidencyPS.Commands.TestEeaBoundaryCommand'
        ($rows[1] | Test-EeaBoundary -WaiverPath $waivers -Vendor Acme*).Verdict | Should -Be 'Outside'
    }

    It 'warns about ten repeated questions over all vendors and sums up the rest once, not ten per vendor' {
        $repeated = @(1..12 | ForEach-Object { [pscustomobject]@{ Vendor = 'Acme Widgets (fictional)'; Product = 'Widgetry'; DataCategory = 'Widget data' } }) +
            @(1..12 | ForEach-Object { [pscustomobject]@{ Vendor = 'Globex (fictional)'; Product = 'Gizmo'; DataCategory = 'Gizmo data' } })
        $warnings = $null
        $r = $repeated | Test-EeaBoundary -WarningVariable warnings -WarningAction SilentlyContinue
        $r.Count | Should -Be 24
        @($warnings -match 'both ask about').Count | Should -Be 10
        @($warnings -match 'more results repeat a question') | Should -Be '12 more results repeat a question an earlier input row asked; InputRow tells them apart.'
    }

    It 'refuses a row whose vendor columns name two vendors' {
        $err = $null
        $r = [pscustomobject]@{ Vendor = 'Globex (fictional)'; Provider = 'Acme Widgets (fictional)'; Product = 'Sharedesk' } | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Verdict | Should -Be 'NotEvaluated'
        $err[0].FullyQualifiedErrorId | Should -Be 'ConflictingColumns,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].Exception.Message | Should -Match 'names two vendors'
    }
}

Describe 'Test-EeaBoundary: a lock and reviewed waivers (issue 22, point 4)' {
    BeforeEach {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA'); 'Usage data' = @('US') } })
        $script:lock = Join-Path $TestDrive ('residency-' + [guid]::NewGuid().ToString('n') + '.lock.json')
        Update-ResidencyLock -Path $script:lock
        $script:rows = @(
            [pscustomobject]@{ Vendor = 'Acme Widgets (fictional)'; Product = 'Widgetry'; DataCategory = 'Widget data' }
            [pscustomobject]@{ Vendor = 'Freshworks'; Product = 'Freshdesk'; DataCategory = 'Ticket data' }
        )
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'tests as usual while every policy is the one pinned' {
        ($rows | Test-EeaBoundary -LockPath $script:lock).Verdict | Should -Be 'Within', 'Within'
    }

    It 'tests nothing once a vendor''s policy differs from its pin: one error naming the impact, every row NotEvaluated, until the lock is updated' {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme2' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA', 'US'); 'Usage data' = @('US') } } -Version 'test-2')
        $err = $null
        $out = $rows | Test-EeaBoundary -LockPath $script:lock -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Verdict | Should -Be 'NotEvaluated', 'NotEvaluated'
        $out.InputRow | Should -Be 1, 2
        $out[0].Findings[0].Message | Should -Be ('Not tested: the policy of Acme Widgets (fictional) is not the one pinned in ' + (Split-Path -Leaf $script:lock) + ' (see the error).')
        # The usual gates fail instead of passing by accident: one false per row, a NotEvaluated summary.
        $rows | Test-EeaBoundary -LockPath $script:lock -Quiet -ErrorAction SilentlyContinue | Should -Be $false, $false
        @($rows | Test-EeaBoundary -LockPath $script:lock -Summary -ErrorAction SilentlyContinue | Where-Object Passed).Count | Should -Be 0
        $err.Count | Should -Be 1
        $stopped = $err[0]
        $stopped.FullyQualifiedErrorId | Should -Be 'PolicyChangedSincePin,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $stopped.TargetObject | Should -Be 'Acme Widgets (fictional)'
        $stopped.Exception.Message | Should -Match 'The policy of Acme Widgets \(fictional\) differs from its pin in residency-\w+\.lock\.json: pinned test .* active test-2 .* 1 weakens data residency in the EEA.*Weakens: Residency Widgetry/Widget data.*Nothing was tested\.$'

        Update-ResidencyLock -Path $script:lock
        ($rows | Test-EeaBoundary -LockPath $script:lock).Verdict -join ',' | Should -Be 'Within,Within'
    }

    It 'refuses an active policy the lock does not pin, and a missing lock file, each row NotEvaluated' {
        Import-ResidencyPolicy (New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('EEA') } })
        $err = $null
        ($rows | Test-EeaBoundary -LockPath $script:lock -ErrorVariable err -ErrorAction SilentlyContinue).Verdict | Should -Be 'NotEvaluated', 'NotEvaluated'
        $err.FullyQualifiedErrorId | Should -Be 'PolicyNotPinned,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].Exception.Message | Should -Match "pins no policy of Globex \(fictional\).*Update-ResidencyLock -Vendor 'Globex \(fictional\)'"
        # Only the policies that answer must be pinned.
        ($rows[0] | Test-EeaBoundary -LockPath $script:lock -Vendor Acme*).Verdict | Should -Be 'Within'
        $err = $null
        $rows | Test-EeaBoundary -LockPath (Join-Path $TestDrive 'none.lock.json') -Quiet -ErrorVariable err -ErrorAction SilentlyContinue | Should -Be $false, $false
        $err.FullyQualifiedErrorId | Should -Be 'LockFileNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand', 'LockFileInvalid,ResidencyPS.Commands.TestEeaBoundaryCommand'
    }

    It 'stops applying a waiver once a statement it was reviewed against changes, and says why' {
        $statement = Get-PolicyStatement -Vendor Acme* | Where-Object Text -Like 'Widgetry Usage data*'
        $waivers = Join-Path $TestDrive 'reviewed.json'
        @{ waivers = @(@{ product = 'Widgetry'; dataCategory = 'Usage data'; justification = 'US hosting reviewed.'; expires = '2099-12-31'
                    statements = @(@{ id = $statement.Id; sha256 = $statement.Sha256 }) }) } | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $waivers
        $usage = [pscustomobject]@{ Product = 'Widgetry'; DataCategory = 'Usage data' }
        ($usage | Test-EeaBoundary -Vendor Acme* -WaiverPath $waivers).Waived | Should -BeTrue

        Import-ResidencyPolicy (New-FictionalPolicyFile 'acme3' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA'); 'Usage data' = @('US', 'APAC') } })
        $warnings = $null
        $result = $usage | Test-EeaBoundary -Vendor Acme* -WaiverPath $waivers -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Waived | Should -BeFalse
        $result.Passed | Should -BeFalse
        @($warnings -match "no longer applies: statement '$($statement.Id)' \(line \d+\) changed since it was reviewed").Count | Should -Be 1
    }
}
