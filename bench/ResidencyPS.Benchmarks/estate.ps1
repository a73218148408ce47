<#
.SYNOPSIS
    Several vendors at once (issue 22): 50 fictional vendors' policies and an inventory of 100,000 rows across them
    through Test-EeaBoundary, each measurement in a fresh pwsh; run by build.ps1 -Task Bench, or alone with -Module.
.DESCRIPTION
    The policies are written for this run only, into a folder of its own under the temporary folder, deleted at the end:
    "Fictional Vendor 01" to "Fictional Vendor 50", each with five products of its own (FV01 Desk, FV01 Chat, ...), two or
    three data categories per product and the regions EEA, US and APAC. They are not any vendor's words and never ship.

    Every measurement starts a fresh pwsh that imports the module, imports the policies (timed) and streams the rows
    through Test-EeaBoundary (timed): the rows are made one at a time inside the pipeline, never held in an array, so the
    working set can show whether anything keeps them. Row i belongs to vendor i mod 50 and names one of its products, a
    data category of it and a hosting region; every fifth row has no Vendor column, so its product name routes it. Six
    kinds of process take turns, run by run (median of -Runs):

    - 50 vendors, -Records rows: the figure the issue asks for (target: under 10 s), rows made, checked and every result
      verified by a script block (below);
    - the same with the results dropped (Out-Null) instead of verified, so the verification's own cost shows;
    - 50 vendors, -SmallRecords rows: the same process with a tenth of the rows, for memory;
    - 1 vendor, -Records rows: the same rows' shape against one fictional vendor (beside the embedded policy), so a
      per-row cost of many vendors shows as a ratio;
    - 50 vendors, -Records and -SmallRecords rows made and dropped (Out-Null) without Test-EeaBoundary: PowerShell's
      cost of the rows, in time and in memory.

    "Memory flat": each process reports Process.PeakWorkingSet64 after its pipeline, the working set as the pipeline
    starts, and, on Linux, the pipeline's own peak (the peak is reset through /proc/self/clear_refs just before it). Flat
    means the process of -Records rows peaks no more than -FlatRatio times as high as the same process of -SmallRecords
    rows (ten times fewer). PowerShell's own [pscustomobject] rows make the heap grow during a long pipeline (about 45 MB
    a million rows on .NET 10, freed when it ends; strings do not), so the pipeline's own peak is also set against that of
    the same rows made without Test-EeaBoundary, at both row counts: the difference is what the module adds. The managed
    heap left after a full collection once the pipeline ends shows whether any row was kept.

    The pipeline checks what it evaluated, and the benchmark throws unless every row gave one result, none NotEvaluated,
    each from the policy of the row's vendor (also the rows that name no vendor and are routed by their product), and
    every vendor answered.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    # The pwsh to start, as its parts joined by '|' (the dotnet tool is 'dotnet|.../pwsh.dll'); this pwsh when omitted.
    [string] $PwshCommand,
    [string] $Output,
    [ValidateRange(2, 99)] [int] $Vendors = 50,
    [ValidateRange(1, 100000000)] [int] $Records = 100000,
    [ValidateRange(1, 100000000)] [int] $SmallRecords = 10000,
    [ValidateRange(1, 99)] [int] $Runs = 5,
    [double] $TargetSeconds = 10,
    [double] $FlatRatio = 1.10
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if (-not $PwshCommand) {
    $exe = [Environment]::ProcessPath
    $PwshCommand = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $exe + '|' + (Join-Path $PSHOME 'pwsh.dll') } else { $exe }
}
$Pwsh = $PwshCommand -split '\|'
$Module = (Resolve-Path -LiteralPath $Module).ProviderPath

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

# The shape of every fictional policy and row: the child process below rebuilds the same names from the same numbers.
$productSuffixes = 'Desk', 'Chat', 'Mail', 'Analytics', 'Archive'
$categoryNames = 'TicketData', 'ContactData', 'LogData'
$regionSets = @(@('EEA'), @('EEA', 'US'), @('US'), @('APAC'), @('EEA', 'APAC'))

