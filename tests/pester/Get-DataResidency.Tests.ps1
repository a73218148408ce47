BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
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

    It 'shows on each record that the product was identified by reading the table, which names no products (line 25)' {
        $r = Get-DataResidency -Product Freshdesk -DataCategory 'Ticket data'
        $r.ProductBasis | Should -Be ([ResidencyPS.Basis]::InferredFromContent)
        $r.ProductNotes -join ' ' | Should -Match 'product column'
        $list = $r | Format-List | Out-String -Width 120
        $list | Should -Match 'ProductBasis\s+: InferredFromContent'
        $list | Should -Match 'ProductNotes\s+: The product column'
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
        $err[0].Exception.Message | Should -Not -Match "'TicketData'"
    }

    It 'turns the error into a terminating one with -ErrorAction Stop' {
        { Get-DataResidency -Product Nope -ErrorAction Stop } | Should -Throw -ErrorId 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
    }

    It 'rejects an empty product name at binding time' {
        { Get-DataResidency -Product '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ResidencyPS.Commands.GetDataResidencyCommand'
    }

    Context 'Tab completion' {
        It 'completes products from the policy, aliases included, quoting names with spaces' {
            $texts = (Get-Completion 'Get-DataResidency -Product Freshd').CompletionText
            $texts | Should -Contain 'Freshdesk'
            $texts | Should -Contain "'Freshdesk Contact Center'"
            $texts | Should -Contain "'Freshdesk Messaging'"
            $texts | Should -Not -Contain 'Freshsales'
        }

        It 'completes Dutch category names, ignoring case' {
            (Get-Completion 'Get-DataResidency -DataCategory ticketg').CompletionText | Should -Be 'Ticketgegevens'
            (Get-Completion 'Get-DataCategory opnames').CompletionText | Should -Contain "'Opnames van gesprekken'"
        }

        It 'explains an alias in the tooltip' {
            $match = Get-Completion "Get-DataResidency -Product 'Freshworks" | Select-Object -First 1
            $match.ToolTip | Should -BeLike '*Freshsales*'
        }
    }

    Context 'Views' {
        It 'shows a residency answer as one table line: product, category, regions, basis' {
            $lines = (Get-DataResidency Freshdesk 'Ticket data' | Out-String -Width 120) -split "`n" | Where-Object { $_.Trim() }
            $lines[0] | Should -Match '^Product\s+DataCategory\s+Regions\s+Basis\s*$'
            $lines[2] | Should -Match '^Freshdesk\s+Ticket data\s+US, EEA, IND, AU\s+Stated\s*$'
            $lines.Count | Should -Be 3
        }

        It 'groups residency answers by product with the ByProduct view' {
            $text = Get-DataResidency -Product Freshteam, Freshmarketer | Format-Table -View ByProduct | Out-String -Width 120
            $text | Should -Match 'Product: Freshteam'
            $text | Should -Match 'Product: Freshmarketer'
        }

        It 'keeps every property for Select-Object *' {
            $props = (Get-DataResidency Freshdesk 'Ticket data' | Select-Object *).PSObject.Properties.Name
            $props | Should -Contain 'Source'
            $props | Should -Contain 'Notes'
            $props | Should -Contain 'AvailableInEea'
        }
    }

    Context 'Hostile input' {
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

        It 'mixes English and Dutch names in one call' {
            (Get-DataResidency -Product Freshdesk -DataCategory 'Ticket data', 'Chatberichten', 'opnames VAN gesprekken').DataCategory |
                Should -Be @('Ticket data', 'Call recordings', 'Chat messages')
        }
    }

    It 'answers grouped by product in the policy''s product order, so ByProduct prints one group per product' {
        $products = (Get-DataResidency -Product Freshsales, Freshdesk).Product
        $first = [array]::IndexOf($products, 'Freshsales')
        $products[0..($first - 1)] | Sort-Object -Unique | Should -Be 'Freshdesk'
        $products[$first..($products.Count - 1)] | Sort-Object -Unique | Should -Be 'Freshsales'
        $groups = Get-DataResidency | Format-Table -View ByProduct | Out-String -Width 120
        ([regex]::Matches($groups, 'Product: ')).Count | Should -Be 7
    }
}
