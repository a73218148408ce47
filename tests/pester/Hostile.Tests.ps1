BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
    $script:policyBefore = (Get-ResidencyPolicy).Sha256
}

AfterAll {
    # Nothing a hostile input did may have changed the session's policy.
    (Get-ResidencyPolicy).Sha256 | Should -Be $script:policyBefore
}

Describe 'Hostile input at the prompt' {
    It 'refuses $null and empty names at binding, naming the parameter' -ForEach @(
        @{ Command = { Get-DataResidency -Product $null -ErrorAction Stop } }
        @{ Command = { Get-DataResidency -Product '' -ErrorAction Stop } }
        @{ Command = { Test-EeaBoundary -Product '' -ErrorAction Stop } }
        @{ Command = { Test-EeaBoundary -Product Freshdesk -HostingRegion $null -ErrorAction Stop } }
        @{ Command = { ResidencyPS\Get-RetentionPolicy -Subject @() -ErrorAction Stop } }
    ) {
        $Command | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'answers whitespace, control characters and very long names with ObjectNotFound, quickly and without suggestions of nonsense' {
        foreach ($name in '   ', "Fresh`tdesk", "`0`a`b", ('x' * 100000)) {
            $err = $null
            Get-DataResidency -Product $name -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ProductNotFound,*'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    It 'trims surrounding blanks and ignores case and diacritics in real names' {
        (Get-DataResidency -Product '  FRESHDESK ' -DataCategory ' ticketgegevens').Product | Should -Be 'Freshdesk'
        (Get-HostingRegion 'australie').Code | Should -Be 'AU'
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

    It 'matches escaped wildcard characters literally' {
        Get-DataResidency -Product 'Fresh`[desk' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'handles arrays of thousands of names' {
        $names = @('Freshdesk') * 5000
        (Get-DataResidency -Product $names).Count | Should -Be (Get-DataResidency -Product Freshdesk).Count
        $err = $null
        $null = Get-DataResidency -DataCategory (1..2000 | ForEach-Object { "nope$_" }) -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2000
    }

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

    It 'mixes English and Dutch names in one call' {
        (Get-DataResidency -Product Freshdesk -DataCategory 'Ticket data', 'Chatberichten', 'opnames VAN gesprekken').DataCategory |
            Should -Be @('Ticket data', 'Call recordings', 'Chat messages')
    }
}
