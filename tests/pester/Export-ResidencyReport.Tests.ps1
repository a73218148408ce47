BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Export-ResidencyReport' {
    It 'writes one self-contained HTML page with matrix, findings, retention and provenance' {
        $file = Join-Path $TestDrive 'report.html'
        Export-ResidencyReport -Path $file
        $html = Get-Content -Raw -LiteralPath $file
        $html | Should -Match '<table id="residency-matrix">'
        $html | Should -Match '<table id="boundary-results">'
        $html | Should -Match '<table id="retention-rules">'
        $html | Should -Match ([regex]::Escape((Get-ResidencyPolicy).Sha256))
        $html | Should -Match 'tijdelijk vastgehouden gedurende 10 minuten'
        $html | Should -Not -Match '<script|<link|<img|src=|url\('
    }

    It 'reports Test-EeaBoundary results piped in, as markdown and as CSV' {
        $md = Join-Path $TestDrive 'inventory.md'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $md
        $text = Get-Content -Raw -LiteralPath $md
        $text | Should -Match '\| Freshcaller \| Call recordings \| EEA \| ⇄ transient'
        $text | Should -Not -Match '\| Freshdesk \| Ticket data \| EEA \|'
        $csv = Join-Path $TestDrive 'inventory.csv'
        Test-EeaBoundary Freshcaller | Export-ResidencyReport -Path $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be (Test-EeaBoundary Freshcaller).Count
        ($rows | Where-Object DataCategory -EQ 'Call recordings').Verdict | Should -Be 'Transient'
    }

    # Issue 12: Excel in a Dutch or German locale opened the CSV as one column with broken accents.
    It 'writes CSV for spreadsheets: a byte order mark, -Delimiter and -UseCulture as Export-Csv has them' {
        $csv = Join-Path $TestDrive 'bom.csv'
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $csv
        [IO.File]::ReadAllBytes($csv)[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        (Import-Csv -LiteralPath $csv | Where-Object DataCategory -EQ 'Call recordings').HasConflict | Should -Be 'True'
        $semicolon = Join-Path $TestDrive 'semicolon.csv'
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $semicolon -Delimiter ';'
        (Get-Content -LiteralPath $semicolon -TotalCount 1) | Should -BeLike 'InputRow;PolicyVendor;Product;DataCategory;*'
        (Import-Csv -LiteralPath $semicolon -Delimiter ';').Count | Should -Be (Test-EeaBoundary Freshdesk).Count
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'nl-NL'
            $dutch = Join-Path $TestDrive 'dutch.csv'
            Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $dutch -UseCulture
            (Get-Content -LiteralPath $dutch -TotalCount 1) | Should -BeLike 'InputRow;PolicyVendor;Product;*'
            (Import-Csv -LiteralPath $dutch -UseCulture).Count | Should -Be (Test-EeaBoundary Freshdesk).Count
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        { Export-ResidencyReport -Path (Join-Path $TestDrive 'x.csv') -Delimiter ';' -UseCulture } | Should -Throw -ErrorId 'InvalidCsvSeparator,ResidencyPS.Commands.ExportResidencyReportCommand'
        { Export-ResidencyReport -Path (Join-Path $TestDrive 'x.html') -Delimiter ';' } | Should -Throw -ErrorId 'InvalidCsvSeparator,ResidencyPS.Commands.ExportResidencyReportCommand'
        { Export-ResidencyReport -Path (Join-Path $TestDrive 'x.csv') -Delimiter '"' } | Should -Throw -ErrorId 'InvalidCsvSeparator,ResidencyPS.Commands.ExportResidencyReportCommand'
        foreach ($letter in 'd', 'e', '1', ' ') {
            # A letter or digit also occurs inside values ("d" in Freshdesk): the columns would not read back.
            { Export-ResidencyReport -Path (Join-Path $TestDrive 'x.csv') -Delimiter $letter } | Should -Throw -ErrorId 'InvalidCsvSeparator,ResidencyPS.Commands.ExportResidencyReportCommand'
        }
        Test-Path -LiteralPath (Join-Path $TestDrive 'x.csv') | Should -BeFalse
    }

    It 'reports a large inventory with a progress bar and honours -WhatIf' {
        $records = foreach ($i in 1..3000) { [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' } }
        $file = Join-Path $TestDrive 'big.csv'
        $records | Test-EeaBoundary | Export-ResidencyReport -Path $file -Format Csv -ProgressAction SilentlyContinue
        (Import-Csv -LiteralPath $file).Count | Should -Be 3000
        Export-ResidencyReport -Path (Join-Path $TestDrive 'never.html') -WhatIf
        Test-Path (Join-Path $TestDrive 'never.html') | Should -BeFalse
    }

    It 'counts the rows that could not be evaluated and states the assumptions and waivers' {
        $waivers = Join-Path $TestDrive 'w.json'
        @{ waivers = @(@{ product = '*'; dataCategory = 'Authentication and profile data'; justification = 'SSO reviewed.'; approvedBy = 'DPO'; expires = '2099-12-31' }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $waivers
        $rows = @(
            [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
            [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = 'Authentication and profile data' }
            [pscustomobject]@{ Product = 'Zendesk'; DataCategory = 'Ticket data' }
        )
        foreach ($format in 'Html', 'Markdown', 'Csv') {
            $file = Join-Path $TestDrive "assumptions.$format"
            $rows | Test-EeaBoundary -WaiverPath $waivers -CustomMailbox -ErrorAction SilentlyContinue | Export-ResidencyReport -Path $file -Format $format
            $text = Get-Content -Raw -LiteralPath $file
            if ($format -eq 'Csv') {
                $csv = Import-Csv -LiteralPath $file
                $csv.Count | Should -Be 3
                $csv.Verdict | Should -Contain 'NotEvaluated'
                ($csv | Where-Object Waived -EQ 'True').WaiverJustification | Should -Be 'SSO reviewed.'
                ($csv | Where-Object Waived -EQ 'True').WaiverApprovedBy | Should -Be 'DPO'
                $csv.CustomMailbox | Sort-Object -Unique | Should -Be 'True'
            }
            else {
                $text | Should -Match '3 results .*2 passed; 1 input row was not evaluated'
                $text | Should -Match 'Assumptions'
                $text | Should -Match 'Custom mailbox.{0,40}yes'
                $text | Should -Match 'SSO reviewed\. Approved by DPO\. Expires 2099-12-31\.'
            }
        }
    }

    It 'reports results that travelled (Start-Job, Import-Clixml) exactly as the live run, waivers and unevaluated rows included' {
        $waivers = Join-Path $TestDrive 'travel-waivers.json'
        @{ waivers = @(@{ product = '*'; dataCategory = 'Authentication and profile data'; justification = 'SSO reviewed.'; approvedBy = 'DPO'; expires = '2099-12-31' }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $waivers
        $module = (Get-Module ResidencyPS).Path -replace '\.dll$', '.psd1'
        $run = {
            param($waivers)
            [pscustomobject]@{ Product = 'Freshdesk'; DataCategory = '' }, [pscustomobject]@{ Product = 'Zendesk'; DataCategory = 'Ticket data' } |
                Test-EeaBoundary -WaiverPath $waivers -UsesIntegrations -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        $live = & $run $waivers
        # Start-Job needs a pwsh executable: the suite's run in a fresh pwsh has one; hosted in the test runner, the
        # serializer that jobs and remoting use gives the same deserialized objects.
        $job = try {
            Start-Job -ScriptBlock { param($m, $w, $r) Import-Module $m; & ([scriptblock]::Create($r)) $w } -ArgumentList $module, $waivers, "$run" -ErrorAction Stop | Wait-Job | Receive-Job
        }
        catch {
            [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($live, 4))
        }
        $clixml = Join-Path $TestDrive 'run.clixml'
        $live | Export-Clixml -LiteralPath $clixml
        $job[0].pstypenames[0] | Should -Be 'Deserialized.ResidencyPS.EeaBoundaryResult'
        @($job).Count | Should -Be @($live).Count
        $reports = foreach ($source in @{ Name = 'live'; Results = $live }, @{ Name = 'job'; Results = $job }, @{ Name = 'clixml'; Results = (Import-Clixml -LiteralPath $clixml) }) {
            foreach ($format in 'md', 'csv', 'html') {
                $file = Join-Path $TestDrive "$($source.Name).$format"
                $source.Results | Export-ResidencyReport -Path $file
                # Everything but the time it was made is the same.
                [pscustomobject]@{ Source = $source.Name; Format = $format; Text = (Get-Content -Raw -LiteralPath $file) -replace '\d{4}-\d\d-\d\d \d\d\\?:\d\d\\?:\d\d UTC', 'TIME' }
            }
        }
        # The waiver register cannot travel with the results (unused and expired waivers are no result's property):
        # a travelled run's report says so there; everything else is the same.
        $register = '(?s)(## Waiver register|<h2 id="waivers">Waiver register</h2>).*?(?=## Where data|<h2 id="matrix")'
        foreach ($format in 'md', 'csv', 'html') {
            $texts = @($reports | Where-Object Format -EQ $format | ForEach-Object { $_.Text -replace $register, 'REGISTER' })
            $texts[1] | Should -BeExactly $texts[0]
            $texts[2] | Should -BeExactly $texts[0]
        }

        $md = @($reports | Where-Object Format -EQ 'md')
        $md[0].Text | Should -Match 'SSO reviewed'
        $md[0].Text | Should -Match 'not evaluated'
        $md[0].Text | Should -Match 'travel-waivers\\?\.json \(SHA-256 [0-9a-f]{64}\)'
        $md[1].Text | Should -Match 'came without their run''s waiver register'
    }

    It 'keeps each inventory row''s own columns with its results, in every report and after the results travel (issue 23, point 3)' {
        $inventory = Join-Path $TestDrive 'owners.csv'
        @(
            'Product,DataCategory,HostingRegion,Owner,Tenant'
            'Freshdesk,Ticket data,EEA,alice,t-001'
            'Freshteam,Employee data,EEA,=HYPERLINK("x"),t-002'
        ) | Set-Content -LiteralPath $inventory
        $results = Import-Csv -LiteralPath $inventory | Test-EeaBoundary -WarningAction SilentlyContinue
        $results.Count | Should -Be 2
        $results[0].InputColumns.Owner | Should -Be 'alice'
        $results[0].InputColumns.Names | Should -Be @('Owner', 'Tenant')
        $results[1].InputColumns.Tenant | Should -Be 't-002'

        $csv = Join-Path $TestDrive 'owners-report.csv'
        $results | Export-ResidencyReport -Path $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.'Input.Owner' | Should -Be @('alice', "'=HYPERLINK(""x"")")
        $rows.'Input.Tenant' | Should -Be @('t-001', 't-002')

        # Rows of two spreadsheets, 40 columns of their own each: the report has all 80, each row's filled (issue 22's inventories).
        $mixed = foreach ($sheet in 'a', 'b') {
            $row = [ordered]@{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
            foreach ($i in 1..40) { $row["$sheet$i"] = "$sheet-$i" }
            [pscustomobject]$row
        }
        $wide = Join-Path $TestDrive 'mixed-report.csv'
        $mixed | Test-EeaBoundary -WarningAction SilentlyContinue | Export-ResidencyReport -Path $wide -WarningVariable lost
        $lost | Should -BeNullOrEmpty
        $wideRows = Import-Csv -LiteralPath $wide
        @($wideRows[0].PSObject.Properties.Name -like 'Input.*').Count | Should -Be 80
        $wideRows[0].'Input.a40' | Should -Be 'a-40'
        $wideRows[1].'Input.b40' | Should -Be 'b-40'
        $wideRows[1].'Input.a1' | Should -Be ''

        $html = Join-Path $TestDrive 'owners-report.html'
        $results | Export-ResidencyReport -Path $html
        Get-Content -Raw -LiteralPath $html | Should -Match '<td>1 \(Owner: alice; Tenant: t-001\)</td>'

        $json = Join-Path $TestDrive 'owners-run.json'
        $results | Export-ResidencyReport -Path $json
        $back = Import-ResidencyResult -Path $json
        $back[0].InputColumns.Names | Should -Be @('Owner', 'Tenant')
        $back[1].InputColumns.Owner | Should -Be '=HYPERLINK("x")'

        $clixml = Join-Path $TestDrive 'owners.clixml'
        $results | Export-Clixml -LiteralPath $clixml
        $travelled = Join-Path $TestDrive 'travelled.csv'
        Import-Clixml -LiteralPath $clixml | Export-ResidencyReport -Path $travelled
        (Import-Csv -LiteralPath $travelled).'Input.Tenant' | Should -Be @('t-001', 't-002')
    }

    It 'keeps a row''s cells as a spreadsheet shows them: lists joined, dates in ISO 8601, line breaks kept; warns of a row over 64 columns' {
        $row = '[{"Product":"Freshdesk","DataCategory":"Ticket data","Tags":["a","b"],"Meta":{"k":1},"When":"2024-01-31T10:00:00Z","Note":"multi\nline"}]' | ConvertFrom-Json
        $r = $row | Test-EeaBoundary
        $r.InputColumns.Tags | Should -Be 'a, b'
        $r.InputColumns.Meta | Should -Be 'k=1'
        $r.InputColumns.When | Should -Be '2024-01-31T10:00:00.0000000Z'
        $r.InputColumns.Note | Should -Be "multi`nline"
        $csv = Join-Path $TestDrive 'cells.csv'
        $r | Export-ResidencyReport -Path $csv
        (Import-Csv -LiteralPath $csv).'Input.Note' | Should -Be "multi`nline"
        # A result that travelled keeps the line break too: every way columns arrive is made inert in one place.
        $clixml = Join-Path $TestDrive 'cells.clixml'
        $r | Export-Clixml -LiteralPath $clixml
        Import-Clixml -LiteralPath $clixml | Export-ResidencyReport -Path $csv
        (Import-Csv -LiteralPath $csv).'Input.Note' | Should -Be "multi`nline"

        $wide = [ordered] @{ Product = 'Freshdesk'; DataCategory = 'Ticket data' }
        1..70 | ForEach-Object { $wide["C$_"] = "v$_" }
        $warnings = $null
        $r = [pscustomobject] $wide | Test-EeaBoundary -WarningVariable warnings
        $r.InputColumns.Count | Should -Be 64
        "$warnings" | Should -BeLike 'Input row 1 has 70 columns besides the ones tested; its results keep the first 64*'
    }

    It 'quotes a formula after leading blanks too, so a spreadsheet that trims the cell shows it as text' {
        $r = [pscustomobject] @{ Product = 'Freshdesk'; DataCategory = 'Ticket data'; Owner = ' =1+2' } | Test-EeaBoundary
        $csv = Join-Path $TestDrive 'blank-formula.csv'
        $r | Export-ResidencyReport -Path $csv
        (Import-Csv -LiteralPath $csv).'Input.Owner' | Should -Be "' =1+2"
    }

    It 'refuses a travelled result the policy does not give, or an object that is no result, and writes no file' {
        $clixml = Join-Path $TestDrive 'edited.clixml'
        Test-EeaBoundary Freshdesk | Export-Clixml -LiteralPath $clixml
        $edited = Import-Clixml -LiteralPath $clixml
        ($edited | Where-Object DataCategory -EQ 'Call recordings').Verdict = 'Within'
        $file = Join-Path $TestDrive 'edited.html'
        $err = $null
        $edited | Export-ResidencyReport -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        Test-Path -LiteralPath $file | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'ResultMismatch,ResidencyPS.Commands.ExportResidencyReportCommand'
        $err[0].Exception.Message | Should -Match 'says Within, but the policy gives Outside'
        [pscustomobject]@{ Product = 'Freshdesk'; Verdict = 'Within' } | Export-ResidencyReport -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        Test-Path -LiteralPath $file | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'InputNotAResult,ResidencyPS.Commands.ExportResidencyReportCommand'
        $other = New-PolicyFile 'travel-other.json' { param($j) $j.policyVersion = 'other-2' }
        Test-EeaBoundary Freshdesk -Policy $other | Export-Clixml -LiteralPath $clixml
        Import-Clixml -LiteralPath $clixml | Export-ResidencyReport -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyMismatch,ResidencyPS.Commands.ExportResidencyReportCommand'
        $err[0].ErrorDetails.RecommendedAction | Should -Match ((Get-ResidencyPolicy -Path $other).Sha256)
        Import-Clixml -LiteralPath $clixml | Export-ResidencyReport -Path $file -Policy $other
        Test-Path -LiteralPath $file | Should -BeTrue
    }

    It 'lays the printed pages out for Letter paper with -PageSize, and refuses it for a report that does not print' {
        $html = Join-Path $TestDrive 'letter.html'
        $record = Join-Path $TestDrive 'letter-record.html'
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $html -PageSize Letter
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $record -Format Article30 -PageSize Letter
        Get-Content -Raw -LiteralPath $html | Should -Match '@page\{size:letter;'
        Get-Content -Raw -LiteralPath $record | Should -Match '@page\{size:letter;'
        $csv = Join-Path $TestDrive 'letter.csv'
        { Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $csv -PageSize Letter -ErrorAction Stop } |
            Should -Throw -ErrorId 'PageSizeNotApplicable,ResidencyPS.Commands.ExportResidencyReportCommand'
        Test-Path -LiteralPath $csv | Should -BeFalse
    }

    It 'writes the controller''s answers into the Article 30 record, refuses a faulty answers file before writing, and takes it for the record only' {
        $answers = Join-Path $TestDrive 'controller.json'
        @{ controller = @{ name = 'Example B.V.'; contact = 'privacy@example.com' }; processing = @(@{ product = 'Freshdesk'; purposes = 'Support' }) } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $answers
        $record = Join-Path $TestDrive 'answered.html'
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $record -Format Article30 -ControllerPath $answers
        $page = Get-Content -Raw -LiteralPath $record
        $page | Should -Match ([regex]::Escape('<dt>Controller</dt><dd class="controller">Example B.V., privacy@example.com <span class="nl">(the controller''s answer)</span>'))
        $page | Should -Match ([regex]::Escape('<dt>Purposes of the processing</dt><dd class="controller">Support <span class="nl">(the controller''s answer)</span>'))

        $broken = Join-Path $TestDrive 'broken-controller.json'
        '{ "controller": { "name": "A" }, "processing": [ { "product": "Zendesk", "purposes": "x" } ] }' | Set-Content -LiteralPath $broken
        $target = Join-Path $TestDrive 'never.html'
        $err = $null
        $stop = $null
        try { Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $target -Format Article30 -ControllerPath $broken -ErrorVariable err -ErrorAction SilentlyContinue }
        catch { $stop = $_ }
        $stop.FullyQualifiedErrorId | Should -Be 'ControllerFileInvalid,ResidencyPS.Commands.ExportResidencyReportCommand'
        @($err | Where-Object FullyQualifiedErrorId -Like 'InvalidControllerFile,*').Count | Should -Be 2
        Test-Path -LiteralPath $target | Should -BeFalse

        { Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path (Join-Path $TestDrive 'r.html') -ControllerPath $answers } |
            Should -Throw -ErrorId 'ControllerPathNotApplicable,ResidencyPS.Commands.ExportResidencyReportCommand'
    }

    It 'prints on A4 and says why a table of the Article 30 record is empty (issue 23, part)' {
        $html = Join-Path $TestDrive 'a4.html'
        Export-ResidencyReport -Path $html
        Get-Content -Raw -LiteralPath $html | Should -Match '@page\{size:A4'
        $bare = New-PolicyFile 'no-retention.json' { param($j)
            foreach ($rule in $j.retention) { $rule.products = @(@($rule.products | Where-Object { $_ -ne 'Freshdesk' }) + @('Freshsales') | Select-Object -Unique) }
        }
        $record = Join-Path $TestDrive 'no-retention-a30.html'
        Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -Policy $bare | Export-ResidencyReport -Path $record -Format Article30 -Policy $bare
        Get-Content -Raw -LiteralPath $record | Should -Match 'The policy text states no logs, backups or temporary copies for Freshdesk\.'
    }

    It 'refuses results computed from another policy, naming both, and writes no file' {
        $other = New-PolicyFile 'other.json' { param($j) $j.policyVersion = 'other-1' }
        $file = Join-Path $TestDrive 'mixed.html'
        $err = $null
        Test-EeaBoundary Freshdesk -DataCategory 'Ticket data' -Policy $other | Export-ResidencyReport -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        Test-Path -LiteralPath $file | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'PolicyMismatch,ResidencyPS.Commands.ExportResidencyReportCommand'
        $err[0].Exception.Message | Should -Match 'other-1'
        $err[0].Exception.Message | Should -Match ([regex]::Escape((Get-ResidencyPolicy).Sha256))
    }

    It 'takes the format from the extension and refuses one it cannot write or that contradicts -Format (<Name>)' -ForEach @(
        @{ Name = 'refused.pdf'; Format = $null }, @{ Name = 'refused'; Format = $null }, @{ Name = 'refused.html'; Format = 'Csv' }, @{ Name = 'refused.txt'; Format = 'Html' }
    ) {
        $file = Join-Path $TestDrive $Name
        $p = @{ Path = $file }; if ($Format) { $p.Format = $Format }
        { Test-EeaBoundary Freshdesk | Export-ResidencyReport @p -ErrorAction Stop } | Should -Throw -ErrorId 'ReportFormatMismatch,ResidencyPS.Commands.ExportResidencyReportCommand'
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'writes the format each extension names' {
        foreach ($pair in @(@('r.htm', '<!DOCTYPE html>'), @('r.HTML', '<!DOCTYPE html>'), @('r.markdown', '# Data residency report'), @('r.csv', 'InputRow,PolicyVendor,'))) {
            $file = Join-Path $TestDrive $pair[0]
            Export-ResidencyReport -Path $file
            (Get-Content -LiteralPath $file -TotalCount 1) | Should -BeLike "$($pair[1])*"
        }
        $file = Join-Path $TestDrive 'no-extension'
        Export-ResidencyReport -Path $file -Format Markdown
        (Get-Content -LiteralPath $file -TotalCount 1) | Should -BeLike '# Data residency report*'
    }

    It 'keeps hostile policy text inert in the markdown report: no tag, heading or column it did not write' {
        $hostile = New-PolicyFile 'hostile.json' { param($j)
            $j.vendor = "Evil`n# Injected heading`n<script>alert(1)</script>"
            ($j.categories | Where-Object id -EQ 'TicketData').name = 'Ticket \| data <img src=x onerror=alert(1)> *bold* [link](http://x)'
            # Bare addresses: renderers with autolinks made 231 links of such text (issue 25, finding 6).
            ($j.categories | Where-Object id -EQ 'LeadData').name = 'Lead https://evil.example/x www.evil.com mail me@evil.com ftp://evil.example evil.com www.-evil.-com/phish'
        }
        $file = Join-Path $TestDrive 'hostile.md'
        Export-ResidencyReport -Path $file -Policy $hostile
        $markdown = Get-Content -Raw -LiteralPath $file
        $headings = $markdown -split "`n" | Where-Object { $_ -match '^#' }
        $headings.Count | Should -Be 12
        $headings | Should -Contain '## Summary by product'
        $headings | Should -Contain '## Sign-off'
        $headings | Should -Contain '## Waiver register'
        $headings | Should -Contain '## Legend'
        $headings | Should -Contain '## Readings and conflicts'
        $headings | Should -Not -Match '^#+ *Injected'
        $html = (ConvertFrom-Markdown -LiteralPath $file).Html
        $html | Should -Not -Match '<script'
        $html | Should -Not -Match '<img'
        $html | Should -Not -Match '<a href'
        $html | Should -Match 'https://evil.example/x www.evil.com mail me@evil.com ftp://evil.example evil.com www.-evil.-com/phish'
        $html | Should -Not -Match '<h\d[^>]*>Injected'
        $matrix = [regex]::Match($html, 'Where data may be hosted</h2>.*?(<table>.*?</table>)', 'Singleline').Groups[1].Value
        $rows = [regex]::Matches($matrix, '<tr>.*?</tr>', 'Singleline')
        $rows.Count | Should -BeGreaterThan 5
        foreach ($row in $rows) { ([regex]::Matches($row.Value, '<t[dh][ >]')).Count | Should -Be 8 }
        $matrix | Should -Match ([regex]::Escape('Ticket \| data &lt;img src=x onerror=alert(1)&gt; *bold* [link](http://x)'))
    }

    # Issue 14: a record of processing per product, from the policy's own words.
    It 'writes a GDPR Article 30 record: categories with definitions, transfers with their condition and source, erasure limits, controller columns empty but for the recipients the text names' {
        $html = Join-Path $TestDrive 'article30.html'
        Test-EeaBoundary Freshsales | Export-ResidencyReport -Path $html -Format Article30
        $page = Get-Content -Raw -LiteralPath $html
        $page | Should -Match '<h2 id="freshsales-eea">Freshsales, hosted in European Economic Area</h2>'
        foreach ($field in 'Purposes of the processing', 'Categories of data subjects', 'Legal basis of the transfer') {
            $page | Should -Match ([regex]::Escape("<dt>$field</dt><dd class=""controller""><em>to be completed by the controller</em></dd>"))
        }
        # The recipients the policy text names are filled in and marked as such; the controller adds the rest.
        $page | Should -Match ([regex]::Escape('<dt>Recipients</dt><dd class="controller">From the policy text: Freshworks, as processor (lines 1, 3)') + '.*' + [regex]::Escape('<em>Any other recipient: to be completed by the controller.</em></dd>'))
        $page | Should -Match 'Lead data: information|Leadgegevens'
        $page | Should -Match '<td>Call recordings</td><td>US</td><td>transit</td><td>yes</td><td>10 minutes \(10 minuten\)</td><td>always</td><td>not recorded: see the vendor(''|&#39;)s agreement</td>'
        $page | Should -Match 'Logs</td><td>EEA</td><td>1 year \(1 jaar\)'
        $page | Should -Match 'beveiligingsnormen'
        $page | Should -Not -Match 'Freshdesk, hosted'

        $csv = Join-Path $TestDrive 'article30.csv'
        Test-EeaBoundary Freshsales | Export-ResidencyReport -Path $csv -Format Article30Csv
        [IO.File]::ReadAllBytes($csv)[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        $rows = Import-Csv -LiteralPath $csv
        ($rows.DataCategory | Sort-Object -Unique).Count | Should -Be (Get-DataResidency -Product Freshsales).Count
        $transit = $rows | Where-Object { $_.DataCategory -eq 'Call recordings' -and $_.Activity -eq 'Transit' }
        $transit.TransferTo | Should -Be 'US'
        $transit.Safeguard | Should -Be "not recorded: see the vendor's agreement"
        $transit.LegalBasisOfTransfer | Should -BeNullOrEmpty
        $transit.Source | Should -Match 'tijdelijk vastgehouden gedurende 10 minuten'
        { Export-ResidencyReport -Path (Join-Path $TestDrive 'a30.md') -Format Article30 } | Should -Throw -ErrorId 'ReportFormatMismatch,ResidencyPS.Commands.ExportResidencyReportCommand'
    }

    # Issue 20, point 3: no record heads a product "hosted in the EEA" that the policy text offers only in the US.
    It 'records a US-only product where it is offered, and warns in a record of a set-up the text does not describe' {
        $html = Join-Path $TestDrive 'article30-all.html'
        Export-ResidencyReport -Path $html -Format Article30
        $page = Get-Content -Raw -LiteralPath $html
        $page | Should -Match '<h2 id="freshteam-us">Freshteam, hosted in United States</h2>'
        $page | Should -Match '<h2 id="freshmarketer-us">Freshmarketer, hosted in United States</h2>'
        $page | Should -Not -Match 'Freshteam, hosted in European'
        $page | Should -Match '<h2 id="freshdesk-eea">Freshdesk, hosted in European Economic Area</h2>'

        $eea = Join-Path $TestDrive 'article30-freshteam-eea.html'
        Test-EeaBoundary Freshteam -WarningAction SilentlyContinue | Export-ResidencyReport -Path $eea -Format Article30
        $record = Get-Content -Raw -LiteralPath $eea
        $record | Should -Match '<h2 id="freshteam-eea">Freshteam, asked about as hosted in European Economic Area</h2>'
        $record | Should -Match 'Not a set-up the policy describes.</strong> The policy text offers Freshteam only in US, not in EEA'
        $record | Should -Match 'Logs</td><td>US</td><td>1 year \(1 jaar\)'
    }

    # Issue 25, finding 7: a report is shared; the local path of the policy file stays on the machine that made it.
    It 'names the policy file by its name, not its local path' {
        $policy = New-PolicyFile 'shared-policy.json' { param($j) $j.policyVersion = '2.0.0' }
        $html = Join-Path $TestDrive 'shared.html'
        Export-ResidencyReport -Path $html -Policy $policy
        $page = Get-Content -Raw -LiteralPath $html
        $page | Should -Match 'the file shared-policy\.json'
        $page | Should -Not -Match ([regex]::Escape($TestDrive))
    }

    # Issue 20, point 4 (part): the Article 30 CSV keeps every reading's Basis and every conflict the flows carry.
    It 'writes Basis, HasConflict and Conflict in the Article 30 CSV for every row, as the data flows carry them' {
        $csv = Join-Path $TestDrive 'article30-basis.csv'
        Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path $csv -Format Article30Csv
        $rows = Import-Csv -LiteralPath $csv
        $rows | ForEach-Object { $_.CategoryBasis | Should -BeIn @('Stated', 'InferredFromTableLayout', 'InferredFromContent') }
        $transit = $rows | Where-Object { $_.DataCategory -eq 'Call recordings' -and $_.Activity -eq 'Transit' }
        $flow = Get-DataFlow -Product Freshdesk -DataCategory 'Call recordings' -Activity Transit -UsesIntegrations
        $transit.HasConflict | Should -Be 'True'
        $transit.Conflict | Should -Match ([regex]::Escape($flow.Conflict))
        $transit.TransferBasis | Should -Be ([string] $flow.Basis)
        ($rows | Where-Object { $_.DataCategory -eq 'Contact data' } | Select-Object -First 1).CategoryBasis | Should -Be 'InferredFromContent'
        foreach ($record in Get-DataResidency -Product Freshdesk) {
            $mine = @($rows | Where-Object DataCategory -EQ $record.DataCategory)
            $mine.Count | Should -BeGreaterThan 0
            $mine | ForEach-Object { $_.CategoryBasis | Should -Be ([string] $record.Basis); if ($record.HasConflict) { $_.HasConflict | Should -Be 'True' } }
        }
    }
}
