<#
.SYNOPSIS
    The ResidencyPS tasks, for Invoke-Build. Run them through ./build.ps1, which restores Invoke-Build first:
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.DESCRIPTION
    Setup  prepares the machine for the tests: installs Debian's chromium package (report rendering) when missing, and
           the JUnit and SARIF schemas and consumers from npm into tools/consumers/node_modules.
    Build  assembles the importable module at out/ResidencyPS (dotnet publish, manifest stamped with the version from
           Directory.Build.props, format/types files, help); skipped when out/ResidencyPS is newer than every source.
    Demo   imports out/ResidencyPS in a fresh pwsh and answers a few questions from the embedded policy.
    Test   runs every xunit test (dotnet test) and then every Pester spec (the Pester task), checks the code's layout
           (dotnet format --verify-no-changes; a drift counts as one failure), and leaves the sum, "N passed, N failed",
           in out/test-summary.txt.
    Pester runs the Pester specs once, in a fresh pwsh that imports out/ResidencyPS as users do; -Spec <name> runs one
           spec file (Get-DataResidency, or a path), -Spec 'Get-*' those matching.
    Quick  runs the fast xunit tests (everything not marked Category=Slow: no rendering, fuzzing or child processes)
           in well under a minute; -Filter <expression> runs the xunit tests it matches instead, slow ones too
           (dotnet test --filter syntax: 'FullyQualifiedName~PolicyComparerTests').
    Fuzz   runs the fuzzers with a new seed (-FuzzSeed): the policy loader, 100,000 cases (-FuzzCases) of mutated policies
           (truncation, flipped bytes, wrong types, huge values, nesting, duplicate keys and ids, invalid UTF-8, lenient
           JSON, enum lists, amplification, links to FIFOs, devices and empty files, and injection payloads: markup,
           formulas, escapes, bare URLs and e-mail addresses, bidirectional, zero-width and fullwidth characters) each
           within a time bound, every valid one answering every query and written through every report (bounded in size
           by its input, no autolink when rendered); waiver files (600 cases); inventories through Test-EeaBoundary
           (400 rows: every row comes out, nothing invisible raw).
    Bench  measures import, first answer and pipeline cost against PowerShell's own floor, an estate of 50 fictional
           vendors' policies and 100,000 inventory rows across them (out/bench/estate.json), and the engine with
           BenchmarkDotNet (bench/); not part of Test.
    Package publishes out/ResidencyPS with Publish-PSResource to out/packages (ResidencyPS.<version>.nupkg).
    Clean  removes out/ and every bin and obj folder of src, tests, tools and bench (not Setup's npm installs).
#>
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $SkipEngineBenchmarks,
    [int] $FuzzCases = 100000,
    [int] $FuzzSeed = (Get-Random -Maximum ([int]::MaxValue)),
    [string] $Spec,
    [string] $Filter
)

Set-StrictMode -Version Latest

$root = $BuildRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'ResidencyPS'
$manifestOut = Join-Path $moduleOut 'ResidencyPS.psd1'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

# The pwsh running this script, also when it is the dotnet tool (dotnet + pwsh.dll).
function Get-PwshCommand {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { , @($exe, (Join-Path $PSHOME 'pwsh.dll')) } else { , @($exe) }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content -Raw -LiteralPath (Join-Path $root 'Directory.Build.props')
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('Version') } | Where-Object { $_ })[0].InnerText
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    $version
}

# The CHANGELOG.md section of this version, so the package's release notes say what changed.
function Get-ReleaseNotes([string] $Version) {
    $changelog = Get-Content -Raw -LiteralPath (Join-Path $root 'CHANGELOG.md')
    $match = [regex]::Match($changelog, '(?ms)^## ' + [regex]::Escape($Version) + '\s*$(.*?)(?=^## |\z)')
    if (-not $match.Success) { throw "CHANGELOG.md has no section '## $Version'." }
    $match.Groups[1].Value.Trim()
}

