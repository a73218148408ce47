<#
.SYNOPSIS
    Measures what ResidencyPS costs next to PowerShell itself; run by build.ps1 -Task Bench.
.DESCRIPTION
    Every figure is the median of several runs after a warm-up, and every target is a ratio taken in
    the same run, so a slower or busier machine moves both sides alike.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $FloorModule,
    [Parameter(Mandatory)] [string] $EmptyModule,
    # A manifest whose root module is the no-op floor DLL: what any binary module with a manifest costs.
    [Parameter(Mandatory)] [string] $EmptyBinaryModule,
    # The same with one view and one types entry: what PowerShell costs any module that ships format and types files.
    [Parameter(Mandatory)] [string] $ViewsBinaryModule,
    # The pwsh to start, as its parts joined by '|' (the dotnet tool is 'dotnet|.../pwsh.dll').
    [Parameter(Mandatory)] [string] $PwshCommand,
    [Parameter(Mandatory)] [string] $Output,
    [int] $ProcessRuns = 15,
    [int] $PipelineRuns = 7,
    [int] $Records = 100000,
    [int] $ScaleProducts = 50000
)

$ErrorActionPreference = 'Stop'
# The inventories name products in regions the policy text does not offer them in: one warning each, not measured.
$WarningPreference = 'SilentlyContinue'
Set-StrictMode -Version Latest
$Pwsh = $PwshCommand -split '\|'

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

# A fresh pwsh per run, as a scheduled task starts one. The commands take turns, so a change in the
# machine's load during the run touches all of them alike; two warm-up rounds fill the OS file cache.
function Measure-Processes([string[]] $Commands) {
    $times = @{}
    foreach ($command in $Commands) { $times[$command] = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $ProcessRuns + 2; $round++) {
        foreach ($command in $Commands) {
            $sw = [Diagnostics.Stopwatch]::StartNew()
            & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "'$command' failed with exit code $LASTEXITCODE." }
            $sw.Stop()
            if ($round -gt 2) { $times[$command].Add($sw.Elapsed.TotalMilliseconds) }
        }
    }
    foreach ($command in $Commands) { Get-Median $times[$command] }
}

function Measure-InProcess([scriptblock] $Script, [int] $Runs) {
    $null = & $Script   # warm-up: JIT, caches, first-use loading
    $times = foreach ($i in 1..$Runs) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Script
        $sw.Elapsed.TotalMilliseconds
    }
    Get-Median $times
}

Write-Host "Cold start: $ProcessRuns rounds of fresh pwsh processes, taking turns (median)" -ForegroundColor Cyan
$bare, $empty, $emptyBinary, $viewsBinary, $floorFirst, $viewsFirst, $import, $first = Measure-Processes @(
    'exit'
    "Import-Module '$EmptyModule'"
    "Import-Module '$EmptyBinaryModule'"
    "Import-Module '$ViewsBinaryModule'"
    "Import-Module '$EmptyBinaryModule'; `$null = Test-EeaBoundaryFloor -Product Freshdesk"
    "Import-Module '$ViewsBinaryModule'; `$null = Test-EeaBoundaryFloor -Product Freshdesk"
    "Import-Module '$Module'"
    "Import-Module '$Module'; `$null = Get-DataResidency"
)

