using System.Diagnostics;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>The HTML report as a person sees it: rendered by headless Chromium, checked and saved as a screenshot.</summary>
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
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(_folder, "profile") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish.");
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
        Assert.Contains("<td class=\"Transient\">Transient</td>", dom);
        Assert.Contains("Beschikbaar in de VS en EER", dom);

        var screenshots = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "test-results")).FullName;
        var screenshot = Path.Combine(screenshots, "residency-report.png");
        File.Delete(screenshot);
        RunChromium("--window-size=1400,2000", "--screenshot=" + screenshot, uri);
        var bytes = File.ReadAllBytes(screenshot);
        Assert.True(bytes.Length > 20_000, "The screenshot is too small to show a rendered report.");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4));
    }
}