# The report tests render in headless Chromium: setting up the machine is a task of its own, which Test runs
# first. On a Debian machine (this project's) it installs Debian's chromium package when it is missing; elsewhere
# it says how to install it and the rest of the suite still runs. RESIDENCYPS_CHROMIUM names another executable;
# RESIDENCYPS_CHROMIUM_CANDIDATES (paths joined by the path separator) replaces the places looked in, so a test
# can hide an installed Chromium and exercise the install path.
function Get-ChromiumPath {
    $candidates = if ($env:RESIDENCYPS_CHROMIUM_CANDIDATES) { $env:RESIDENCYPS_CHROMIUM_CANDIDATES -split [IO.Path]::PathSeparator }
    else { @($env:RESIDENCYPS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser') }
    foreach ($candidate in $candidates | Where-Object { $_ }) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    $null
}

function Get-PdfToPpmPath {
    $candidates = if ($env:RESIDENCYPS_PDFTOPPM_CANDIDATES) { $env:RESIDENCYPS_PDFTOPPM_CANDIDATES -split [IO.Path]::PathSeparator }
    else { @('/usr/bin/pdftoppm') }
    foreach ($candidate in $candidates | Where-Object { $_ }) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    $null
}

# Everything the module folder is made from: when none of it is newer than the manifest, Build is skipped.
function Get-BuildInput {
    $folders = 'src/ResidencyPS', 'module', 'docs/en-US', 'tools/ResidencyPS.Help'
    foreach ($folder in $folders) {
        Get-ChildItem -LiteralPath (Join-Path $root $folder) -File -Recurse |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    foreach ($file in 'Directory.Build.props', 'Directory.Packages.props', 'global.json', 'CHANGELOG.md', 'LICENSE') {
        Get-Item -LiteralPath (Join-Path $root $file)
    }
}

# The JUnit and SARIF reports are held to their published schemas and read by real consumers, taken from npm
# (tools/consumers/package-lock.json pins them): installed into tools/consumers/node_modules of this clone, never shipped.
# RESIDENCYPS_CONSUMERS names another folder (a test of Setup gives a scratch copy, so it never installs into this clone).
function Install-FormatConsumers {
    $folder = if ($env:RESIDENCYPS_CONSUMERS) { $env:RESIDENCYPS_CONSUMERS } else { Join-Path $root 'tools/consumers' }
    $installed = Join-Path $folder 'node_modules/.package-lock.json'
    $lock = Join-Path $folder 'package-lock.json'
    if ((Test-Path -LiteralPath $installed) -and (Get-Item -Force -LiteralPath $installed).LastWriteTimeUtc -ge (Get-Item -LiteralPath $lock).LastWriteTimeUtc) {
        Write-Host "Format consumers: $folder/node_modules"
        return
    }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Write-Warning 'npm is missing: the JUnit and SARIF schema tests will fail. Install Node.js and npm (apt-get install npm), then run Setup again.'
        return
    }
    Write-Host 'Installing the JUnit and SARIF schemas and consumers (npm ci in tools/consumers)' -ForegroundColor Cyan
    # --ignore-scripts: nothing a package ships runs here; the one step a script would do (make the SARIF multitool
    # executable) is done below.
    # Node trusts its own copy of the public roots, not the machine's: where a proxy re-signs traffic with a
    # certificate only the machine's bundle holds (as here, for a user whose session does not set it), npm fails
    # with SELF_SIGNED_CERT_IN_CHAIN. The machine's bundle is added unless the user chose one.
    $bundle = '/etc/ssl/certs/ca-certificates.crt'
    $addBundle = -not $env:NODE_EXTRA_CA_CERTS -and (Test-Path -LiteralPath $bundle)
    if ($addBundle) { $env:NODE_EXTRA_CA_CERTS = $bundle }
    try { & npm ci --prefix $folder --ignore-scripts --no-audit --no-fund | Out-Host }
    finally { if ($addBundle) { Remove-Item Env:NODE_EXTRA_CA_CERTS } }
    if ($LASTEXITCODE -ne 0) { Write-Warning "npm ci in $folder failed (exit code $LASTEXITCODE): the JUnit and SARIF schema tests will fail."; return }
    $multitool = Join-Path $folder 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool'
    if ((Test-Path -LiteralPath $multitool) -and -not $IsWindows) { & chmod u+x $multitool }
}

# Synopsis: install what the tests need on this machine (Chromium for the report rendering test, the JUnit and SARIF consumers).
task Setup {
    # Chromium renders and prints the HTML report; poppler-utils (pdftoppm, pdftotext) turns the printed PDF into pictures and text.
    $packages = @(if (-not (Get-ChromiumPath)) { 'chromium' }) + @(if (-not (Get-PdfToPpmPath)) { 'poppler-utils' }) +
        @(if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { 'npm' })
    try { Install-Packages $packages } finally { Install-FormatConsumers }
}

function Install-Packages([string[]] $packages) {
    if ($packages.Count -eq 0) { Write-Host "Chromium: $(Get-ChromiumPath); pdftoppm: $(Get-PdfToPpmPath)"; return }
    $missing = $packages -join ' '
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Warning ("$missing missing and apt-get is not available: the report rendering test will fail. " +
            'Install Chromium (https://www.chromium.org/getting-involved/download-chromium/) and set RESIDENCYPS_CHROMIUM to its executable, and install poppler-utils.')
        return
    }
    $isRoot = (& id -u) -eq '0'
    if (-not $isRoot -and -not (Get-Command sudo -ErrorAction SilentlyContinue)) {
        Write-Warning "$missing missing, and installing it needs root or sudo: run ""apt-get install $missing"" as root. The report rendering test will fail."
        return
    }
    # An array splatted into & must name a command, so root and sudo get separate calls rather than "& @sudo".
    function Invoke-AptGet([string[]] $Arguments) {
        if ($isRoot) { & apt-get @Arguments | Out-Host } else { & sudo -n apt-get @Arguments | Out-Host }
        $LASTEXITCODE
    }
    Write-Host "Installing $missing for the report rendering test (apt-get install $missing)" -ForegroundColor Cyan
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $null = Invoke-AptGet @('update', '-qq')
    $exit = Invoke-AptGet (@('install', '-y', '-qq', '--no-install-recommends') + $packages)
    if ($exit -ne 0 -or -not (Get-ChromiumPath) -or -not (Get-PdfToPpmPath)) {
        Write-Warning "apt-get install $missing failed (exit code $exit): the report rendering test will fail. Install it with: sudo apt-get install $missing"
    }
}

# Synopsis: assemble out/ResidencyPS; incremental.
task Build -Inputs { Get-BuildInput } -Outputs { $manifestOut } {
    $version = Get-ModuleVersion
    Write-Host "Building ResidencyPS $version ($Configuration)" -ForegroundColor Cyan
    $publish = Join-Path $out 'publish'
    if (Test-Path $moduleOut) { Remove-Item -Recurse -Force $moduleOut }
    if (Test-Path $publish) { Remove-Item -Recurse -Force $publish }
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/ResidencyPS/ResidencyPS.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'quiet')

    $null = New-Item -ItemType Directory -Force -Path $moduleOut
    foreach ($file in 'ResidencyPS.dll', 'ResidencyPS.pdb', 'Newtonsoft.Json.dll') {
        Copy-Item -LiteralPath (Join-Path $publish $file) -Destination $moduleOut
    }
    Copy-Item -Path (Join-Path $root 'module/*') -Destination $moduleOut -Recurse

    # Help: PlatyPS-format markdown in docs/ becomes MAML and about_ text (PlatyPS itself is not installable here).
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tools/ResidencyPS.Help/ResidencyPS.Help.csproj'), '-c', $Configuration, '-v', 'quiet', '--',
        (Join-Path $root 'docs/en-US'), $moduleOut)

    # The version lives in Directory.Build.props; the manifest gets it here, the assembly from MSBuild.
    $manifestText = Get-Content -Raw -LiteralPath $manifestOut
    $stamped = $manifestText -replace "ModuleVersion(\s*)=(\s*)'[^']*'", "ModuleVersion`$1=`$2'$version'"
    $notes = (Get-ReleaseNotes $version) -replace "'", "''"
    $stamped = $stamped -replace "ReleaseNotes(\s*)=(\s*)'[^']*'", "ReleaseNotes`$1=`$2'$notes'"
    Copy-Item -LiteralPath (Join-Path $root 'LICENSE') -Destination $moduleOut
    # With a byte order mark: Windows PowerShell 5.1 reads a manifest without one as Windows-1252, and one non-ASCII
    # character of the release notes (an arrow, a quote) would then break the whole manifest.
    [IO.File]::WriteAllText($manifestOut, $stamped, [Text.UTF8Encoding]::new($true))

    $manifest = Test-ModuleManifest -Path $manifestOut -ErrorAction Stop
    if ($manifest.Version -ne [version] $version) { throw "Manifest version $($manifest.Version) does not match $version." }
    Write-Host "Module ready: $manifestOut" -ForegroundColor Green
}

