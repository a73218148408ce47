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

# A small policy of a FICTIONAL vendor, written for the tests and never shipped: regions EEA, US and APAC, and for each
# product of $Products (name => @{ category => regions }) its categories hosted where given. Two fictional vendors may
# share a product name, as two real vendors' products can.
function New-FictionalPolicyFile([string] $Name, [string] $Vendor, [hashtable] $Products, [string] $Version = 'test') {
    $statements = [System.Collections.Generic.List[object]]::new()
    function Statement([string] $text) {
        $id = 's' + ($statements.Count + 1)
        $statements.Add([ordered]@{ id = $id; line = $statements.Count + 1; section = 'Hosting'; kind = 'Sentence'; text = $text; english = $text })
        $id
    }
    $offered = Statement "$Vendor offers its products in the EEA, the US and APAC (a fictional text)."
    $logs = Statement 'Logs are kept for 30 days in the hosting region.'
    $categories = [ordered]@{}
    $residency = foreach ($product in $Products.Keys | Sort-Object) {
        foreach ($category in $Products[$product].Keys | Sort-Object) {
            $regions = @($Products[$product][$category])
            $source = Statement "$product $category is kept in $($regions -join ', ')."
            if (-not $categories.Contains($category)) {
                $categories[$category] = [ordered]@{ id = ($category -replace '\W', ''); name = $category; nameNl = "$category (nl)"; sources = @($source) }
            }
            [ordered]@{ product = $product; category = ($category -replace '\W', ''); term = $category; regions = $regions; basis = 'Stated'; sources = @($source) }
        }
    }
    $region = { param($code, $countries) [ordered]@{ code = $code; name = "$code region"; nameNl = "$code regio"; countries = $countries; basis = 'Stated'; sources = @($offered) } }
    $policy = [ordered]@{
        schemaVersion = '1.0'; vendor = $Vendor; policyVersion = $Version
        source        = [ordered]@{ title = 'A fictional text written for the tests'; language = 'en'; document = "$Name.txt" }
        statements    = $statements
        regions       = @((& $region 'EEA' @('NO', 'DE')), (& $region 'US' @('US')), (& $region 'APAC' @('JP')))
        products      = @($Products.Keys | Sort-Object | ForEach-Object { [ordered]@{ name = $_; basis = 'Stated'; sources = @($offered) } })
        categories    = @($categories.Values)
        residency     = @($residency)
        subjects      = @([ordered]@{ id = 'Logs'; name = 'Logs'; nameNl = 'Logboeken'; activity = 'Logging'; sources = @($logs) })
        retention     = @([ordered]@{ id = 'logs-30-days'; subject = 'Logs'; products = @($Products.Keys | Sort-Object); hostingRegions = @(); storage = 'HostRegion'
                period = [ordered]@{ value = 30; unit = 'Days'; text = '30 days' }; after = 'Deleted'; basis = 'Stated'; sources = @($logs) })
        rules         = @([ordered]@{ id = 'ApacNote'; when = 'Always'; products = @(); categories = @(); hostingRegions = @('APAC'); effect = 'Info'; destination = $null
                message = 'A note for APAC.'; basis = 'Stated'; sources = @($offered) })
    }
    $path = Join-Path $TestDrive "$Name.json"
    $policy | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $path
    $path
}
