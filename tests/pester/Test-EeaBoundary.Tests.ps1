BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Test-EeaBoundary' {
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

    It 'reports a category the product does not hold, and goes on with the rest' {
        $err = $null
        $r = Test-EeaBoundary Freshteam -DataCategory 'Ticket data', 'Employee data' -ErrorVariable err -ErrorAction SilentlyContinue
        $r.DataCategory | Should -Be 'Employee data'
        $err[0].FullyQualifiedErrorId | Should -Be 'DataCategoryNotInProduct,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].TargetObject | Should -Be 'Ticket data'
        $err[0].Exception.Message | Should -Match 'Its data categories are: Employee data'
    }

    It 'reports an unknown hosting region with what is accepted' {
        $err = $null
        Test-EeaBoundary Freshdesk -HostingRegion Mars -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'HostingRegionNotFound,ResidencyPS.Commands.TestEeaBoundaryCommand'
        $err[0].Exception.Message | Should -Match 'Accepted: US, EEA, IND, AU'
    }

    It 'answers false, with the error, for an unknown product under -Quiet' {
        $err = $null
        Test-EeaBoundary Freshdsk -Quiet -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeExactly $false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ProductNotFound,*'
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
        It 'lists findings and source lines in the list view of a boundary result' {
            $text = Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | Format-List | Out-String -Width 200
            $text | Should -Match '\[Transient\] CallRecordingTransit'
            $text | Should -Match 'line 81: \*opname van gesprekken'
        }
    }

    Context 'Hostile input' {
        It 'goes on past pipeline objects with missing properties or wrong types' {
            $err = $null
            $inputs = @(
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
                [pscustomobject]@{ Name = 'no product property' }
                [pscustomobject]@{ Product = 42 }
                [pscustomobject]@{ Product = 'Freshteam'; DataCategory = 'Employee data'; HostingRegion = 'Mars' }
                [pscustomobject]@{ Product = 'Freshchat'; DataCategory = 'Conversations' }
            )
            $results = $inputs | Test-EeaBoundary -ErrorVariable err -ErrorAction SilentlyContinue
            $results.Product | Should -Be @('Freshdesk', 'Freshchat')
            $err.FullyQualifiedErrorId | Should -Contain 'InputObjectNotBound,ResidencyPS.Commands.TestEeaBoundaryCommand'
            ($err.FullyQualifiedErrorId | Where-Object { $_ -like 'ProductNotFound,*' }) | Should -Not -BeNullOrEmpty
            ($err.FullyQualifiedErrorId | Where-Object { $_ -like 'HostingRegionNotFound,*' }) | Should -Not -BeNullOrEmpty
        }

        It 'gives one boolean per input under -Quiet even when inputs are bad' {
            $answers = @(
                [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
                [pscustomobject]@{ Product = 'Nope' }
                [pscustomobject]@{ Product = 'Freshteam' }
            ) | Test-EeaBoundary -Quiet -ErrorAction SilentlyContinue
            $answers | Should -Be @($true, $false, $false)
        }
    }
}