# Synopsis: answer a few questions from the embedded policy in a fresh pwsh.
task Demo Build, {
    # The answers are laid out for the terminal that asked (the module's views fit 80 columns): COLUMNS when the
    # shell sets it, else the console's width, else 80.
    $width = 0
    if (-not [int]::TryParse("$env:COLUMNS", [ref] $width) -or $width -lt 40) {
        $width = try { $Host.UI.RawUI.WindowSize.Width } catch { 0 }
        if ($width -lt 40) { $width = 80 }
    }
    $demo = {
        param($Manifest, $Width)
        Import-Module $Manifest
        $module = Get-Module ResidencyPS
        # The cmdlet list, wrapped at the width like the tables.
        $line = "ResidencyPS $($module.Version): cmdlets"
        foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
            if ($line.Length + $name.Length + 2 -gt $Width) { $line; $line = ' ' }
            $line += " $name,"
        }
        $line.TrimEnd(',')
        ''
        '# Where may Freshdesk data be hosted?'
        Get-DataResidency -Product Freshdesk | Format-Table | Out-String -Width $Width
        '# Does Freshsales data stay inside the EEA for an EEA-hosted customer?'
        Test-EeaBoundary -Product Freshsales | Format-Table | Out-String -Width $Width
        '# Why are Freshsales call recordings only transient?'
        Test-EeaBoundary -Product Freshsales -DataCategory 'Call recordings' | Select-Object -ExpandProperty Findings | Format-List Rule, Effect, Destination, DurationText, Message, SourceText | Out-String -Width $Width
        '# How long are Freshdesk logs kept, and where?'
        ResidencyPS\Get-RetentionPolicy -Product Freshdesk -Subject Logs | Format-Table | Out-String -Width $Width
        '# Which region does Norway belong to?'
        Get-HostingRegion -Country NO | Format-Table | Out-String -Width $Width
    }
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $demo -args $manifestOut, $width
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

