BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

# Issue 14: where the data goes, by activity, from the same policy.
Describe 'Get-DataFlow' {
    It 'lists Freshdesk in the EEA: storage per category, logs a year, backups, SSO processing at no stated place, migration in AWS' {
        $flows = Get-DataFlow -Product Freshdesk -HostingRegion EEA
        $storage = $flows | Where-Object Activity -EQ Storage
        $storage.DataCategory | Should -Contain 'Ticket data'
        ($storage | Where-Object DataCategory -EQ 'Ticket data').Location | Should -Be 'EEA'
        ($storage | Where-Object DataCategory -EQ 'Ticket data').LeavesEea | Should -Be 'No'
        $logs = $flows | Where-Object Activity -EQ Logging
        $logs.Location | Should -Be 'EEA'
        $logs.DurationInWords | Should -Be '1 year'
        $logs.DurationText | Should -Be '1 jaar'
        $backup = $flows | Where-Object Activity -EQ Backup
        $backup.Location | Should -Be 'EEA'
        $backup.Duration | Should -BeNullOrEmpty
        $sso = $flows | Where-Object Activity -EQ Processing
        $sso.Location | Should -Be 'Unknown'
        $sso.Platform | Should -Be @('AWS', 'GCP')
        $sso.LeavesEea | Should -Be 'Unknown'
        $migration = $flows | Where-Object Activity -EQ Migration
        $migration.Platform | Should -Be 'AWS'
        $migration.SourceText | Should -Match 'binnen de AWS-omgeving van het product'
        $flows | Where-Object Activity -EQ Integration | Should -BeNullOrEmpty
    }

    It 'keeps the logs and backups of a US-only product, in the US, and warns that the text offers it only there' {
        $warnings = $null
        $flows = Get-DataFlow -Product Freshteam -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0].Message | Should -BeLike 'The policy text offers Freshteam only in US, not in EEA*'
        $logs = $flows | Where-Object Activity -EQ Logging
        $logs.Location | Should -Be 'US'
        $logs.DurationText | Should -Be '1 jaar'
        $logs.Condition | Should -Be 'Freshteam is offered only in US: kept in its host region there.'
        ($flows | Where-Object Activity -EQ Backup).Location | Should -Be 'US'
        ($flows | Format-Table | Out-String) | Should -Not -Match 'if integrated'
    }

    It 'adds the integration flows that may leave the EEA with -UsesIntegrations' {
        $integration = Get-DataFlow -Product Freshdesk -HostingRegion EEA -UsesIntegrations -Activity Integration
        $integration.Count | Should -BeGreaterThan 0
        ($integration.LeavesEea | ForEach-Object { "$_" } | Sort-Object -Unique) | Should -Be @('May', 'Yes')
        ($integration | Where-Object LeavesEea -EQ May).DataCategory | Should -Be 'App integration data'
        ($integration | Where-Object LeavesEea -EQ May).SourceText | Should -Match 'API-verzoeken van integraties kunnen buiten de EER worden verwerkt'
        $integration.Condition | Sort-Object -Unique | Should -Match 'integrations'
    }

    It 'shows the ten-minute US transit of Freshsales call recordings' {
        $transit = Get-DataFlow -Product Freshsales -DataCategory 'Call recordings' | Where-Object Activity -EQ Transit
        $transit.Location | Should -Be 'US'
        $transit.Duration | Should -Be ([timespan]::FromMinutes(10))
        $transit.DurationText | Should -Be '10 minuten'
        $transit.AfterPeriod | Should -Be 'moved to EEA'
        $transit.LeavesEea | Should -Be 'Yes'
        $transit.SourceText | Should -Match 'tijdelijk vastgehouden gedurende 10 minuten'
    }

    It 'keeps India logs a year in India and 30 days in the EEA, and gives Australia no EEA copy' {
        $india = Get-DataFlow -Product Freshdesk -HostingRegion IND -Activity Logging
        ($india | Where-Object Location -EQ IND).DurationInWords | Should -Be '1 year'
        ($india | Where-Object Location -EQ EEA).DurationInWords | Should -Be '30 days'
        ($india | Where-Object Location -EQ EEA).AfterPeriod | Should -Match 'deleted later'
        (Get-DataFlow -Product Freshdesk -HostingRegion AU -Activity Logging).Location | Should -Be 'AU'
    }

    It 'states no migration for products the migration sentences do not name' {
        (Get-DataFlow -Activity Migration).Product | Sort-Object -Unique | Should -Be @('Freshdesk', 'Freshservice')
    }

    It 'marks the conflicting and inferred flows in its table, as the other tables do (issue 20)' {
        # Line 35 keeps Freshdesk call recordings in the US; the footnote (line 81) routes them to the EEA.
        $table = Get-DataFlow -Product Freshdesk -DataCategory 'Call recordings' | Out-String -Width 80
        $flows = Get-DataFlow -Product Freshdesk -DataCategory 'Call recordings'
        $flows | Should -Not -BeNullOrEmpty
        $flows | ForEach-Object { $_.HasConflict | Should -BeTrue }
        @($table -split "`n" | Where-Object { $_ -match '^Call recordings\s.*\sConflict\s*$' }).Count | Should -Be @($flows).Count
        Get-DataFlow -Product Freshsales -DataCategory 'Call recordings' -Activity Transit | Out-String -Width 80 | Should -Match 'Transit.*Inferred-text'
    }

    It 'fits 80 columns, pipes into Test-EeaBoundary and reports unknown names' {
        $table = Get-DataFlow -Product Freshdesk | Out-String -Width 80
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
        $table | Should -Match 'Product: Freshdesk'
        $table | Should -Match 'DataCategory\s+Activity\s+Where\s+Leaves\s+For\s+Basis'
        $results = Get-DataFlow -Product Freshsales -DataCategory 'Call recordings' -Activity Storage | Test-EeaBoundary
        $results.Verdict | Should -Be 'Transient'
        $err = $null
        Get-DataFlow -Product Freshdsk -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataFlowCommand'
        Get-DataFlow -Product Freshdesk -DataCategory Nope -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'DataCategoryNotFound,ResidencyPS.Commands.GetDataFlowCommand'
        Get-DataFlow -HostingRegion Mars -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'HostingRegionNotFound,ResidencyPS.Commands.GetDataFlowCommand'
    }
}
