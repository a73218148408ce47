BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force
}

Describe 'Paths of the cmdlets that read or write files' {
    It 'takes a file whose name holds wildcard characters with -LiteralPath, everywhere' {
        $file = Join-Path $TestDrive 'policy[1].json'
        Export-ResidencyPolicy -LiteralPath $file -Embedded
        Test-Path -LiteralPath $file | Should -BeTrue
        (Get-ResidencyPolicy -LiteralPath $file).Sha256 | Should -Be (Get-ResidencyPolicy -Embedded).Sha256
        # Import-ResidencyPolicy changes the process's active policy, which other tests read at the same time:
        # its -LiteralPath is shown to take [ ] literally through the error for a file that is not there.
        Import-ResidencyPolicy -LiteralPath (Join-Path $TestDrive 'policy[2].json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyFileNotFound,ResidencyPS.Commands.ImportResidencyPolicyCommand'
        $err[0].Exception.Message | Should -BeLike '*policy`[2`].json*'
        $report = Join-Path $TestDrive 'report[1].md'
        Export-ResidencyReport -LiteralPath $report
        Test-Path -LiteralPath $report | Should -BeTrue
    }

    It 'reads every policy file piped from Get-ChildItem, and every file a -Path wildcard matches' {
        foreach ($name in 'one.json', 'two.json') { Export-ResidencyPolicy -Path (Join-Path $TestDrive $name) -Embedded }
        @(Get-ChildItem -Path $TestDrive -Filter '*.json' | Where-Object Name -In 'one.json', 'two.json' | Get-ResidencyPolicy).Count | Should -Be 2
        @(Get-ResidencyPolicy -Path (Join-Path $TestDrive 't*o.json')).Count | Should -Be 1
        @(Get-ResidencyPolicy -Path (Join-Path $TestDrive 'none-*.json') -ErrorVariable err).Count | Should -Be 0
        $err | Should -BeNullOrEmpty
    }

    It 'refuses a path of another provider, naming the path as given (<Path>)' -ForEach @(
        @{ Path = 'Variable:/residency' }, @{ Path = 'Env:/residency' }, @{ Path = 'Function:/residency' }
    ) {
        Export-ResidencyPolicy -Path $Path -Embedded -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PathNotFileSystem,ResidencyPS.Commands.ExportResidencyPolicyCommand'
        $err[0].TargetObject | Should -Be $Path
        Export-ResidencyReport -Path $Path -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PathNotFileSystem,ResidencyPS.Commands.ExportResidencyReportCommand'
        Test-Path -LiteralPath (Join-Path (Get-Location) 'residency') | Should -BeFalse
    }

    It 'writes one InvalidPolicy error per problem, with the file and line, from Import- and Get-ResidencyPolicy alike' {
        $file = Join-Path $TestDrive 'two-problems.json'
        $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $file -Embedded -PassThru) | ConvertFrom-Json
        $json.residency[0].regions = @('MARS'); $json.residency[1].regions = @('VENUS')
        $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $file
        Import-ResidencyPolicy -Path $file -ErrorVariable imported -ErrorAction SilentlyContinue # refused: nothing changes
        Get-ResidencyPolicy -Path $file -ErrorVariable described -ErrorAction SilentlyContinue
        $imported.Count | Should -Be 2
        $described.Count | Should -Be 2
        foreach ($err in @($imported) + @($described)) {
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPolicy,*'
            $err.ToString() | Should -Match ([regex]::Escape($file) + ': line \d+, position \d+, residency\[\d\]\.regions\[0\]')
        }
        (Get-ResidencyPolicy).IsEmbedded | Should -BeTrue
    }
}