# A FICTIONAL vendor's policy, written for this benchmark and never shipped (the shape of New-FictionalPolicyFile in
# tests/pester/TestHelpers.ps1): five products named after the vendor's number, the first, third and fifth with two data
# categories and the others with three, each hosted in one of a few region sets.
function New-EstatePolicy([string] $Folder, [int] $Number) {
    $vendor = 'Fictional Vendor {0:D2}' -f $Number
    $prefix = 'FV{0:D2}' -f $Number
    $statements = [Collections.Generic.List[object]]::new()
    $statement = {
        param([string] $Text)
        $id = 's' + ($statements.Count + 1)
        $statements.Add([ordered]@{ id = $id; line = $statements.Count + 1; section = 'Hosting'; kind = 'Sentence'; text = $Text; english = $Text })
        $id
    }
    $offered = & $statement "$vendor offers its products in the EEA, the US and APAC (a fictional text written for a benchmark)."
    $logs = & $statement 'Logs are kept for 30 days in the hosting region.'
    $categories = [ordered]@{}
    $residency = [Collections.Generic.List[object]]::new()
    $products = for ($p = 0; $p -lt $productSuffixes.Count; $p++) { "$prefix $($productSuffixes[$p])" }
    for ($p = 0; $p -lt $products.Count; $p++) {
        for ($c = 0; $c -lt 2 + ($p % 2); $c++) {
            $category = $categoryNames[$c]
            $regions = $regionSets[($Number + $p + $c) % $regionSets.Count]
            $source = & $statement "$($products[$p]) $category is kept in $($regions -join ', ')."
            if (-not $categories.Contains($category)) {
                $categories[$category] = [ordered]@{ id = $category; name = $category; nameNl = "$category (nl)"; sources = @($source) }
            }
            $residency.Add([ordered]@{ product = $products[$p]; category = $category; term = $category; regions = $regions; basis = 'Stated'; sources = @($source) })
        }
    }
    $region = { param($Code, $Countries) [ordered]@{ code = $Code; name = "$Code region"; nameNl = "$Code regio"; countries = $Countries; basis = 'Stated'; sources = @($offered) } }
    $policy = [ordered]@{
        schemaVersion = '1.0'; vendor = $vendor; policyVersion = 'bench'
        source        = [ordered]@{ title = 'A fictional text written for the estate benchmark'; language = 'en'; document = "$prefix.txt" }
        statements    = $statements
        regions       = @((& $region 'EEA' @('NO', 'DE')), (& $region 'US' @('US')), (& $region 'APAC' @('JP')))
        products      = @($products | ForEach-Object { [ordered]@{ name = $_; basis = 'Stated'; sources = @($offered) } })
        categories    = @($categories.Values)
        residency     = @($residency)
        subjects      = @([ordered]@{ id = 'Logs'; name = 'Logs'; nameNl = 'Logboeken'; activity = 'Logging'; sources = @($logs) })
        retention     = @([ordered]@{ id = 'logs-30-days'; subject = 'Logs'; products = @($products); hostingRegions = @(); storage = 'HostRegion'
                period = [ordered]@{ value = 30; unit = 'Days'; text = '30 days' }; after = 'Deleted'; basis = 'Stated'; sources = @($logs) })
        rules         = @([ordered]@{ id = 'ApacNote'; when = 'Always'; products = @(); categories = @(); hostingRegions = @('APAC'); effect = 'Info'; destination = $null
                message = 'A note for APAC.'; basis = 'Stated'; sources = @($offered) })
    }
    $path = Join-Path $Folder ('fictional-vendor-{0:D2}.json' -f $Number)
    $policy | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $path -Encoding utf8NoBOM
}

