<#
.SYNOPSIS
    Runs the Pester specs once, in this fresh pwsh, as users run the module: Pester imported by its full path, the
    module by the path its specs import (out/ResidencyPS).
.DESCRIPTION
    The build's Pester task (and Test, after xunit) runs this script in a new process. It prints Pester's own report
    (every failure with its spec and line) and, last, one line "Pester: N passed, N failed" that the build adds to
    xunit's count. Failed counts every It that did not pass and every container or block that failed outside an It
    (a spec that does not parse yields no tests at all, so it must count). The same counts go to -SummaryPath as
    JSON, and Pester's NUnit XML to -ResultPath, for CI to publish. Exit code 0 only when something ran and nothing
    failed.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    # Spec files or folders, joined by the path separator (pwsh -File passes one string per parameter): the build passes
    # tests/pester, or the specs -Spec names.
    [Parameter(Mandatory)] [string] $Path,
    [string] $SummaryPath,
    [string] $ResultPath,
    [ValidateSet('None', 'Normal', 'Detailed')] [string] $Verbosity = 'Normal'
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest

$config = New-PesterConfiguration
$config.Run.Path = @($Path -split [regex]::Escape([IO.Path]::PathSeparator) | Where-Object { $_ })
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Run.Throw = $false
$config.Output.Verbosity = $Verbosity
$config.Output.CIFormat = 'None'
if ($ResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultPath
}
$run = Invoke-Pester -Configuration $config

# A container fails outside any It when its file does not parse or its top level throws.
$brokenContainers = @($run.Containers | Where-Object { @($_.ErrorRecord).Count -gt 0 })
# Skipped or not run counts as not passed: nothing here is skipped on purpose, and a check must never pass by accident.
$notPassed = @($run.Tests | Where-Object Result -NE 'Passed')
$passed = @($run.Tests | Where-Object Result -EQ 'Passed').Count
$failed = $notPassed.Count + $run.FailedBlocksCount + $brokenContainers.Count
foreach ($container in $brokenContainers) {
    $reason = (@($container.ErrorRecord) | ForEach-Object { $_.Exception.Message }) -join ' '
    Write-Host "FAILED container $($container.Item): $($container.Result) $reason" -ForegroundColor Red
}
foreach ($test in $notPassed | Where-Object Result -NE 'Failed') {
    Write-Host "NOT RUN $($test.ExpandedPath): $($test.Result)" -ForegroundColor Red
}
if ($SummaryPath) {
    [ordered]@{ passed = $passed; failed = $failed } | ConvertTo-Json -Compress | Set-Content -LiteralPath $SummaryPath
}
"Pester: $passed passed, $failed failed"
if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
exit 0
