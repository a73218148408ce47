BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
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