# Pester, imported by its full path (never by name): restored by build.ps1 with the build tools, at the version
# Directory.Packages.props names for the whole repository.
function Get-PesterManifest {
    [xml] $props = Get-Content -Raw -LiteralPath (Join-Path $root 'Directory.Packages.props')
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('PesterVersion') } | Where-Object { $_ })[0].InnerText
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '' }
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $version is not restored ($manifest): run ./build.ps1, which restores it." }
    $manifest
}

# The spec files -Spec names: a spec's name (Get-DataResidency), a wildcard (Get-*), or a path; all when empty.
function Get-SpecPath([string] $Name) {
    $specs = Join-Path $root 'tests/pester'
    if (-not $Name) { return , @($specs) }
    if (Test-Path -LiteralPath $Name -PathType Leaf) { return , @((Resolve-Path -LiteralPath $Name).ProviderPath) }
    $pattern = ($Name -replace '\.Tests\.ps1$', '') + '.Tests.ps1'
    $found = @(Get-ChildItem -LiteralPath $specs -File | Where-Object { $_.Name -like $pattern } | ForEach-Object FullName)
    if ($found.Count -eq 0) {
        $names = (Get-ChildItem -LiteralPath $specs -Filter '*.Tests.ps1' | ForEach-Object { $_.Name -replace '\.Tests\.ps1$', '' }) -join ', '
        throw "-Spec '$Name' names no spec under tests/pester. Specs: $names."
    }
    , $found
}