# One measurement, in a fresh pwsh (written to a file and run with -File). It prints one line of JSON last.
$child = {
    param(
        [string] $Module,
        [string] $PolicyFolder,
        [int] $Vendors,
        [int] $Records,
        [ValidateSet('Check', 'CheckUnverified', 'RowsOnly')] [string] $Pipeline
    )
    $ErrorActionPreference = 'Stop'
    # Rows ask about products in regions their text does not offer them in, and repeat questions: warnings, not measured.
    $WarningPreference = 'SilentlyContinue'
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Import-Module $Module
    $importModuleMs = $watch.Elapsed.TotalMilliseconds
    $watch.Restart()
    # All of them as a user would, by wildcard; one by its name. (The wildcard is made here: pwsh on Unix would expand it
    # as an argument of the native command that starts this process.)
    Import-ResidencyPolicy -Path $(if ($Vendors -eq 1) { Join-Path $PolicyFolder 'fictional-vendor-01.json' } else { Join-Path $PolicyFolder '*.json' })
    $importPoliciesMs = $watch.Elapsed.TotalMilliseconds
    $active = @(Get-ResidencyPolicy).Count
    if ($active -ne $Vendors + 1) { throw "$active policies are active; expected $Vendors fictional ones and the embedded one." }

    # Row i (from 0) is vendor i % V's; that vendor's k-th row names product k % 5 and, as k grows, each data category of
    # it in every hosting region in turn (every product, category and region of every vendor is asked about). One of
    # every five of a vendor's rows has no Vendor column, so its product routes it.
    $suffixes = 'Desk', 'Chat', 'Mail', 'Analytics', 'Archive'
    $categories = 'TicketData', 'ContactData', 'LogData'
    $hosting = 'EEA', 'US', 'APAC'
    $vendorNames = [string[]]@(for ($v = 1; $v -le $Vendors; $v++) { 'Fictional Vendor {0:D2}' -f $v })
    $productNames = @(for ($v = 1; $v -le $Vendors; $v++) { , [string[]]@(foreach ($s in $suffixes) { 'FV{0:D2} {1}' -f $v, $s }) })
    $vendorIndex = @{}
    for ($v = 0; $v -lt $Vendors; $v++) { $vendorIndex[$vendorNames[$v]] = $v }
    $rows = {
        for ($i = 0; $i -lt $Records; $i++) {
            $v = $i % $Vendors
            $k = ($i - $v) / $Vendors
            $p = $k % 5
            $j = ($k - $p) / 5
            $product = $productNames[$v][$p]
            $category = $categories[$j % (2 + $p % 2)]
            $region = $hosting[(($j - $j % 3) / 3) % 3]
            if ($j % 5 -eq 4) {
                [pscustomobject]@{ Product = $product; DataCategory = $category; HostingRegion = $region }
            }
            else {
                [pscustomobject]@{ Vendor = $vendorNames[$v]; Product = $product; DataCategory = $category; HostingRegion = $region }
            }
        }
    }

    # What came out: results, NotEvaluated ones, results from another vendor's policy than the row's, and per vendor.
    $tally = [int[]]::new(3)
    $perVendor = [int[]]::new($Vendors)
    $verify = {
        process {
            $tally[0]++
            if ($_.Verdict -eq 'NotEvaluated') { $tally[1]++ }
            $v = $vendorIndex[$_.PolicyVendor]
            if ($null -eq $v -or $v -ne ($_.InputRow - 1) % $Vendors) { $tally[2]++ } else { $perVendor[$v]++ }
        }
    }

    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $heapBefore = [GC]::GetTotalMemory($true)
    $process.Refresh()
    $peakBeforePipeline = $process.PeakWorkingSet64
    $workingSetBefore = $process.WorkingSet64
    # Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current working set, so the peak after the pipeline
    # is the pipeline's own. Elsewhere (or if refused) the peak stays the whole process's.
    $peakReset = $false
    if ($IsLinux) {
        try { [IO.File]::WriteAllText('/proc/self/clear_refs', '5'); $peakReset = $true } catch { $peakReset = $false }
    }
    $watch.Restart()
    switch ($Pipeline) {
        'Check' { & $rows | Test-EeaBoundary | & $verify }
        'CheckUnverified' { & $rows | Test-EeaBoundary | Out-Null }
        'RowsOnly' { & $rows | Out-Null }
    }
    $pipelineMs = $watch.Elapsed.TotalMilliseconds
    $process.Refresh()
    $peakAfter = $process.PeakWorkingSet64
    $heapAfter = [GC]::GetTotalMemory($true)

    [ordered]@{
        importModuleMs     = $importModuleMs
        importPoliciesMs   = $importPoliciesMs
        pipelineMs         = $pipelineMs
        peakBeforePipeline = $peakBeforePipeline
        workingSetBefore   = $workingSetBefore
        peakReset          = $peakReset
        peakAfter          = $peakAfter
        processPeak        = [math]::Max($peakBeforePipeline, $peakAfter)
        heapBefore         = $heapBefore
        heapAfter          = $heapAfter
        results            = $tally[0]
        notEvaluated       = $tally[1]
        misrouted          = $tally[2]
        vendorsAnswering   = @($perVendor | Where-Object { $_ -gt 0 }).Count
    } | ConvertTo-Json -Compress
}