# What each part of the module costs at import (issue 26). A whole process varies by more than a part costs on a
# small machine (pwsh's own start moves by tens of milliseconds), so each part is timed inside its process: a
# stopwatch around Import-Module (and the first call), fresh processes taking turns, median, reported as the
# milliseconds it adds to the empty module's import. Copies of the built module leave one part out of the manifest.
Write-Host "Import by part, timed inside fresh processes: floors and copies of the module without the nested alias module, types, formats, or all three ($ProcessRuns rounds)" -ForegroundColor Cyan
$partsRoot = Join-Path ([IO.Path]::GetTempPath()) ('rps-bench-parts-' + [guid]::NewGuid().ToString('n'))
function New-ModuleCopy([string] $Name, [string[]] $Drop) {
    $parent = Join-Path $partsRoot $Name
    $null = New-Item -ItemType Directory -Path $parent
    Copy-Item -LiteralPath (Split-Path -Parent $Module) -Destination (Join-Path $parent 'ResidencyPS') -Recurse
    $manifest = Join-Path $parent 'ResidencyPS/ResidencyPS.psd1'
    $text = Get-Content -Raw -LiteralPath $manifest
    foreach ($key in $Drop) {
        # Without the nested module there is no alias to export either.
        $text = if ($key -eq 'NestedModules') { $text -replace '(?m)^\s*(NestedModules|AliasesToExport)\s*=.*$', '' } else { $text -replace "(?m)^\s*$key\s*=.*$", '' }
    }
    Set-Content -LiteralPath $manifest -Value $text
    $manifest
}
function Measure-Inside([System.Collections.Specialized.OrderedDictionary] $Snippets) {
    $times = [ordered]@{}
    foreach ($name in $Snippets.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $ProcessRuns + 2; $round++) {
        foreach ($name in $Snippets.Keys) {
            $command = "`$sw = [Diagnostics.Stopwatch]::StartNew(); $($Snippets[$name]); [Console]::Out.Write(`$sw.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))"
            $text = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command
            if ($LASTEXITCODE -ne 0) { throw "'$command' failed with exit code $LASTEXITCODE." }
            if ($round -gt 2) { $times[$name].Add([double]::Parse(($text -join ''), [cultureinfo]::InvariantCulture)) }
        }
    }
    $medians = [ordered]@{}
    foreach ($name in $times.Keys) { $medians[$name] = Get-Median $times[$name] }
    $medians
}
try {
    $snippets = [ordered]@{
        'the empty manifest-only module'                          = "Import-Module '$EmptyModule'"
        'a one-cmdlet binary module'                              = "Import-Module '$EmptyBinaryModule'"
        'it with one view and one types entry'                    = "Import-Module '$ViewsBinaryModule'"
        'it with the view and types entry + first call'           = "Import-Module '$ViewsBinaryModule'; `$null = Test-EeaBoundaryFloor -Product Freshdesk"
        'ResidencyPS as built'                                    = "Import-Module '$Module'"
        'ResidencyPS + first Get-DataResidency'                   = "Import-Module '$Module'; `$null = Get-DataResidency"
        'ResidencyPS without the nested alias module'             = "Import-Module '$(New-ModuleCopy 'nested' 'NestedModules')'"
        'ResidencyPS without TypesToProcess'                      = "Import-Module '$(New-ModuleCopy 'types' 'TypesToProcess')'"
        'ResidencyPS without FormatsToProcess'                    = "Import-Module '$(New-ModuleCopy 'formats' 'FormatsToProcess')'"
        'ResidencyPS without all three'                           = "Import-Module '$(New-ModuleCopy 'all' 'NestedModules', 'TypesToProcess', 'FormatsToProcess')'"
    }
    $inside = Measure-Inside $snippets
}
finally {
    Remove-Item -LiteralPath $partsRoot -Recurse -Force -ErrorAction SilentlyContinue
}
$insideEmpty = $inside['the empty manifest-only module']
$importParts = [ordered]@{}
foreach ($name in $inside.Keys) {
    $importParts[$name] = [ordered]@{ milliseconds = [math]::Round($inside[$name], 1); overEmptyModule = [math]::Round($inside[$name] - $insideEmpty, 1) }
}

Write-Host "Pipeline: $Records inventory records, $PipelineRuns runs per line (median)" -ForegroundColor Cyan
Import-Module $Module
Import-Module $FloorModule
$pairs = foreach ($r in Get-DataResidency) { , @($r.Product, $r.DataCategory) }
$regions = 'EEA', 'US', 'EEA', 'IND'
$inventory = [Collections.Generic.List[object]]::new($Records)
for ($i = 0; $i -lt $Records; $i++) {
    $pair = $pairs[$i % $pairs.Count]
    $inventory.Add([pscustomobject]@{ Product = $pair[0]; DataCategory = $pair[1]; HostingRegion = $regions[$i % $regions.Count] })
}

