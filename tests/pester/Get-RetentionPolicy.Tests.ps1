BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Get-RetentionPolicy' {
    It 'is callable module-qualified, beside the Exchange Online cmdlet of the same name' {
        $rules = ResidencyPS\Get-RetentionPolicy
        $rules | Should -Not -BeNullOrEmpty
        $rules | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.RetentionRule]) }
    }

    It 'keeps logs one year in the host region, with the source wording and a TimeSpan' {
        $r = ResidencyPS\Get-RetentionPolicy -Product Freshteam -Subject Logs
        $r.StorageLocation | Should -Be 'US'
        $r.PeriodText | Should -Be '1 jaar'
        $r.Period | Should -Be ([timespan]::FromDays(365))
        $r.Source.Text | Should -Contain 'Voor alle hierboven genoemde producten bewaren wij logboeken gedurende een periode van 1 jaar in de respectieve host-regio.'
    }

    It 'keeps US and India logs of Freshdesk 30 days in the EEA, then deletes them, but not Australian ones' {
        $copy = ResidencyPS\Get-RetentionPolicy -Product Freshdesk -Subject Logboeken -HostingRegion IND | Where-Object StorageLocation -EQ 'EEA'
        $copy.Period | Should -Be ([timespan]::FromDays(30))
        $copy.AfterPeriod | Should -Be 'Deleted'
        ResidencyPS\Get-RetentionPolicy -Product Freshdesk -Subject Logs -HostingRegion AU | Where-Object StorageLocation -EQ 'EEA' | Should -BeNullOrEmpty
    }

    It 'keeps backups in the respective region with no stated period' {
        $b = ResidencyPS\Get-RetentionPolicy -Product Freshchat -Subject 'Back-ups'
        $b.StorageLocation | Should -Be @('US', 'EEA')
        $b | ForEach-Object { $_.Period | Should -BeNullOrEmpty }
    }

    It 'tells when call recordings leave the US with -AsOf' {
        $r = ResidencyPS\Get-RetentionPolicy -Product Freshcaller -Subject 'Call recordings' -AsOf '2026-03-01T09:00:00'
        $r.StorageLocation | Should -Be 'US'
        $r.MovesTo | Should -Be 'EEA'
        $r.LeavesStorageAt | Should -Be ([datetime] '2026-03-01T09:10:00')
    }

    It 'gives no leave date where the policy text states nothing after the period, only the end of the period' {
        $logs = ResidencyPS\Get-RetentionPolicy -Product Freshdesk -Subject Logs -HostingRegion EEA -AsOf '2026-03-01T09:00:00'
        $logs.AfterPeriod | Should -Be 'NotStated'
        $logs.LeavesStorageAt | Should -BeNullOrEmpty
        $logs.StatedPeriodEndsAt | Should -Be ([datetime] '2027-03-01T09:00:00')
        ($logs | Format-Table | Out-String -Width 120) | Should -Match 'not stated\s+not stated'
        ($logs | Format-List | Out-String -Width 120) | Should -Match 'StatedPeriodEndsAt\s+: 2027-03-01 09:00'
    }

    It 'takes products and regions from Test-EeaBoundary results' {
        $r = Test-EeaBoundary Freshsales -DataCategory 'Lead data' | ResidencyPS\Get-RetentionPolicy
        $r | ForEach-Object { $_.Product | Should -Be 'Freshsales'; $_.HostingRegion | Should -Contain 'EEA' }
    }

    It 'reports an unknown subject with suggestions' {
        $err = $null
        ResidencyPS\Get-RetentionPolicy -Subject Logz -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'SubjectNotFound,ResidencyPS.Commands.GetRetentionPolicyCommand'
        $err[0].Exception.Message | Should -Match "Did you mean 'Logs'"
    }

    It 'says the period in English words, with the policy''s own wording beside it' {
        $rules = ResidencyPS\Get-RetentionPolicy -Product Freshdesk
        ($rules | Where-Object { $_.Subject -eq 'Logs' -and $_.StorageLocation -eq 'US' }).PeriodInWords | Should -Be '1 year'
        ($rules | Where-Object { $_.Subject -eq 'Logs' -and $_.AfterPeriod -eq 'Deleted' }).PeriodInWords | Should -Be '30 days'
        ($rules | Where-Object Subject -EQ 'Call recordings').PeriodInWords | Should -Be '10 minutes'
        ($rules | Where-Object Subject -EQ 'Backups').PeriodInWords | Sort-Object -Unique | Should -Be 'not stated'
        $table = ResidencyPS\Get-RetentionPolicy -Product Freshsales -Subject 'Call recordings' | Out-String -Width 80
        $table | Should -Match 'Period\s+After\s+Conflict'
        $table | Should -Match '10 minutes\s+moved to EEA'
        $list = ResidencyPS\Get-RetentionPolicy -Product Freshsales -Subject 'Call recordings' | Format-List | Out-String -Width 120
        $list | Should -Match 'PeriodInWords\s+: 10 minutes'
        $list | Should -Match 'PeriodText\s+: 10 minuten \(the policy text\)'
    }

    It 'answers grouped by product in the policy''s product order' {
        $products = (ResidencyPS\Get-RetentionPolicy -Product Freshmarketer, Freshteam).Product
        $products | Should -Be (@('Freshteam') * @($products | Where-Object { $_ -eq 'Freshteam' }).Count + @('Freshmarketer') * @($products | Where-Object { $_ -eq 'Freshmarketer' }).Count)
    }

    It 'is reached by Get-DataRetention and module-qualified even when a function of the same name, as Exchange Online''s, is loaded' {
        function global:Get-RetentionPolicy { 'Exchange Online' }
        try {
            Get-RetentionPolicy | Should -Be 'Exchange Online'
            (Get-Command Get-DataRetention).CommandType | Should -Be 'Alias'
            (Get-Command Get-DataRetention).Definition | Should -Be 'ResidencyPS\Get-RetentionPolicy'
            $rules = Get-DataRetention -Product Freshteam -Subject Logs
            $rules | Should -Not -BeNullOrEmpty
            $rules | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.RetentionRule]) }
            (ResidencyPS\Get-RetentionPolicy -Product Freshteam -Subject Logs).Count | Should -Be @($rules).Count
        }
        finally {
            Remove-Item Function:\Get-RetentionPolicy
        }
        (Get-Module ResidencyPS).ExportedAliases.Keys | Should -Be @('Get-DataRetention')
    }

    It 'says clearly when -AsOf plus a period is past the last representable date, and still lists the rules' {
        $err = $null
        $rules = ResidencyPS\Get-RetentionPolicy -Product Freshteam -Subject Logs -AsOf ([datetime]::MaxValue) -ErrorVariable err -ErrorAction SilentlyContinue
        @($rules).Count | Should -Be @(ResidencyPS\Get-RetentionPolicy -Product Freshteam -Subject Logs).Count
        $err[0].FullyQualifiedErrorId | Should -Be 'AsOfOutOfRange,ResidencyPS.Commands.GetRetentionPolicyCommand'
        $err[0].Exception.Message | Should -Match '-AsOf 9999-12-31 23:59:59 plus 1 year .* is past the last date'
    }
}
