BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
}

Describe 'Get-DataResidency' {
    It 'returns one typed record per product and data category' {
        $all = Get-DataResidency
        $all | Should -Not -BeNullOrEmpty
        $all | ForEach-Object { $_ | Should -BeOfType ([ResidencyPS.DataResidencyInfo]) }
        $keys = $all | ForEach-Object { "$($_.Product)/$($_.DataCategory)" }
        ($keys | Sort-Object -Unique).Count | Should -Be $keys.Count
        ($all.Product | Sort-Object -Unique).Count | Should -Be 7
    }

    It 'gives each record vendor, regions, EEA availability, basis, notes and Dutch source' {
        $r = Get-DataResidency -Product Freshdesk -DataCategory 'Ticket data'
        $r.Vendor | Should -Be 'Freshworks'
        $r.Regions | Should -Be @('US', 'EEA', 'IND', 'AU')
        $r.AvailableInEea | Should -BeTrue
        $r.Basis | Should -Be ([ResidencyPS.Basis]::Stated)
        $r.Source.Text | Should -Contain 'Beschikbaar in de VS, EER, IND en AU'
        $r.Source[0].Line | Should -Be 29
    }

    It 'accepts Dutch names, aliases and any letter case' {
        (Get-DataResidency -Product 'freshworks crm' -DataCategory 'LEADGEGEVENS').Product | Should -Be 'Freshsales'
        (Get-DataResidency -Product 'Freshdesk Contact Center' -DataCategory 'Opnames van gesprekken').Product | Should -Be 'Freshcaller'
    }

    It 'takes positional product and category, and wildcards on both' {
        $r = Get-DataResidency Fresh*chat *gesprek*
        $r.DataCategory | Should -Be @('Conversations', 'Chat conversations')
    }

    It 'filters by region, so only data that may be hosted there comes back' {
        $eea = Get-DataResidency -Region EER
        $eea | Should -Not -BeNullOrEmpty
        $eea | ForEach-Object { $_.Regions | Should -Contain 'EEA' }
        Get-DataResidency -Product Freshteam -Region EEA | Should -BeNullOrEmpty
    }

    It 'marks the groups that share the preceding region line as InferredFromTableLayout' {
        $inferred = Get-DataResidency | Where-Object Basis -EQ 'InferredFromTableLayout'
        $inferred | ForEach-Object { $_.Notes -join ' ' | Should -Match 'merged table cell' }
        ($inferred | Where-Object Product -EQ Freshservice).DataCategory | Should -Contain 'Asset data'
        ($inferred | Where-Object Product -EQ Freshchat).DataCategory | Should -Be 'Chat conversations'
    }

    It 'takes product and category from the pipeline by property name' {
        $byProperty = [pscustomobject]@{ Product = 'Freshchat'; DataCategory = 'Chatgesprekken' } | Get-DataResidency
        $byProperty.DataCategory | Should -Be 'Chat conversations'
    }

    It 'binds a region object from Get-HostingRegion to -Region' {
        $r = Get-DataResidency -Product Freshsales -Region (Get-HostingRegion -Country NO)
        $r | Should -Not -BeNullOrEmpty
        Get-HostingRegion AU | Get-DataResidency -Product Freshsales | Should -BeNullOrEmpty
    }

    It 'writes nothing and no error for a wildcard that matches nothing' {
        $err = $null
        Get-DataResidency -Product 'Zoho*' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'writes a non-terminating ObjectNotFound error naming the closest product and carries on' {
        $err = $null
        $r = Get-DataResidency -Product Freshdsk, Freshteam -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Product | Sort-Object -Unique | Should -Be 'Freshteam'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'Freshdsk'
        $err[0].Exception.Message | Should -Match "Did you mean 'Freshdesk'"
        $err[0].Exception.Message | Should -Match 'Accepted: Freshdesk, Freshservice'
    }

    It 'suggests Dutch category names as well as English ones' {
        $err = $null
        Get-DataResidency -DataCategory Tiketgegevens -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DataCategoryNotFound,*'
        $err[0].Exception.Message | Should -Match "Did you mean 'Ticketgegevens'"
    }

    It 'turns the error into a terminating one with -ErrorAction Stop' {
        { Get-DataResidency -Product Nope -ErrorAction Stop } | Should -Throw -ErrorId 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
    }

    It 'rejects an empty product name at binding time' {
        { Get-DataResidency -Product '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ResidencyPS.Commands.GetDataResidencyCommand'
    }
}
