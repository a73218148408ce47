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
}
