BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
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
