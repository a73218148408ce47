BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
    $seedPath = Join-Path $PSScriptRoot '../../src/ResidencyPS/Data/freshworks-data-hosting.nl.txt'
    $script:seedLines = [IO.File]::ReadAllText($seedPath) -split "`n"
    function Compress-Space([string] $Text) { ($Text -replace '\s+', ' ').Trim() }
}

Describe 'Every statement of the seed is reachable through the cmdlets' {
    It 'quotes every line of the seed through Get-PolicyStatement' {
        $texts = Get-PolicyStatement | ForEach-Object { Compress-Space $_.Text } | Sort-Object -Unique | Sort-Object Length -Descending
        for ($i = 0; $i -lt $seedLines.Count; $i++) {
            $rest = Compress-Space $seedLines[$i]
            foreach ($t in $texts) { $rest = $rest.Replace($t, ' ') }
            Compress-Space $rest | Should -BeNullOrEmpty -Because "line $($i + 1) of the seed must be quoted"
        }
    }

    It 'cites every table cell, definition and footnote from the fact cmdlets' {
        $cited = @(
            (Get-DataResidency).Source
            (ResidencyPS\Get-RetentionPolicy).Source
            (Get-DataCategory).Source
            (Get-HostingRegion).Source
            (Get-DataResidency | Test-EeaBoundary -UsesIntegrations -CustomMailbox).Findings.Source
        ).Id | Sort-Object -Unique
        $facts = Get-PolicyStatement | Where-Object Kind -In 'TableCell', 'TableRow', 'Footnote'
        $facts | Should -Not -BeNullOrEmpty
        $facts | ForEach-Object { $cited | Should -Contain $_.Id -Because "'$($_.Text)' is a fact of the seed" }
    }

    It 'cites every sentence of the hosting, backup, SSO, migration and integration sections from the fact cmdlets' {
        $cited = @(
            (Get-DataResidency).Source
            (ResidencyPS\Get-RetentionPolicy).Source
            (Get-HostingRegion).Source
            (Get-DataResidency | Test-EeaBoundary -UsesIntegrations -CustomMailbox).Findings.Source
            (Get-DataResidency | Test-EeaBoundary).Findings.Source
        ).Id | Sort-Object -Unique
        $sections = 'Gegevenshosting', 'Back-up en logboeken', 'Freshworks productoverschrijdende verificatie', 'Gegevensmigratie', 'Integratiegegevens'
        $sentences = Get-PolicyStatement | Where-Object { $_.Kind -eq 'Sentence' -and $_.Section -in $sections -and $_.Id -notlike 'hosting-list-intro-*' }
        $sentences | ForEach-Object { $cited | Should -Contain $_.Id -Because "'$($_.Text)' is a fact of the seed" }
    }
}
