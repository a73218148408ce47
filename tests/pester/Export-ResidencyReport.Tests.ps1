BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Export-ResidencyReport' {
    It 'writes one self-contained HTML page with matrix, findings, retention and provenance' {
        $file = Join-Path $TestDrive 'report.html'
        Export-ResidencyReport -Path $file
        $html = Get-Content -Raw -LiteralPath $file
        $html | Should -Match '<table id="residency-matrix">'
        $html | Should -Match '<table id="boundary-results">'
        $html | Should -Match '<table id="retention-rules">'
        $html | Should -Match ([regex]::Escape((Get-ResidencyPolicy).Sha256))
        $html | Should -Match 'tijdelijk vastgehouden gedurende 10 minuten'
        $html | Should -Not -Match '<script|<link|<img|src=|url\('
    }

    It 'reports Test-EeaBoundary results piped in, as markdown and as CSV' {
        $md = Join-Path $TestDrive 'inventory.md'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $md
        $text = Get-Content -Raw -LiteralPath $md
        $text | Should -Match '\| Freshcaller \| Call recordings \| EEA \| Transient \|'
        $text | Should -Not -Match '\| Freshdesk \| Ticket data \| EEA \|'
        $csv = Join-Path $TestDrive 'inventory.csv'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be (Test-EeaBoundary Freshcaller).Count
        ($rows | Where-Object DataCategory -EQ 'Call recordings').Verdict | Should -Be 'Transient'
    }

    It 'reports a large inventory with a progress bar and honours -WhatIf' {
        $records = foreach ($i in 1..3000) { [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' } }
        $file = Join-Path $TestDrive 'big.csv'
        $records | Test-EeaBoundary | Export-ResidencyReport -Path $file -Format Csv -ProgressAction SilentlyContinue
        (Import-Csv -LiteralPath $file).Count | Should -Be 3000
        Export-ResidencyReport -Path (Join-Path $TestDrive 'never.html') -WhatIf
        Test-Path (Join-Path $TestDrive 'never.html') | Should -BeFalse
    }
}
