BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
}

Describe 'Get-DataCategory' {
    It 'gives the definition in Dutch and English and the products that hold the category' {
        $c = Get-DataCategory 'Gegevens van de aanvrager'
        $c.DataCategory | Should -Be 'Requester data'
        $c.DefinitionNl | Should -BeLike 'Gegevens van de aanvrager Alle gegevens in de e-mail van de aanvrager*'
        $c.Definition | Should -Not -BeNullOrEmpty
        $c.Products | Should -Be @('Freshdesk', 'Freshservice')
    }

    It 'lists the categories of one product' {
        (Get-DataCategory -Product Freshteam).DataCategory | Sort-Object | Should -Be ((Get-DataResidency -Product Freshteam).DataCategory | Sort-Object)
    }

    It 'pipes into Get-DataResidency by the DataCategory property' {
        (Get-DataCategory 'Event data' | Get-DataResidency).Product | Should -Be @('Freshsales', 'Freshmarketer')
    }
}

Describe 'Get-HostingRegion' {
    It 'lists the four regions with English and Dutch names' {
        $regions = Get-HostingRegion
        $regions.Code | Should -Be @('US', 'EEA', 'IND', 'AU')
        ($regions | Where-Object Code -EQ EEA).NameNl | Should -Be 'Europese Economische Ruimte'
    }

    It 'finds the EEA from a member country and nothing from a non-member' {
        (Get-HostingRegion -Country NO).Code | Should -Be 'EEA'
        $err = $null
        Get-HostingRegion -Country CH -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'prints as its code' {
        "$(Get-HostingRegion EER)" | Should -Be 'EEA'
    }
}

Describe 'Get-PolicyStatement' {
    It 'finds a statement by the words it contains, in Dutch or English' {
        (Get-PolicyStatement -Search 'API-verzoeken').Id | Should -Be 'integration-api-requests'
        (Get-PolicyStatement -Search 'data migration options').Text | Should -BeLike 'Freshworks levert opties voor gegevensmigratie*'
    }

    It 'reports an unknown literal id' {
        $err = $null
        Get-PolicyStatement -Id nope -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'StatementNotFound,ResidencyPS.Commands.GetPolicyStatementCommand'
    }
}