# Runs tests/Invoke-Specs.ps1 in a fresh pwsh with its own temporary folder (TestDrive and everything a spec writes
# land there, never in a folder another run or user shares) and returns its counts.
function Invoke-Specs([string[]] $Paths, [string] $Results) {
    $summary = Join-Path $Results 'pester-summary.json'
    Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
    $temp = Join-Path ([IO.Path]::GetTempPath()) ('residencyps-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $temp
    $saved = @{}
    foreach ($name in 'TMPDIR', 'TMP', 'TEMP') { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $temp) }
    try {
        $pwsh = Get-PwshCommand
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/Invoke-Specs.ps1') `
            -PesterManifest (Get-PesterManifest) -Path ($Paths -join [IO.Path]::PathSeparator) -SummaryPath $summary -ResultPath (Join-Path $Results 'pester.xml') | Out-Host
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -LiteralPath $temp -Recurse -Force -ErrorAction SilentlyContinue
    }
    # No summary (the process died, Pester did not load): one failure, never a silent zero.
    if (-not (Test-Path -LiteralPath $summary)) { return @{ passed = 0; failed = 1 } }
    $counts = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json
    @{ passed = [int] $counts.passed; failed = [int] $counts.failed }
}

function New-ResultsFolder([string] $Name) {
    $folder = Join-Path $out $Name
    if (Test-Path $folder) { Remove-Item -Recurse -Force $folder }
    $null = New-Item -ItemType Directory -Force -Path $folder
    $folder
}

