<#
.SYNOPSIS
    The worst hostile files of docs/security.md, timed: refusing 4 MB of bad references, 4 MB of values of the
    wrong type and a 4 MB waiver file, and the size of every report of a policy built to multiply its text, as a
    ratio to the policy's size. Run by bench.ps1 (build.ps1 -Task Bench), or alone with -Module.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $Module
$limit = 4000000
$folder = [IO.Directory]::CreateTempSubdirectory('residencyps-hostile-').FullName

function Get-Base {
    $file = Join-Path $folder 'base.json'
    Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -LiteralPath $file -Embedded -PassThru) | ConvertFrom-Json
}

function Write-Compact($Value, [string] $Name) {
    $path = Join-Path $folder $Name
    $Value | ConvertTo-Json -Depth 12 -Compress | Set-Content -LiteralPath $path -Encoding utf8NoBOM
    $path
}

# The median of $Runs refusals (the first one warms up), with how many problems the refusal reported.
function Measure-Refusal([scriptblock] $Refuse) {
    $null = & $Refuse
    $times = foreach ($i in 1..$Runs) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Refuse
        $sw.Elapsed.TotalMilliseconds
    }
    $sorted = @($times | Sort-Object)
    $sorted[[int][math]::Floor($sorted.Count / 2)]
}

try {
    $baseSize = (Get-Item -LiteralPath (Write-Compact (Get-Base) 'size.json')).Length

    # 1. Bad references: one residency record naming a region that does not exist, as often as 4 MB holds.
    $policy = Get-Base
    $policy.residency[0].regions = @('MARS') * [int](($limit - $baseSize) / 7)
    $badReferences = Write-Compact $policy 'bad-references.json'

    # 2. Values of the wrong type: a list of notes made of numbers.
    $policy = Get-Base
    $policy.residency[0].notes = @(1) * [int](($limit - $baseSize) / 2)
    $wrongTypes = Write-Compact $policy 'wrong-types.json'

    # 3. A waiver file of misspelt product names, each a different one (no suggestion can be remembered).
    $waivers = @(for ($i = 0; $i -lt 39500; $i++) {
            [ordered]@{ product = 'Fresdesk{0:D5}' -f $i; dataCategory = 'Ticket data'; justification = 'x'; expires = '2099-12-31' } })
    $waiverFile = Write-Compact ([ordered]@{ waivers = $waivers }) 'waivers.json'

    $refuse = @(
        [pscustomobject]@{ Name = '4 MB of bad references'; File = $badReferences; Script = { Get-ResidencyPolicy -LiteralPath $badReferences -ErrorAction SilentlyContinue } }
        [pscustomobject]@{ Name = '4 MB of values of the wrong type'; File = $wrongTypes; Script = { Get-ResidencyPolicy -LiteralPath $wrongTypes -ErrorAction SilentlyContinue } }
        [pscustomobject]@{ Name = '4 MB waiver file of misspelt names'; File = $waiverFile; Script = { try { Test-EeaBoundary Freshdesk -WaiverPath $waiverFile -ErrorAction SilentlyContinue } catch { $null = $_ } } }
    )
    $refusals = foreach ($case in $refuse) {
        [ordered]@{
            file         = $case.Name
            bytes        = (Get-Item -LiteralPath $case.File).Length
            milliseconds = [math]::Round((Measure-Refusal $case.Script), 1)
            targetMs     = 2000
        }
    }

    # 4. Reports of policies built to multiply their own text: one long statement that every EEA result cites (line 21,
    # the custom-mailbox sentence), and one long rule message that every EEA result carries.
    $outputs = foreach ($case in 'long statement', 'long rule message') {
        $policy = Get-Base
        $long = ('Lange tekst die elk resultaat aanhaalt. ' * 50000).Trim()
        if ($case -eq 'long statement') { ($policy.statements | Where-Object id -EQ 'hosting-custom-mailbox').text = $long }
        else { ($policy.rules | Where-Object id -EQ 'WithoutCustomMailbox').message = $long }
        $file = Write-Compact $policy ($case -replace ' ', '-') + '.json'
        $size = (Get-Item -LiteralPath $file).Length
        $loaded = Get-ResidencyPolicy -LiteralPath $file
        $results = @(Test-EeaBoundary -Policy $loaded -WarningAction SilentlyContinue)
        foreach ($format in 'Csv', 'Html', 'Markdown', 'Article30', 'Article30Csv') {
            $extension = @{ Csv = '.csv'; Html = '.html'; Markdown = '.md'; Article30 = '.html'; Article30Csv = '.csv' }[$format]
            $report = Join-Path $folder ("report-$format$extension")
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $results | Export-ResidencyReport -LiteralPath $report -Format $format -Policy $loaded
            [ordered]@{
                policy       = $case
                format       = $format
                policyBytes  = $size
                reportBytes  = (Get-Item -LiteralPath $report).Length
                ratio        = [math]::Round((Get-Item -LiteralPath $report).Length / $size, 2)
                milliseconds = [math]::Round($sw.Elapsed.TotalMilliseconds, 1)
            }
        }
    }

    [ordered]@{ refusals = @($refusals); outputs = @($outputs) }
}
finally {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
