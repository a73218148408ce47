BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Compare-ResidencyPolicy' {
    It 'compares policies given as objects or file paths and writes typed differences' {
        $file = New-PolicyFile 'next.json' { param($j)
            ($j.residency | Where-Object { $_.product -eq 'Freshchat' -and $_.category -eq 'Conversations' }).regions = @('US')
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        $diff | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.PolicyDifference]) }
        ($diff | Where-Object Change -EQ RegionRemoved).Key | Should -Be 'Freshchat/Conversations'
        Get-ResidencyPolicy -Path $file | Compare-ResidencyPolicy -ReferencePolicy $file | Should -BeNullOrEmpty
    }

    It 'shows every changed value whole by default, at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        $file = New-PolicyFile "view-$Width.json" { param($j)
            ($j.residency | Where-Object { $_.product -eq 'Freshsales' -and $_.category -eq 'DealData' }).regions = @('US')
            $statement = $j.statements | Where-Object id -EQ 'logs-one-year'
            $statement.text = $statement.text + ' Gewijzigd.'
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        $text = $diff | Out-String -Width $Width
        $lines = $text -split '\r?\n'
        $lines | Where-Object Length -GT $Width | Should -BeNullOrEmpty
        $text | Should -Match 'Residency Freshsales/Deal data: RegionRemoved Regions \(Weakens\)'
        # The whole values, whatever the width wrapped them into (at word breaks): with blanks left out, each is there in full.
        $joined = $text -replace '\s', ''
        foreach ($difference in $diff) {
            $old = ('was:' + $difference.OldValue) -replace '\s', ''
            $new = ('now:' + $difference.NewValue) -replace '\s', ''
            $joined.Contains($old) | Should -BeTrue -Because "the old value of $($difference.Key) is shown whole"
            $joined.Contains($new) | Should -BeTrue -Because "the new value of $($difference.Key) is shown whole"
        }
    }

    It 'never compares two policies of different SHA-256 as equal: a product basis, region names, category aliases and a statement section count (issue 19)' {
        $file = New-PolicyFile 'quiet.json' { param($j)
            ($j.products | Where-Object name -EQ 'Freshdesk').basis = 'Stated'
            ($j.regions | Where-Object code -EQ 'EEA').nameNl = 'Europa'
            ($j.categories | Where-Object id -EQ 'TicketData').aliases = @('Tickets', 'Supportverzoeken')
            ($j.statements | Where-Object id -EQ 'hosting-heading').section = 'Hosting'
            $j.subjects[0].nameNl = 'Logs'
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        ($diff | ForEach-Object { '{0} {1} {2}' -f $_.Scope, $_.Key, $_.Property } | Sort-Object) | Should -Be @(
            'DataCategory Ticket data Aliases', 'Product Freshdesk Basis', 'Region EEA NameNl', 'Statement hosting-heading Section', 'Subject Logs NameNl')
        ($diff | Where-Object Property -EQ NameNl | Where-Object Scope -EQ Region).NewValue | Should -Be 'Europa'
    }

    It 'writes dates the same way on every culture (th-TH and ar-SA wrote the years of other calendars)' {
        $file = New-PolicyFile 'dated.json' { param($j) $j | Add-Member -NotePropertyName effectiveDate -NotePropertyValue '2025-01-01' -Force }
        $culture = [cultureinfo]::CurrentCulture
        try {
            foreach ($name in 'th-TH', 'ar-SA') {
                [cultureinfo]::CurrentCulture = $name
                $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file | Where-Object Property -EQ EffectiveDate
                $diff.NewValue | Should -Be '2025-01-01'
                Get-ResidencyPolicy -Path $file | Format-List | Out-String | Should -Match 'EffectiveDate\s+: 2025-01-01'
                ResidencyPS\Get-RetentionPolicy -Product Freshdesk -Subject Logs -HostingRegion IND -AsOf '2025-01-01T00:00:00Z' | Format-List | Out-String |
                    Should -Match '2025-01-31 00:00'
            }
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }
    }

    It 'gives one row per changed retention rule, naming every product, with the whole old and new value' {
        $file = New-PolicyFile 'period.json' { param($j) ($j.retention | Where-Object id -EQ 'logs-host-region').period = @{ value = 2; unit = 'Years'; text = '2 jaar' } }
        $diff = @(Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file | Where-Object Scope -EQ Retention)
        $diff.Count | Should -Be 1
        $diff[0].Key | Should -Be 'logs-host-region'
        $diff[0].Change | Should -Be 'PeriodChanged'
        ($diff[0].OldValue, $diff[0].NewValue) | Should -Be @('1 year', '2 years')
        $diff[0].Product | Should -Be 'Freshdesk, Freshservice, Freshsales, Freshcaller, Freshchat, Freshteam, Freshmarketer'
        $diff[0].Impact | Should -Be 'Weakens'
    }

    It 'says whether each residency change weakens or strengthens residency in the EEA (<Case>)' -ForEach @(
        @{ Case = 'a region outside the EEA added'; Regions = @('US', 'EEA', 'IND', 'AU', 'XX'); Impact = 'Weakens'; Change = 'RegionAdded' }
        @{ Case = 'the EEA removed'; Regions = @('US', 'IND', 'AU'); Impact = 'Weakens'; Change = 'RegionRemoved' }
        @{ Case = 'a stated place becoming unknown'; Regions = @(); Impact = 'Weakens'; Change = 'RegionRemoved' }
        @{ Case = 'a region outside the EEA removed'; Regions = @('EEA', 'IND', 'AU'); Impact = 'Strengthens'; Change = 'RegionRemoved' }
    ) {
        $file = New-PolicyFile "regions-$($Impact)-$($Regions.Count).json" { param($j)
            if ($Regions -contains 'XX') { $j.regions += [pscustomobject]@{ code = 'XX'; name = 'Elsewhere'; nameNl = 'Elders'; countries = @('ZZ'); basis = 'Stated'; sources = @('hosting-datacentres') } }
            ($j.residency | Where-Object { $_.product -eq 'Freshdesk' -and $_.category -eq 'TicketData' }).regions = $Regions
        }.GetNewClosure()
        $row = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file | Where-Object Key -EQ 'Freshdesk/Ticket data'
        @($row).Count | Should -Be 1
        $row.Change | Should -Be $Change
        $row.Impact | Should -Be $Impact
        $row.OldValue | Should -Be 'US, EEA, IND, AU'
        $row.NewValue | Should -Be ($Regions -join ', ')
    }

    It 'weighs rules: broader or harsher rules that take data out weaken, narrower ones strengthen; wording is neutral' {
        $file = New-PolicyFile 'rules.json' { param($j)
            ($j.rules | Where-Object id -EQ 'Integrations').products = @('Freshdesk')
            ($j.statements | Where-Object id -EQ 'logs-eea-deleted').english = 'Shortly after, they are deleted.'
        }
        $diff = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        ($diff | Where-Object { $_.Scope -eq 'Rule' -and $_.Property -eq 'Products' }).Impact | Should -Be 'Strengthens'
        ($diff | Where-Object Scope -EQ Statement).Impact | Should -Be 'Neutral'
        $back = Compare-ResidencyPolicy -ReferencePolicy $file -DifferencePolicy (Get-ResidencyPolicy -Embedded)
        ($back | Where-Object { $_.Scope -eq 'Rule' -and $_.Property -eq 'Products' }).Impact | Should -Be 'Weakens'
    }

    It 'filters with -Impact, so a scheduled job alerts only on changes that weaken residency' {
        $file = New-PolicyFile 'mixed.json' { param($j)
            ($j.residency | Where-Object { $_.product -eq 'Freshdesk' -and $_.category -eq 'TicketData' }).regions = @('US', 'IND', 'AU')
            $j.policyVersion = '2.0.0'
        }
        $all = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file
        $weakens = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $file -Impact Weakens
        @($all).Count | Should -BeGreaterThan @($weakens).Count
        $weakens.Key | Should -Be 'Freshdesk/Ticket data'
        $weakens | ForEach-Object { $_.Impact | Should -Be 'Weakens' }
    }

    It 'reports changes of the fields issues 12 and 14 added: conflict, after-delay, activity, platforms and the source address' {
        $changed = New-PolicyFile 'issue12-14.json' { param($j)
            $j.source | Add-Member url 'https://example.org/policy'
            ($j.residency | Where-Object { $_.product -eq 'Freshdesk' -and $_.category -eq 'CallRecordings' }).PSObject.Properties.Remove('conflict')
            ($j.residency | Where-Object { $_.product -eq 'Freshdesk' -and $_.category -eq 'AuthenticationData' }).platforms = @('AWS')
            ($j.retention | Where-Object id -EQ 'logs-eea-copy').PSObject.Properties.Remove('afterDelay')
        }
        $differences = Compare-ResidencyPolicy -ReferencePolicy (Get-ResidencyPolicy -Embedded) -DifferencePolicy $changed
        ($differences | Where-Object Property -EQ 'SourceUrl').NewValue | Should -Be 'https://example.org/policy'
        ($differences | Where-Object { $_.Property -eq 'Conflict' -and $_.Product -eq 'Freshdesk' }).OldValue | Should -Match 'footnote'
        ($differences | Where-Object Property -EQ 'Platforms').NewValue | Should -Be 'AWS'
        ($differences | Where-Object Property -EQ 'AfterDelay').OldValue | Should -Be 'Korte tijd later worden deze gewist.'
    }
}