# dotnet test with a trx log; returns its counts (one failure when it produced none).
function Invoke-XunitTests([string] $Results, [string[]] $Arguments) {
    $trx = 'results.trx'
    & dotnet test (Join-Path $root 'tests/ResidencyPS.Tests/ResidencyPS.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $Results @Arguments | Out-Host
    $testExit = $LASTEXITCODE
    $trxPath = Join-Path $Results $trx
    if (-not (Test-Path $trxPath)) {
        Write-Warning "dotnet test produced no results (exit code $testExit); see the output above."
        return @{ passed = 0; failed = 1 }
    }
    [xml] $report = Get-Content -Raw -LiteralPath $trxPath
    $counters = $report.TestRun.ResultSummary.Counters
    $failed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    if ($testExit -ne 0 -and $failed -eq 0) { $failed = 1 }
    @{ passed = [int] $counters.passed; failed = $failed }
}

# Synopsis: every xunit test, then every Pester spec; "N passed, N failed" counts both.
task Test Setup, Build, {
    $results = New-ResultsFolder 'test-results'
    $summaryFile = Join-Path $out 'test-summary.txt'
    Remove-Item -LiteralPath $summaryFile -ErrorAction SilentlyContinue
    $xunit = Invoke-XunitTests $results @()
    $fuzz = Join-Path $results 'fuzz.txt'
    if (Test-Path $fuzz) { Get-Content -LiteralPath $fuzz | Write-Host }
    $pester = Invoke-Specs (Get-SpecPath '') $results
    $passed = $xunit.passed + $pester.passed
    $failed = $xunit.failed + $pester.failed
    # The .editorconfig's layout and using order, as dotnet format reads them (the build enforces the rest): a file
    # that drifts fails the command like a test, and 'dotnet format ResidencyPS.sln' fixes it.
    # Not --no-restore: a fresh clone's test run has restored the module and the tests, not the tools and benchmarks.
    & dotnet format (Join-Path $root 'ResidencyPS.sln') --verify-no-changes | Out-Host
    if ($LASTEXITCODE -ne 0) {
        Write-Warning "dotnet format found files that do not follow .editorconfig (exit code $LASTEXITCODE): run 'dotnet format ResidencyPS.sln'."
        $failed += 1
    }
    Write-Host "xunit: $($xunit.passed) passed, $($xunit.failed) failed; Pester: $($pester.passed) passed, $($pester.failed) failed"
    # The count line stays the last line CI reads (build.ps1 prints it after Invoke-Build's own summary).
    Set-Content -LiteralPath $summaryFile -Value "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { throw "$failed tests failed ($passed passed)." }
}

# Synopsis: the Pester specs once in a fresh pwsh; -Spec <name> runs one.
task Pester Build, {
    $pester = Invoke-Specs (Get-SpecPath $Spec) (New-ResultsFolder 'pester-results')
    if ($pester.failed -gt 0 -or $pester.passed -eq 0) { throw "$($pester.failed) Pester tests failed ($($pester.passed) passed)." }
}

# Synopsis: the fast xunit tests (not Category=Slow), or those -Filter matches.
task Quick Build, {
    $expression = if ($Filter) { $Filter } else { 'Category!=Slow' }
    $xunit = Invoke-XunitTests (New-ResultsFolder 'quick-results') @('--filter', $expression)
    Write-Host "$($xunit.passed) passed, $($xunit.failed) failed"
    if ($xunit.failed -gt 0 -or $xunit.passed -eq 0) { throw "$($xunit.failed) tests failed ($($xunit.passed) passed)." }
}

# Synopsis: the policy loader fuzzer, longer.
task Fuzz Build, {
    $env:RESIDENCYPS_FUZZ_CASES = $FuzzCases
    $env:RESIDENCYPS_FUZZ_SEED = $FuzzSeed
    try {
        Invoke-Native dotnet @('test', (Join-Path $root 'tests/ResidencyPS.Tests/ResidencyPS.Tests.csproj'), '-c', $Configuration, '--nologo',
            '--filter', 'FullyQualifiedName~LoaderFuzzTests|FullyQualifiedName~WaiverFuzzTests|FullyQualifiedName~InventoryFuzzTests')
    }
    finally {
        Remove-Item Env:RESIDENCYPS_FUZZ_CASES, Env:RESIDENCYPS_FUZZ_SEED -ErrorAction SilentlyContinue
        $summary = Join-Path $out 'test-results/fuzz.txt'
        if (Test-Path $summary) { Get-Content -LiteralPath $summary | Write-Host }
    }
}

# Synopsis: process, pipeline and engine benchmarks. (The filter names the class: a bare '*' would be globbed into file names by PowerShell on Unix.)
task Bench Build, {
    $bench = Join-Path $out 'bench'
    if (Test-Path $bench) { Remove-Item -Recurse -Force $bench }
    $floor = Join-Path $bench 'floor'
    Invoke-Native dotnet @('publish', (Join-Path $root 'bench/ResidencyPS.BenchFloor/ResidencyPS.BenchFloor.csproj'), '-c', 'Release', '-o', $floor, '--nologo', '-v', 'quiet')
    $empty = Join-Path $bench 'Empty'
    $null = New-Item -ItemType Directory -Force -Path $empty
    Copy-Item -LiteralPath (Join-Path $root 'bench/Empty/Empty.psd1') -Destination $empty
    Copy-Item -LiteralPath (Join-Path $root 'bench/ResidencyPS.BenchFloor/ResidencyPS.BenchFloor.psd1') -Destination $floor
    # The same DLL with one view and one types entry: PowerShell's own cost of any module's format and types files.
    Copy-Item -Path (Join-Path $root 'bench/ResidencyPS.BenchFloor/ResidencyPS.BenchFloorViews.psd1'), (Join-Path $root 'bench/ResidencyPS.BenchFloor/*.ps1xml') -Destination $floor
    $pwsh = Get-PwshCommand
    $results = Join-Path $bench 'results.json'
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'bench/ResidencyPS.Benchmarks/bench.ps1') `
        -Module $manifestOut -FloorModule (Join-Path $floor 'ResidencyPS.BenchFloor.dll') -EmptyModule (Join-Path $empty 'Empty.psd1') -EmptyBinaryModule (Join-Path $floor 'ResidencyPS.BenchFloor.psd1') -ViewsBinaryModule (Join-Path $floor 'ResidencyPS.BenchFloorViews.psd1') -PwshCommand ($pwsh -join '|') -Output $results
    if ($LASTEXITCODE -ne 0) { throw "The benchmark failed with exit code $LASTEXITCODE." }
    # Several vendors at once (issue 22): 50 fictional policies and 100,000 rows across them, a fresh pwsh per measurement.
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'bench/ResidencyPS.Benchmarks/estate.ps1') `
        -Module $manifestOut -PwshCommand ($pwsh -join '|') -Output (Join-Path $bench 'estate.json')
    if ($LASTEXITCODE -ne 0) { throw "The estate benchmark failed with exit code $LASTEXITCODE." }
    if (-not $SkipEngineBenchmarks) {
        Invoke-Native dotnet @('run', '--project', (Join-Path $root 'bench/ResidencyPS.Benchmarks/ResidencyPS.Benchmarks.csproj'), '-c', 'Release', '--',
            '--filter', 'EngineBenchmarks.*', '--artifacts', (Join-Path $bench 'engine'))
    }
}

