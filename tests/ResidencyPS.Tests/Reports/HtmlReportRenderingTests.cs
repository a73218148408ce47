using System.Diagnostics;
using System.Text.RegularExpressions;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>The HTML report as a person sees it: rendered by headless Chromium, checked and saved as a screenshot.</summary>
[Trait("Category", "Slow")]
public sealed class HtmlReportRenderingTests : IClassFixture<PowerShellSession>, IDisposable
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("RESIDENCYPS_CHROMIUM") is { Length: > 0 } chosen ? chosen : "/usr/bin/chromium";
    private readonly PowerShellSession _ps;
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-report-").FullName;

    public HtmlReportRenderingTests(PowerShellSession ps) => _ps = ps;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string RunChromium(params string[] arguments)
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing at " + Chromium + ". On Debian, build.ps1 -Task Setup installs it "
            + "(apt-get install chromium, as root or through sudo); elsewhere install Chromium and set RESIDENCYPS_CHROMIUM to its executable.");
        return RunProcess(Chromium, TimeSpan.FromSeconds(90), new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(_folder, "profile") }.Concat(arguments));
    }

    private static string RunTool(string tool, params string[] arguments)
    {
        var path = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(path), tool + " is missing. On Debian, build.ps1 -Task Setup installs it (apt-get install poppler-utils, as root or through sudo).");
        return RunProcess(path, TimeSpan.FromSeconds(60), arguments, mustSucceed: true);
    }

    // Standard output of a program that must finish in time; killed (and the test failed) when it does not.
    private static string RunProcess(string path, TimeSpan timeout, IEnumerable<string> arguments, bool mustSucceed = false)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(Path.GetFileName(path) + " did not finish.");
        }

        if (mustSucceed)
        {
            Assert.Equal(0, process.ExitCode);
        }

        return output.Result;
    }

    [Fact]
    public void Chromium_renders_the_report_with_its_tables_and_a_screenshot_is_saved()
    {
        var report = Path.Combine(_folder, "report.html");
        _ps.RunClean($"Test-EeaBoundary Freshsales | Export-ResidencyReport -Path '{report}'");
        var uri = new Uri(report).AbsoluteUri;

        var dom = RunChromium("--dump-dom", uri);
        Assert.Contains("<h1>Data residency report: Freshworks</h1>", dom);
        Assert.Contains("id=\"residency-matrix\"", dom);
        Assert.Contains("<td class=\"Transient\">⇄ transient", dom);
        Assert.Contains("Beschikbaar in de VS en EER", dom);

        var screenshots = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName;
        var screenshot = Path.Combine(screenshots, "residency-report.png");
        File.Delete(screenshot);
        RunChromium("--window-size=1400,2000", "--screenshot=" + screenshot, uri);
        var bytes = File.ReadAllBytes(screenshot);
        Assert.True(bytes.Length > 20_000, "The screenshot is too small to show a rendered report.");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4));
    }

    // Security finding 5: names with newlines added headings, and <script> and onerror in names ran once the markdown
    // report was rendered with ConvertFrom-Markdown and opened in a browser.
    [Fact]
    public void Chromium_renders_the_markdown_report_of_a_hostile_policy_and_nothing_in_it_runs_or_becomes_markup()
    {
        var policy = Path.Combine(_folder, "hostile.json");
        var markdown = Path.Combine(_folder, "report.md");
        var page = Path.Combine(_folder, "markdown.html");
        _ps.RunClean($$"""
            $json = Get-Content -Raw -LiteralPath (Export-ResidencyPolicy -Path '{{policy}}' -Embedded -PassThru) | ConvertFrom-Json
            $json.vendor = "Evil`n# Injected heading`n<script>document.title='owned'</script>"
            ($json.categories | Where-Object id -EQ 'TicketData').name = 'Ticket | data <img src=x onerror="document.title=''owned''"> [link](javascript:document.title=1) *bold*'
            $json | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath '{{policy}}'
            Test-EeaBoundary -Policy '{{policy}}' | Export-ResidencyReport -LiteralPath '{{markdown}}' -Policy '{{policy}}'
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>rendered</title></head><body>' + (ConvertFrom-Markdown -LiteralPath '{{markdown}}').Html + '</body></html>' |
                Set-Content -LiteralPath '{{page}}'
            """);
        var uri = new Uri(page).AbsoluteUri;

        var dom = RunChromium("--dump-dom", uri);
        Assert.Contains("<title>rendered</title>", dom); // no script set the title
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", dom.Replace("[link](javascript:", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(">Injected heading<", dom, StringComparison.Ordinal);
        Assert.Contains("Ticket | data &lt;img src=x onerror=\"document.title='owned'\"&gt; [link](javascript:document.title=1) *bold*", dom);

        var screenshot = Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName, "markdown-report-hostile.png");
        File.Delete(screenshot);
        RunChromium("--window-size=1400,2000", "--screenshot=" + screenshot, uri);
        Assert.True(new FileInfo(screenshot).Length > 20_000, "The screenshot is too small to show a rendered report.");
    }

    // Prints a page as Chromium does on paper, into out/test-results where a person can look at it after the run.
    private string PrintToPdf(string page, string name)
    {
        var pdf = Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName, name);
        File.Delete(pdf);
        RunChromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri);
        return pdf;
    }

    // Issue 23, point 1: A4 by default, US Letter on request; the printed PDF has that paper, not the browser's default.
    [Theory]
    [InlineData("", "(A4)")]
    [InlineData("-PageSize Letter", "(letter)")]
    public void The_printed_record_has_the_paper_asked_for(string pageSize, string expected)
    {
        var record = Path.Combine(_folder, "record" + pageSize.Length + ".html");
        _ps.RunClean($"Test-EeaBoundary Freshdesk | Export-ResidencyReport -Path '{record}' -Format Article30 {pageSize}");
        var pdf = PrintToPdf(record, "article30-" + (pageSize.Length == 0 ? "a4" : "letter") + ".pdf");
        Assert.Matches(@"Page size:\s+[0-9.]+ x [0-9.]+ pts " + System.Text.RegularExpressions.Regex.Escape(expected), RunTool("pdfinfo", pdf));
    }

    // Issue 12: an auditor prints the report. The summary and the legend must be on paper, and every mark must
    // survive black-and-white printing; the pages are kept as pictures for a person to look at.
    [Fact]
    public void The_html_report_prints_to_pdf_with_its_summary_legend_and_readings_and_its_first_pages_are_kept_as_pictures()
    {
        var report = Path.Combine(_folder, "print.html");
        _ps.RunClean($"Test-EeaBoundary | Export-ResidencyReport -Path '{report}'");
        var pdf = PrintToPdf(report, "residency-report.pdf");
        var results = Path.GetDirectoryName(pdf)!;
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf).Take(4));

        var text = RunTool("pdftotext", "-layout", pdf, "-");
        foreach (var expected in new[] { "Summary by product", "Legend", "Readings and conflicts", "not given: the policy text came without its address",
                     "✓ within", "⇄ transient", "inferred from the table layout", "conflict: another passage of the policy text says otherwise" })
        {
            Assert.Contains(expected, text);
        }

        foreach (var old in Directory.GetFiles(results, "residency-report-page-*.png"))
        {
            File.Delete(old);
        }

        RunTool("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", pdf, Path.Combine(results, "residency-report-page"));
        var pages = Directory.GetFiles(results, "residency-report-page-*.png");
        Assert.Equal(3, pages.Length);
        Assert.All(pages, page => Assert.True(new FileInfo(page).Length > 10_000, page + " is too small to show a page of the report."));
    }

    // Issue 23, point 2: on paper the report opens with the verdict, the summary and a sign-off block, before the
    // provenance, and carries the full waiver register: applied (to which results), unused and expired waivers.
    [Fact]
    public void The_printed_report_opens_with_the_verdict_summary_and_sign_off_and_lists_every_waiver()
    {
        var waivers = Path.Combine(_folder, "waivers.json");
        File.WriteAllText(waivers, """
            { "waivers": [
              { "product": "*", "dataCategory": "Authentication and profile data", "verdict": "Unknown", "justification": "SSO reviewed.", "approvedBy": "DPO", "expires": "2099-12-31" },
              { "product": "Freshteam", "dataCategory": "Employee data", "justification": "Not used by us.", "expires": "2099-12-31" },
              { "product": "Freshdesk", "dataCategory": "Chat messages", "justification": "Lapsed review.", "approvedBy": "CISO", "expires": "2020-01-31" } ] }
            """);
        var report = Path.Combine(_folder, "signed.html");
        _ps.RunClean($"Test-EeaBoundary Freshdesk -WaiverPath '{waivers}' -WarningAction SilentlyContinue | Export-ResidencyReport -Path '{report}'");
        var text = RunTool("pdftotext", "-layout", PrintToPdf(report, "residency-report-signed.pdf"), "-");

        var order = new[] { "NOT PASSED: 3 of 12 results did not pass", "Summary by product", "Sign-off", "Reviewed by", "Signature", "Provenance", "Waiver register" }
            .Select(heading => text.IndexOf(heading, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0, text));
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Contains("waivers.json (SHA-256 " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(waivers))).ToLowerInvariant(), text.Replace("\n", " "));
        Assert.Contains("applied to 1 result", text);
        Assert.Contains("unused: it covered no result", text);
        Assert.Contains("expired: its last day had passed", text);

        // Table cells wrap on paper: the words of a cell are checked in the page itself.
        var html = File.ReadAllText(report);
        Assert.Contains("applied to 1 result: Freshdesk / Authentication and profile data", html);
        Assert.Matches("<td>Freshdesk</td><td>Call recordings</td>.*<td>lines 33, 35, 81</td></tr>", html);
    }

    // Issue 14: the Article 30 record of processing, rendered as a privacy officer sees it.
    [Fact]
    public void Chromium_renders_the_article_30_record_and_a_screenshot_is_saved()
    {
        var report = Path.Combine(_folder, "article30.html");
        _ps.RunClean($"Test-EeaBoundary Freshsales, Freshdesk | Export-ResidencyReport -Path '{report}' -Format Article30");
        var uri = new Uri(report).AbsoluteUri;
        var dom = RunChromium("--dump-dom", uri);
        Assert.Contains("<h1>Record of processing (GDPR Article 30): Freshworks</h1>", dom);
        Assert.Contains("Transfers outside the EEA", dom);
        Assert.Contains("Time limits for erasure", dom);
        Assert.Contains("Security measures the policy mentions", dom);
        Assert.Contains(Article30Writer.Safeguard, dom);
        Assert.Contains("to be completed by the controller", dom);
        Assert.Contains("10 minutes (10 minuten)", dom);

        var screenshot = Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName, "article30.png");
        File.Delete(screenshot);
        RunChromium("--window-size=1400,2400", "--screenshot=" + screenshot, uri);
        Assert.True(new FileInfo(screenshot).Length > 20_000, "The screenshot is too small to show a rendered record.");
    }

    // Issue 23, point 1, on paper: the record of a set-up without integrations prints no integration transfer, carries the
    // controller's answers marked as such and the recipients the text names; its pages are kept as pictures.
    [Fact]
    public void The_printed_record_follows_the_set_up_and_carries_the_controllers_answers()
    {
        var answers = Path.Combine(_folder, "controller.json");
        File.WriteAllText(answers, "{ \"controller\": { \"name\": \"Example B.V.\", \"contact\": \"privacy@example.com\" }, "
            + "\"dpo\": { \"name\": \"J. Jansen\", \"contact\": \"dpo@example.com\" }, \"processing\": [ { \"product\": \"*\", \"purposes\": \"Customer service\" } ] }");
        var record = Path.Combine(_folder, "article30-print.html");
        _ps.RunClean($"Test-EeaBoundary Freshsales, Freshdesk | Export-ResidencyReport -Path '{record}' -Format Article30 -ControllerPath '{answers}'");
        var pdf = PrintToPdf(record, "article30-record.pdf");
        var text = Regex.Replace(RunTool("pdftotext", pdf, "-"), @"\s+", " ");
        Assert.DoesNotContain("Only when the customer uses integrations", text);
        Assert.Contains("Example B.V., privacy@example.com (the controller's answer)", text);
        Assert.Contains("J. Jansen, dpo@example.com", text);
        Assert.Contains("Customer service (the controller's answer)", text);
        Assert.Contains("From the policy text: Freshworks, as processor", text);

        var results = Path.GetDirectoryName(pdf)!;
        foreach (var old in Directory.GetFiles(results, "article30-record-page-*.png"))
        {
            File.Delete(old);
        }

        RunTool("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", pdf, Path.Combine(results, "article30-record-page"));
        Assert.Equal(2, Directory.GetFiles(results, "article30-record-page-*.png").Length);
    }
}