# What an admin would write instead: a hashtable of the residency answers and a pipeline function.
function Test-EeaBoundaryScript {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [string] $Product,
        [Parameter(Position = 1, ValueFromPipelineByPropertyName)] [string[]] $DataCategory,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $HostingRegion = 'EEA'
    )
    begin {
        $answers = @{}
        foreach ($r in Get-DataResidency) { $answers["$($r.Product)|$($r.DataCategory)"] = $r }
    }
    process {
        foreach ($category in $DataCategory) {
            $answer = $answers["$Product|$category"]
            [pscustomobject]@{
                Product       = $Product
                DataCategory  = $category
                HostingRegion = $HostingRegion
                StaysInEea    = $HostingRegion -eq 'EEA' -and $answer.Regions -contains 'EEA'
            }
        }
    }
}

# The cmdlet and its floor take turns, run by run, for the same reason as the processes above.
$cmdletTimes = [Collections.Generic.List[double]]::new(); $floorTimes = [Collections.Generic.List[double]]::new()
for ($run = 0; $run -lt $PipelineRuns; $run++) {
    $cmdletTimes.Add((Measure-InProcess { $inventory | Test-EeaBoundary -ErrorAction Stop } 1))
    $floorTimes.Add((Measure-InProcess { $inventory | Test-EeaBoundaryFloor } 1))
}
$cmdlet = Get-Median $cmdletTimes
$floor = Get-Median $floorTimes
$script = Measure-InProcess { $inventory | Test-EeaBoundaryScript } ([math]::Max(1, [int]($PipelineRuns / 2)))
$residencyAll = Measure-InProcess { for ($i = 0; $i -lt 100; $i++) { $null = Get-DataResidency } } $PipelineRuns
$retentionAll = Measure-InProcess { for ($i = 0; $i -lt 100; $i++) { $null = ResidencyPS\Get-RetentionPolicy } } $PipelineRuns

Write-Host "Scale: a policy of $ScaleProducts products (the most a 4 MB file holds with records for a tenth of them)" -ForegroundColor Cyan
$scaleFile = Join-Path ([IO.Path]::GetTempPath()) "residencyps-scale-$PID.json"
$scale = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path $scaleFile -Embedded -PassThru) | ConvertFrom-Json
$source = ($scale.statements.id | Sort-Object Length)[0]
$scale.products = @($scale.products) + @(for ($i = 0; $i -lt $ScaleProducts; $i++) { [pscustomobject]@{ name = 'Prod{0:D5}' -f $i; basis = 'Stated'; sources = @($source) } })
$scale.residency = @($scale.residency) + @(for ($i = 0; $i -lt $ScaleProducts; $i += 10) {
    [pscustomobject]@{ product = 'Prod{0:D5}' -f $i; category = 'TicketData'; term = 't'; regions = @('US', 'EEA'); basis = 'Stated'; sources = @($source) } })
Remove-Item -LiteralPath $scaleFile
$scale | ConvertTo-Json -Depth 12 -Compress | Set-Content -LiteralPath $scaleFile -Encoding utf8NoBOM
$scalePolicy = Get-ResidencyPolicy -LiteralPath $scaleFile
Remove-Item -LiteralPath $scaleFile
$scaleWildcard = Measure-InProcess { Get-DataResidency -Policy $scalePolicy -Product 'Prod1*' } $PipelineRuns
# Only every tenth product has records (Prod1…0): a product without any is a NotEvaluated row with an error since issue 25.
$scaleTest = Measure-InProcess { Test-EeaBoundary -Policy $scalePolicy -Product 'Prod1*0' } $PipelineRuns
$scaleCategory = Measure-InProcess { Get-DataCategory -Policy $scalePolicy -Product 'Prod1*' } $PipelineRuns
$scaleMissing = Measure-InProcess { Get-DataResidency -Policy $scalePolicy -Product 'Prd12345' -ErrorAction SilentlyContinue } $PipelineRuns
$missingError = $null
Get-DataResidency -Policy $scalePolicy -Product 'Prd12345' -ErrorVariable missingError -ErrorAction SilentlyContinue
$scaleMessage = $missingError[0].ToString().Length

Write-Host 'Hostile files: refusals of 4 MB of bad references, wrong types and a waiver file; report size per policy size' -ForegroundColor Cyan
$hostile = & (Join-Path $PSScriptRoot 'hostile.ps1') -Module $Module

