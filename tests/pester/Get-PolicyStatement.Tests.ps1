BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Get-PolicyStatement' {
    It 'finds a statement by the words it contains, in Dutch or English' {
        (Get-PolicyStatement -Search 'API-verzoeken').Id | Should -Be 'integration-api-requests'
        (Get-PolicyStatement -Search 'data migration options').Text | Should -BeLike 'Freshworks levert opties voor gegevensmigratie*'
    }

    It 'names a section by its Dutch heading or its English rendering, and shows the English beside the Dutch' {
        $dutch = Get-PolicyStatement -Section 'Back-up en logboeken'
        $dutch.Count | Should -BeGreaterThan 1
        (Get-PolicyStatement -Section 'Backup and logs').Id | Should -Be $dutch.Id
        (Get-PolicyStatement -Section 'backup*').Id | Should -Be $dutch.Id
        $table = Get-PolicyStatement -Id 'logs-one-year' | Out-String -Width 120
        $table | Should -Match 'English'
        $table | Should -Match 'For all products'
    }

    It 'names ids, not sentences, in a not-found error, and says when a section named heads nothing' {
        $err = $null
        Get-PolicyStatement -Id 'zzzz' -ErrorVariable err -ErrorAction SilentlyContinue
        "$($err[0])" | Should -BeLike '*Accepted: intro-*'
        "$($err[0])" | Should -Not -BeLike '*Freshworks verwerkt*'
        Get-PolicyStatement -Section 'Backup and log' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'SectionNotFound,ResidencyPS.Commands.GetPolicyStatementCommand'
        "$($err[0])" | Should -BeLike "*headed 'Backup and log'*Back-up en logboeken (Backup and logs)*"
        Get-PolicyStatement -Section 'Nothing*' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'reports an unknown literal id' {
        $err = $null
        Get-PolicyStatement -Id nope -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'StatementNotFound,ResidencyPS.Commands.GetPolicyStatementCommand'
    }

    It 'matches ids as every name parameter does: a suggestion for a typo, the id as the target, the others still answered' {
        $err = $null
        $found = Get-PolicyStatement -Id 'hostng-datacentres', 'logs-one-year' -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Id | Should -Be 'logs-one-year'
        $err.Count | Should -Be 1
        $err[0].TargetObject | Should -Be 'hostng-datacentres'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$err" | Should -BeLike "*Did you mean 'hosting-datacentres'*statement ids; wildcards allowed*"
        (Get-PolicyStatement -Id 'LOGS-ONE-YEAR').Id | Should -Be 'logs-one-year'
    }

    It 'is silent for a wildcard that matches nothing and takes piped ids literally' {
        $err = $null
        Get-PolicyStatement -Id 'nothing-*' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
        [pscustomobject] @{ Id = 'logs-*' } | Get-PolicyStatement -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'StatementNotFound,*'
        ([pscustomobject] @{ Id = 'logs-one-year' } | Get-PolicyStatement).Id | Should -Be 'logs-one-year'
    }
}
