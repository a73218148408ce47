BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }
}

Describe 'Tab completion' {
    It 'completes products from the policy, aliases included, quoting names with spaces' {
        $texts = (Get-Completion 'Get-DataResidency -Product Freshd').CompletionText
        $texts | Should -Contain 'Freshdesk'
        $texts | Should -Contain "'Freshdesk Contact Center'"
        $texts | Should -Contain "'Freshdesk Messaging'"
        $texts | Should -Not -Contain 'Freshsales'
    }

    It 'offers each product once by its main name when nothing is typed' {
        (Get-Completion 'Test-EeaBoundary -Product ').CompletionText | Should -Be @(
            'Freshdesk', 'Freshservice', 'Freshsales', 'Freshcaller', 'Freshchat', 'Freshteam', 'Freshmarketer')
    }

    It 'completes Dutch category names, ignoring case' {
        (Get-Completion 'Get-DataResidency -DataCategory ticketg').CompletionText | Should -Be 'Ticketgegevens'
        (Get-Completion 'Get-DataCategory opnames').CompletionText | Should -Contain "'Opnames van gesprekken'"
    }

    It 'narrows categories to the product already on the command line' {
        $texts = (Get-Completion 'Test-EeaBoundary -Product Freshteam -DataCategory ').CompletionText
        $texts | Should -Contain "'Employee data'"
        $texts | Should -Not -Contain "'Ticket data'"
    }

    It 'completes regions by code and Dutch name on every region parameter' {
        (Get-Completion 'Get-DataResidency -Region E').CompletionText | Should -Contain 'EER'
        (Get-Completion 'Test-EeaBoundary Freshdesk -HostingRegion Verenigde').CompletionText | Should -Be "'Verenigde Staten'"
        (Get-Completion 'Get-HostingRegion -Code AU').CompletionText | Should -Contain 'AU'
        (Get-Completion 'ResidencyPS\Get-RetentionPolicy -HostingRegion IN').CompletionText | Should -Contain 'IND'
    }

    It 'completes subjects and countries' {
        (Get-Completion 'ResidencyPS\Get-RetentionPolicy -Subject Logb').CompletionText | Should -Contain 'Logboeken'
        (Get-Completion 'Get-HostingRegion -Country N').CompletionText | Should -Be @('NL', 'NO')
    }

    It 'completes the names of an imported policy, and of a policy given with -Policy' {
        $file = Join-Path $TestDrive 'renamed.json'
        $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $file -Embedded -PassThru) | ConvertFrom-Json
        ($json.products | Where-Object name -EQ 'Freshteam').aliases = @('Freshworks HR')
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file
        try {
            Import-ResidencyPolicy -Path $file
            (Get-Completion "Get-DataResidency -Product 'Freshworks H").CompletionText | Should -Be "'Freshworks HR'"
        }
        finally {
            Import-ResidencyPolicy -Default
        }
        (Get-Completion "Get-DataResidency -Product 'Freshworks H").CompletionText | Should -BeNullOrEmpty
        $script:renamed = Get-ResidencyPolicy -Path $file
        (Get-Completion 'Get-DataResidency -Policy $script:renamed -Product Freshworks').CompletionText | Should -Contain "'Freshworks HR'"
    }

    It 'explains an alias in the tooltip' {
        $match = Get-Completion "Get-DataResidency -Product 'Freshworks" | Select-Object -First 1
        $match.ToolTip | Should -BeLike '*Freshsales*'
    }
}

Describe 'Views' {
    It 'shows a residency answer as one table line: product, category, regions, basis' {
        $lines = (Get-DataResidency Freshdesk 'Ticket data' | Out-String -Width 120) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Product\s+DataCategory\s+Regions\s+Basis\s*$'
        $lines[2] | Should -Match '^Freshdesk\s+Ticket data\s+US, EEA, IND, AU\s+Stated\s*$'
        $lines.Count | Should -Be 3
    }

    It 'lists findings and source lines in the list view of a boundary result' {
        $text = Test-EeaBoundary Freshsales -DataCategory 'Call recordings' | Format-List | Out-String -Width 200
        $text | Should -Match '\[Transient\] CallRecordingTransit'
        $text | Should -Match 'line 81: \*opname van gesprekken'
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