# The machine's load as the benchmark starts and ends (Linux), so a busy run can be told from a quiet one.
function Get-LoadAverage { if (Test-Path -LiteralPath '/proc/loadavg') { ((Get-Content -LiteralPath '/proc/loadavg') -split ' ')[0..2] -join ' ' } }
$loadAtStart = Get-LoadAverage

$root = Join-Path ([IO.Path]::GetTempPath()) ('residencyps-estate-' + [guid]::NewGuid().ToString('n'))
$policies = Join-Path $root 'policies'
$childFile = Join-Path $root 'estate-child.ps1'
try {
    $null = New-Item -ItemType Directory -Path $policies
    Write-Host "Estate: $Vendors fictional vendors' policies in $policies" -ForegroundColor Cyan
    for ($n = 1; $n -le $Vendors; $n++) { New-EstatePolicy $policies $n }
    Set-Content -LiteralPath $childFile -Value $child.ToString() -Encoding utf8NoBOM

    function Invoke-Child([int] $VendorCount, [int] $Rows, [string] $Pipeline) {
        $lines = @(& $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $childFile -Module $Module -PolicyFolder $policies `
                -Vendors $VendorCount -Records $Rows -Pipeline $Pipeline 2>&1)
        if ($LASTEXITCODE -ne 0) { throw "The estate measurement ($VendorCount vendors, $Rows rows, $Pipeline) failed with exit code ${LASTEXITCODE}: $($lines -join "`n")" }
        $figures = $lines[-1] | ConvertFrom-Json
        if ($Pipeline -eq 'Check') {
            # A benchmark that evaluates nothing measures nothing: every row one result, from its own vendor's policy.
            if ($figures.results -ne $Rows) { throw "Test-EeaBoundary gave $($figures.results) results for $Rows rows ($VendorCount vendors)." }
            if ($figures.notEvaluated -ne 0) { throw "$($figures.notEvaluated) of $Rows rows came out NotEvaluated ($VendorCount vendors)." }
            if ($figures.misrouted -ne 0) { throw "$($figures.misrouted) of $Rows results came from another policy than the row's vendor's ($VendorCount vendors)." }
            if ($figures.vendorsAnswering -ne $VendorCount) { throw "Only $($figures.vendorsAnswering) of $VendorCount vendors answered." }
        }
        $figures
    }

    $kinds = [ordered]@{
        estate        = @{ Vendors = $Vendors; Rows = $Records; Pipeline = 'Check' }
        rowsOnly      = @{ Vendors = $Vendors; Rows = $Records; Pipeline = 'RowsOnly' }
        estateSmall   = @{ Vendors = $Vendors; Rows = $SmallRecords; Pipeline = 'Check' }
        rowsOnlySmall = @{ Vendors = $Vendors; Rows = $SmallRecords; Pipeline = 'RowsOnly' }
        unverified    = @{ Vendors = $Vendors; Rows = $Records; Pipeline = 'CheckUnverified' }
        oneVendor     = @{ Vendors = 1; Rows = $Records; Pipeline = 'Check' }
    }
    $measured = @{}
    foreach ($name in $kinds.Keys) { $measured[$name] = [Collections.Generic.List[object]]::new() }
    Write-Host "Warm-up: one process of $SmallRecords rows (fills the OS file cache)" -ForegroundColor Cyan
    $null = Invoke-Child $Vendors $SmallRecords 'Check'
    for ($run = 1; $run -le $Runs; $run++) {
        Write-Host "Run $run of ${Runs}: $($kinds.Count) fresh pwsh processes, taking turns" -ForegroundColor Cyan
        foreach ($name in $kinds.Keys) {
            $kind = $kinds[$name]
            $measured[$name].Add((Invoke-Child $kind.Vendors $kind.Rows $kind.Pipeline))
        }
    }
}
finally {
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}