# Synopsis: the gallery-ready package in out/packages.
task Package Build, {
    $packages = Join-Path $out 'packages'
    if (Test-Path $packages) { Remove-Item -Recurse -Force $packages }
    $null = New-Item -ItemType Directory -Force -Path $packages
    # PSResourceGet keeps its repository list under HOME: a throwaway HOME keeps the user's list untouched.
    $scratchHome = Join-Path $out 'package-home'
    # It must exist: .NET reports a missing HOME's folders as '', and NuGet would then write ./NuGet/NuGet.Config.
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $scratchHome '.config'), (Join-Path $scratchHome '.local/share')
    $publish = {
        param($Module, $Packages)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name ResidencyPSLocal -Uri $Packages -Trusted
        try { Publish-PSResource -Path $Module -Repository ResidencyPSLocal }
        finally { Unregister-PSResourceRepository -Name ResidencyPSLocal }
    }
    $pwsh = Get-PwshCommand
    $savedHome = $env:HOME
    try {
        $env:HOME = $scratchHome
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $publish -args $moduleOut, $packages
        if ($LASTEXITCODE -ne 0) { throw "Publish-PSResource failed with exit code $LASTEXITCODE." }
    }
    finally {
        $env:HOME = $savedHome
        if (Test-Path $scratchHome) { Remove-Item -Recurse -Force $scratchHome }
    }
    $package = Get-ChildItem -Path $packages -Filter 'ResidencyPS.*.nupkg'
    if (-not $package) { throw "No package was written to $packages." }
    Write-Host "Package ready: $($package.FullName)" -ForegroundColor Green
}

# Synopsis: remove out/ and every bin and obj folder (module, tests, build tools, benchmarks); Setup's installs stay.
task Clean {
    $projects = 'src', 'tests', 'tools', 'bench' | ForEach-Object { Join-Path $root $_ }
    $builds = Get-ChildItem -LiteralPath $projects -Directory -Recurse -Include bin, obj | Where-Object FullName -NotMatch '[\\/]node_modules[\\/]'
    foreach ($path in @($out) + @($builds | ForEach-Object FullName)) {
        if (Test-Path $path) { Remove-Item -Recurse -Force $path }
    }
}

task . Demo
