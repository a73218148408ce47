# Shared by every spec, dot-sourced in each file's BeforeAll: the module as users import it, by path, and helpers.
Import-Module (Join-Path $PSScriptRoot '../../out/ResidencyPS/ResidencyPS.psd1') -Force

# What Tab offers after $InputScript, as PowerShell's own completion computes it.
function Get-Completion([string] $InputScript) {
    (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
}

# A policy file in $TestDrive: the embedded policy exported, changed by $Change (which gets the parsed JSON).
function New-PolicyFile([string] $Name, [scriptblock] $Change) {
    $path = Join-Path $TestDrive $Name
    $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $path -Embedded -PassThru) | ConvertFrom-Json
    & $Change $json
    $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $path
    $path
}