function Get-MedianOf([string] $Kind, [string] $Figure) { Get-Median @($measured[$Kind] | ForEach-Object { [double]$_.$Figure }) }
function Get-MB([double] $Bytes) { [math]::Round($Bytes / 1MB, 1) }

$estateMs = Get-MedianOf estate pipelineMs
$unverifiedMs = Get-MedianOf unverified pipelineMs
$smallMs = Get-MedianOf estateSmall pipelineMs
$oneMs = Get-MedianOf oneVendor pipelineMs
$rowsOnlyMs = Get-MedianOf rowsOnly pipelineMs
$rowsOnlySmallMs = Get-MedianOf rowsOnlySmall pipelineMs
$importMs = Get-MedianOf estate importPoliciesMs
$importOneMs = Get-MedianOf oneVendor importPoliciesMs
$peakLarge = Get-MedianOf estate processPeak
$peakSmall = Get-MedianOf estateSmall processPeak
$peakOne = Get-MedianOf oneVendor processPeak
$peakRows = Get-MedianOf rowsOnly processPeak
$peakReset = @($measured.estate | Where-Object { -not $_.peakReset }).Count -eq 0 -and @($measured.estateSmall | Where-Object { -not $_.peakReset }).Count -eq 0
# The pipeline's own growth: its peak above the working set it started from (its own peak when the reset worked).
$growthLarge = Get-Median @($measured.estate | ForEach-Object { [double]$_.peakAfter - [double]$_.workingSetBefore })
$growthSmall = Get-Median @($measured.estateSmall | ForEach-Object { [double]$_.peakAfter - [double]$_.workingSetBefore })
$growthRows = Get-Median @($measured.rowsOnly | ForEach-Object { [double]$_.peakAfter - [double]$_.workingSetBefore })
$growthRowsSmall = Get-Median @($measured.rowsOnlySmall | ForEach-Object { [double]$_.peakAfter - [double]$_.workingSetBefore })
# What Test-EeaBoundary adds to the pipeline's peak: checked minus made-only, round by round (the two ran one after the other).
function Get-Share([string] $Checked, [string] $Made) {
    Get-Median @(for ($r = 0; $r -lt $Runs; $r++) {
        ([double]$measured[$Checked][$r].peakAfter - [double]$measured[$Checked][$r].workingSetBefore) - ([double]$measured[$Made][$r].peakAfter - [double]$measured[$Made][$r].workingSetBefore)
    })
}
$shareLarge = Get-Share estate rowsOnly
$shareSmall = Get-Share estateSmall rowsOnlySmall
$retainedLarge = Get-Median @($measured.estate | ForEach-Object { [double]$_.heapAfter - [double]$_.heapBefore })
$retainedSmall = Get-Median @($measured.estateSmall | ForEach-Object { [double]$_.heapAfter - [double]$_.heapBefore })
$retainedRows = Get-Median @($measured.rowsOnly | ForEach-Object { [double]$_.heapAfter - [double]$_.heapBefore })
$retainedRowsSmall = Get-Median @($measured.rowsOnlySmall | ForEach-Object { [double]$_.heapAfter - [double]$_.heapBefore })
# What 50 policies hold: the managed heap with them against one (both after a full collection, before the rows).
$policiesHeap = (Get-MedianOf estate heapBefore) - (Get-MedianOf oneVendor heapBefore)
$flat = $peakLarge / $peakSmall

