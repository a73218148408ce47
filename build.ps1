<#
.SYNOPSIS
    Builds, demonstrates and tests the ResidencyPS module: the front door to the Invoke-Build tasks in
    ResidencyPS.build.ps1.
.DESCRIPTION
    Restores Invoke-Build as a NuGet package (tools/BuildTools/BuildTools.csproj, as the tests restore Pester), imports
    it by its full path and runs the task. Tasks depend on each other and skip what is already built:
    Setup, Build, Demo (default), Test, Pester, Quick, Fuzz, Bench, Package, Clean; see ResidencyPS.build.ps1 for each.
    -Task Test ends with the line "N passed, N failed" (xunit and Pester together) and exits 1 when a test failed or
    none ran; any task exits 1 when it fails, 2 when the build tools themselves cannot be restored.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Pester -Spec Get-DataResidency
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Quick -Filter 'FullyQualifiedName~PolicyComparerTests'
#>
[CmdletBinding()]
param(
    [ValidateSet('Setup', 'Build', 'Demo', 'Test', 'Pester', 'Quick', 'Fuzz', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Demo',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # With -Task Bench: only the process and pipeline measurements, not the BenchmarkDotNet engine run.
    [switch] $SkipEngineBenchmarks,

    # With -Task Fuzz: how many mutated policies to load, and the seed of every fuzzer (policies, waiver files, inventories;
    # the test command uses 1500 and 20261129).
    [int] $FuzzCases = 100000,
    [int] $FuzzSeed = (Get-Random -Maximum ([int]::MaxValue)),

    # With -Task Pester: one spec file by name (Get-DataResidency), a wildcard (Get-*) or a path.
    [string] $Spec,

    # With -Task Quick: a dotnet test filter ('FullyQualifiedName~PolicyComparerTests') instead of the fast tests.
    [string] $Filter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$tools = Join-Path $PSScriptRoot 'tools/BuildTools/BuildTools.csproj'
& dotnet restore $tools --nologo -v quiet
if ($LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine("Restoring the build tools ($tools) failed with exit code $LASTEXITCODE.")
    exit 2
}

# The version lives in BuildTools.csproj only; the package lands in NuGet's global packages folder.
$version = ([xml] (Get-Content -Raw -LiteralPath $tools)).SelectSingleNode("//PackageDownload[@Include='Invoke-Build']").Version.Trim('[', ']')
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '' }
Import-Module (Join-Path $packages "invoke-build/$version/tools/InvokeBuild.psd1") -Force

$parameters = @{ Configuration = $Configuration; FuzzCases = $FuzzCases; FuzzSeed = $FuzzSeed; Spec = $Spec; Filter = $Filter }
if ($SkipEngineBenchmarks) { $parameters.SkipEngineBenchmarks = $true }
$summary = Join-Path $PSScriptRoot 'out/test-summary.txt'
if ($Task -eq 'Test') { Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue }

Invoke-Build -Task $Task -File (Join-Path $PSScriptRoot 'ResidencyPS.build.ps1') @parameters -Result result -Safe
$failed = [bool] $result.Error

# CI reads the count as the last line, after Invoke-Build's own summary.
if ($Task -eq 'Test') {
    $line = if (Test-Path -LiteralPath $summary) { (Get-Content -LiteralPath $summary -Raw).Trim() } else { '0 passed, 1 failed' }
    Write-Host $line
}

if ($failed) { exit 1 }