Write-Host 'Peak working set: the 100,000-record pipeline in a fresh pwsh' -ForegroundColor Cyan
$peakScript = @"
Import-Module '$Module'
`$WarningPreference = 'SilentlyContinue'
`$pairs = foreach (`$r in Get-DataResidency) { , @(`$r.Product, `$r.DataCategory) }
`$inventory = for (`$i = 0; `$i -lt $Records; `$i++) { `$p = `$pairs[`$i % `$pairs.Count]; [pscustomobject]@{ Product = `$p[0]; DataCategory = `$p[1] } }
`$before = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
`$null = `$inventory | Test-EeaBoundary
[Diagnostics.Process]::GetCurrentProcess().Refresh()
'{0} {1}' -f `$before, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
"@
$peak = (& $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $peakScript) -split ' '

Write-Host "Result file: $Records results written with Export-ResidencyReport -Format Json and read back with Import-ResidencyResult, in a fresh pwsh" -ForegroundColor Cyan
$resultFileScript = @"
Import-Module '$Module'
`$WarningPreference = 'SilentlyContinue'
`$pairs = foreach (`$r in Get-DataResidency) { , @(`$r.Product, `$r.DataCategory) }
`$results = `$(for (`$i = 0; `$i -lt $Records; `$i++) { `$p = `$pairs[`$i % `$pairs.Count]; [pscustomobject]@{ Product = `$p[0]; DataCategory = `$p[1] } }) | Test-EeaBoundary
`$file = Join-Path ([IO.Path]::GetTempPath()) ('residencyps-bench-' + `$PID + '.json')
`$write = [Diagnostics.Stopwatch]::StartNew(); `$results | Export-ResidencyReport -LiteralPath `$file; `$write.Stop()
`$bytes = (Get-Item -LiteralPath `$file).Length
`$results = `$null; [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$process = [Diagnostics.Process]::GetCurrentProcess(); `$process.Refresh(); `$before = `$process.WorkingSet64
`$read = [Diagnostics.Stopwatch]::StartNew(); `$back = Import-ResidencyResult -LiteralPath `$file; `$read.Stop()
`$process.Refresh()
Remove-Item -LiteralPath `$file
'{0} {1} {2} {3} {4} {5}' -f `$write.Elapsed.TotalMilliseconds, `$read.Elapsed.TotalMilliseconds, `$bytes, `$before, `$process.PeakWorkingSet64, @(`$back).Count
"@
$resultRuns = foreach ($run in 1..3) { , ((& $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $resultFileScript) -split ' ' | ForEach-Object { [double]$_ }) }
$resultWrite = Get-Median ($resultRuns | ForEach-Object { $_[0] })
$resultRead = Get-Median ($resultRuns | ForEach-Object { $_[1] })
$resultBytes = $resultRuns[0][2]
$resultPeakGrowth = Get-Median ($resultRuns | ForEach-Object { $_[4] - $_[3] })
if ($resultRuns[0][5] -ne $Records) { throw "Import-ResidencyResult read $($resultRuns[0][5]) of $Records results back." }

$result = [ordered]@{
    machine           = [ordered]@{ os = [Runtime.InteropServices.RuntimeInformation]::OSDescription; cpus = [Environment]::ProcessorCount; powershell = $PSVersionTable.PSVersion.ToString(); dotnet = [Environment]::Version.ToString() }
    date              = (Get-Date).ToUniversalTime().ToString('u')
    runs              = [ordered]@{ process = $ProcessRuns; pipeline = $PipelineRuns; records = $Records }
    milliseconds      = [ordered]@{
        bareStart              = [math]::Round($bare, 1)
        emptyModuleImport      = [math]::Round($empty, 1)
        emptyBinaryModuleImport = [math]::Round($emptyBinary, 1)
        viewsBinaryModuleImport = [math]::Round($viewsBinary, 1)
        emptyBinaryFirstCall   = [math]::Round($floorFirst, 1)
        viewsBinaryFirstCall   = [math]::Round($viewsFirst, 1)
        residencyImport        = [math]::Round($import, 1)
        importAndFirstAnswer   = [math]::Round($first, 1)
        pipelineTestEeaBoundary = [math]::Round($cmdlet, 1)
        pipelineCompiledFloor  = [math]::Round($floor, 1)
        pipelineScriptFunction = [math]::Round($script, 1)
        getDataResidencyAll    = [math]::Round($residencyAll / 100, 3)
        getRetentionPolicyAll  = [math]::Round($retentionAll / 100, 3)
    }
    importInsideProcess = $importParts
    scale             = [ordered]@{
        products                       = $scalePolicy.ProductCount
        wildcardGetDataResidencyMs     = [math]::Round($scaleWildcard, 1)
        wildcardTestEeaBoundaryMs      = [math]::Round($scaleTest, 1)
        wildcardGetDataCategoryMs      = [math]::Round($scaleCategory, 1)
        notFoundLiteralMs              = [math]::Round($scaleMissing, 1)
        notFoundMessageCharacters      = $scaleMessage
        targetMs                       = 1000
    }
    hostile           = $hostile
    resultFile        = [ordered]@{ results = $Records; megabytes = [math]::Round($resultBytes / 1MB, 1); writeMs = [math]::Round($resultWrite, 1); readMs = [math]::Round($resultRead, 1)
                                    peakWorkingSetGrowthWhileReadingMB = [math]::Round($resultPeakGrowth / 1MB, 1); targetMs = 2000 }
    peakWorkingSetMB  = [ordered]@{ beforePipeline = [math]::Round([double]$peak[0] / 1MB, 1); afterPipeline = [math]::Round([double]$peak[1] / 1MB, 1) }
    ratios            = [ordered]@{
        importVsEmptyModule        = [math]::Round($import / $empty, 3)
        importVsEmptyBinaryModule  = [math]::Round($import / $emptyBinary, 3)
        importVsViewsBinaryModule  = [math]::Round($import / $viewsBinary, 3)
        firstAnswerVsBinaryFirstCall = [math]::Round($first / $floorFirst, 3)
        firstAnswerVsViewsBinaryFirstCall = [math]::Round($first / $viewsFirst, 3)
        firstAnswerVsEmptyModule   = [math]::Round($first / $empty, 3)
        pipelineVsCompiledFloor    = [math]::Round($cmdlet / $floor, 3)
        pipelineVsScriptFunction   = [math]::Round($cmdlet / $script, 3)
    }
    targets           = [ordered]@{ importVsEmptyModule = 1.05; firstAnswerVsEmptyModule = 1.10; pipelineVsCompiledFloor = 1.25; pipelineVsScriptFunction = 0.333 }
}
$result | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $Output -Encoding utf8

$rows = @(
    [pscustomobject]@{ Measure = 'pwsh -NoProfile, exit'; Median = '{0,8:N1} ms' -f $bare; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = 'Import an empty manifest-only module'; Median = '{0,8:N1} ms' -f $empty; Ratio = '1.000'; Target = '' }
    [pscustomobject]@{ Measure = 'Import a one-cmdlet binary module with manifest'; Median = '{0,8:N1} ms' -f $emptyBinary; Ratio = '{0:N3}' -f ($emptyBinary / $empty); Target = '' }
    [pscustomobject]@{ Measure = 'Import it with one view and one types entry'; Median = '{0,8:N1} ms' -f $viewsBinary; Ratio = '{0:N3}' -f ($viewsBinary / $empty); Target = '' }
    [pscustomobject]@{ Measure = 'Import it + its cmdlet''s first call'; Median = '{0,8:N1} ms' -f $floorFirst; Ratio = '{0:N3}' -f ($floorFirst / $empty); Target = '' }
    [pscustomobject]@{ Measure = 'Import it with the view and types + first call'; Median = '{0,8:N1} ms' -f $viewsFirst; Ratio = '{0:N3}' -f ($viewsFirst / $empty); Target = '' }
    [pscustomobject]@{ Measure = 'Import ResidencyPS'; Median = '{0,8:N1} ms' -f $import; Ratio = '{0:N3}' -f $result.ratios.importVsEmptyModule; Target = '<= {0:N2}' -f $result.targets.importVsEmptyModule }
    [pscustomobject]@{ Measure = 'Import + first Get-DataResidency'; Median = '{0,8:N1} ms' -f $first; Ratio = '{0:N3}' -f $result.ratios.firstAnswerVsEmptyModule; Target = '<= {0:N2}' -f $result.targets.firstAnswerVsEmptyModule }
    [pscustomobject]@{ Measure = "$Records records | compiled no-op floor"; Median = '{0,8:N1} ms' -f $floor; Ratio = '1.000'; Target = '' }
    [pscustomobject]@{ Measure = "$Records records | Test-EeaBoundary"; Median = '{0,8:N1} ms' -f $cmdlet; Ratio = '{0:N3}' -f $result.ratios.pipelineVsCompiledFloor; Target = '<= 1.25' }
    [pscustomobject]@{ Measure = "$Records records | script function"; Median = '{0,8:N1} ms' -f $script; Ratio = '{0:N3}' -f $result.ratios.pipelineVsScriptFunction; Target = 'cmdlet/script <= 0.333' }
    [pscustomobject]@{ Measure = 'Get-DataResidency (everything)'; Median = '{0,8:N3} ms' -f ($residencyAll / 100); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = 'Get-RetentionPolicy (everything)'; Median = '{0,8:N3} ms' -f ($retentionAll / 100); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "$($scalePolicy.ProductCount) products: Get-DataResidency Prod1*"; Median = '{0,8:N1} ms' -f $scaleWildcard; Ratio = ''; Target = '< 1000 ms' }
    [pscustomobject]@{ Measure = "$($scalePolicy.ProductCount) products: Test-EeaBoundary Prod1*0"; Median = '{0,8:N1} ms' -f $scaleTest; Ratio = ''; Target = '< 1000 ms' }
    [pscustomobject]@{ Measure = "$($scalePolicy.ProductCount) products: Get-DataCategory -Product Prod1*"; Median = '{0,8:N1} ms' -f $scaleCategory; Ratio = ''; Target = '< 1000 ms' }
    [pscustomobject]@{ Measure = "$($scalePolicy.ProductCount) products: a misspelt name (error of $scaleMessage chars)"; Median = '{0,8:N1} ms' -f $scaleMissing; Ratio = ''; Target = '< 1000 ms' }
    [pscustomobject]@{ Measure = "Result file of $Records results ($([math]::Round($resultBytes / 1MB)) MB): write"; Median = '{0,8:N1} ms' -f $resultWrite; Ratio = ''; Target = '< 2000 ms' }
    [pscustomobject]@{ Measure = "Result file of $Records results: read back"; Median = '{0,8:N1} ms' -f $resultRead; Ratio = ''; Target = '< 2000 ms' }
    [pscustomobject]@{ Measure = 'Working set growth while reading it back'; Median = '{0,8:N1} MB' -f ($resultPeakGrowth / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = 'Peak working set, 100k pipeline'; Median = '{0,8:N1} MB' -f $result.peakWorkingSetMB.afterPipeline; Ratio = ''; Target = '' }
)
$rows += foreach ($part in $importParts.GetEnumerator()) {
    [pscustomobject]@{ Measure = "Inside the process: $($part.Key)"; Median = '{0,8:N1} ms' -f $part.Value.milliseconds; Ratio = '{0:+0.0;-0.0;0.0} ms' -f $part.Value.overEmptyModule; Target = '' }
}
$rows += foreach ($refusal in $hostile.refusals) {
    [pscustomobject]@{ Measure = "Refuse $($refusal.file)"; Median = '{0,8:N1} ms' -f $refusal.milliseconds; Ratio = ''; Target = '< 2000 ms' }
}
$worst = $hostile.outputs | Sort-Object { $_.ratio } -Descending | Select-Object -First 1
$rows += [pscustomobject]@{ Measure = "Largest report / policy size ($($worst.policy), $($worst.format))"; Median = '{0,8:N1} MB' -f ($worst.reportBytes / 1MB); Ratio = '{0:N2}' -f $worst.ratio; Target = '<= 256 MiB' }
$rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
Write-Host "Figures written to $Output"