$result = [ordered]@{
    machine      = [ordered]@{ os = [Runtime.InteropServices.RuntimeInformation]::OSDescription; cpus = [Environment]::ProcessorCount; powershell = $PSVersionTable.PSVersion.ToString(); dotnet = [Environment]::Version.ToString() }
    date         = (Get-Date).ToUniversalTime().ToString('u')
    vendors      = $Vendors
    records      = $Records
    smallRecords = $SmallRecords
    runs         = $Runs
    loadAverage  = [ordered]@{ start = $loadAtStart; end = Get-LoadAverage }
    rowsWithoutVendor = 'every fifth row (routed by its product name)'
    milliseconds = [ordered]@{
        importPolicies       = [math]::Round($importMs, 1)
        importOnePolicy      = [math]::Round($importOneMs, 1)
        estatePipeline       = [math]::Round($estateMs, 1)
        estateUnverified     = [math]::Round($unverifiedMs, 1)
        estateSmallPipeline  = [math]::Round($smallMs, 1)
        oneVendorPipeline    = [math]::Round($oneMs, 1)
        rowsOnlyPipeline     = [math]::Round($rowsOnlyMs, 1)
        rowsOnlySmallPipeline = [math]::Round($rowsOnlySmallMs, 1)
        # What Test-EeaBoundary adds per row over making the rows (results dropped, not verified).
        perRowMicroseconds   = [math]::Round(($unverifiedMs - $rowsOnlyMs) * 1000 / $Records, 2)
    }
    memoryMB     = [ordered]@{
        processPeakEstate            = Get-MB $peakLarge
        processPeakEstateSmall       = Get-MB $peakSmall
        processPeakOneVendor         = Get-MB $peakOne
        processPeakRowsOnly          = Get-MB $peakRows
        pipelinePeakResetOnLinux     = $peakReset
        pipelineGrowthEstate         = Get-MB $growthLarge
        pipelineGrowthEstateSmall    = Get-MB $growthSmall
        pipelineGrowthRowsOnly       = Get-MB $growthRows
        pipelineGrowthRowsOnlySmall  = Get-MB $growthRowsSmall
        # What Test-EeaBoundary adds to the pipeline's peak over the same rows made and dropped, at each row count.
        moduleShareEstate            = Get-MB $shareLarge
        moduleShareEstateSmall       = Get-MB $shareSmall
        heapRetainedAfterEstate      = Get-MB $retainedLarge
        heapRetainedAfterEstateSmall = Get-MB $retainedSmall
        heapRetainedAfterRowsOnly    = Get-MB $retainedRows
        heapRetainedAfterRowsOnlySmall = Get-MB $retainedRowsSmall
        heapOfPoliciesBeyondOne      = Get-MB $policiesHeap
    }
    ratios       = [ordered]@{
        estateVsTarget    = [math]::Round($estateMs / ($TargetSeconds * 1000), 3)
        estateVsOneVendor = [math]::Round($estateMs / $oneMs, 3)
        peakLargeVsSmall  = [math]::Round($flat, 3)
    }
    targets      = [ordered]@{ estateMs = $TargetSeconds * 1000; peakLargeVsSmall = $FlatRatio }
    met          = [ordered]@{ time = $estateMs -lt $TargetSeconds * 1000; memoryFlat = $flat -le $FlatRatio }
    raw          = $measured
}
if ($Output) {
    $folder = Split-Path -Parent $Output
    if ($folder -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder }
    $result | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $Output -Encoding utf8NoBOM
}

$n = '{0:N0}' -f $Records
$small = '{0:N0}' -f $SmallRecords
$reset = if ($peakReset) { '' } else { ' (peak not reset: the whole process)' }
$rows = @(
    [pscustomobject]@{ Measure = "Import-ResidencyPolicy of $Vendors policies (wildcard)"; Median = '{0,9:N1} ms' -f $importMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = 'Import-ResidencyPolicy of 1 policy'; Median = '{0,9:N1} ms' -f $importOneMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "$n rows made, no Test-EeaBoundary"; Median = '{0,9:N1} ms' -f $rowsOnlyMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "$n rows of 1 vendor | Test-EeaBoundary | verify"; Median = '{0,9:N1} ms' -f $oneMs; Ratio = '1.000'; Target = '' }
    [pscustomobject]@{ Measure = "$n rows over $Vendors vendors | Test-EeaBoundary | verify"; Median = '{0,9:N1} ms' -f $estateMs; Ratio = '{0:N3}' -f $result.ratios.estateVsOneVendor; Target = '< {0:N0} ms' -f ($TargetSeconds * 1000) }
    [pscustomobject]@{ Measure = "$n rows over $Vendors vendors | Test-EeaBoundary | Out-Null"; Median = '{0,9:N1} ms' -f $unverifiedMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "$small rows made, no Test-EeaBoundary"; Median = '{0,9:N1} ms' -f $rowsOnlySmallMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "$small rows over $Vendors vendors | Test-EeaBoundary | verify"; Median = '{0,9:N1} ms' -f $smallMs; Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Peak working set, $small rows over $Vendors vendors"; Median = '{0,9:N1} MB' -f ($peakSmall / 1MB); Ratio = '1.000'; Target = '' }
    [pscustomobject]@{ Measure = "Peak working set, $n rows over $Vendors vendors"; Median = '{0,9:N1} MB' -f ($peakLarge / 1MB); Ratio = '{0:N3}' -f $flat; Target = '<= {0:N2}' -f $FlatRatio }
    [pscustomobject]@{ Measure = "Peak working set, $n rows of 1 vendor"; Median = '{0,9:N1} MB' -f ($peakOne / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Pipeline's peak above its start, $small rows made only$reset"; Median = '{0,9:N1} MB' -f ($growthRowsSmall / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Pipeline's peak above its start, $small rows checked$reset"; Median = '{0,9:N1} MB' -f ($growthSmall / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Pipeline's peak above its start, $n rows made only$reset"; Median = '{0,9:N1} MB' -f ($growthRows / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Pipeline's peak above its start, $n rows checked$reset"; Median = '{0,9:N1} MB' -f ($growthLarge / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Test-EeaBoundary's share of it, $small rows (round by round)"; Median = '{0,9:N1} MB' -f ($shareSmall / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Test-EeaBoundary's share of it, $n rows (round by round)"; Median = '{0,9:N1} MB' -f ($shareLarge / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Managed heap kept after $small rows made only (full GC)"; Median = '{0,9:N1} MB' -f ($retainedRowsSmall / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Managed heap kept after $small rows checked (full GC)"; Median = '{0,9:N1} MB' -f ($retainedSmall / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Managed heap kept after $n rows made only (full GC)"; Median = '{0,9:N1} MB' -f ($retainedRows / 1MB); Ratio = ''; Target = '' }
    [pscustomobject]@{ Measure = "Managed heap kept after $n rows checked (full GC)"; Median = '{0,9:N1} MB' -f ($retainedLarge / 1MB); Ratio = ''; Target = '' }
)
Write-Host "Estate (issue 22): $Vendors vendors, a fresh pwsh per measurement, median of $Runs runs; every row one result from its vendor's policy" -ForegroundColor Cyan
$rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
if ($Output) { Write-Host "Figures written to $Output" }
