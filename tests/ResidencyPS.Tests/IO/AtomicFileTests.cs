using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.IO;

/// <summary>
/// Security finding 7: killing the process during a large export left a partial temporary file in 7 of 8 runs and
/// lost the previous file in 1 of 8. Now the target is always a whole report, and the next write removes what a
/// killed one left.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("\"([0-9a-f]{64})\",\"(?:True|False)\",\"(?:[^\"]|\"\")*\",\"[A-Za-z]*\"\n$")]
    private static partial Regex LastCell();

    // Every row of the CSV report ends with the policy's SHA-256, the conflict cells and the product's basis: a whole file has one per result and ends with one.
    private static void AssertWhole(string file, int rows)
    {
        var text = File.ReadAllText(file);
        var last = LastCell().Match(text);
        Assert.True(last.Success, "The report ends in the middle of a row.");
        Assert.Equal(rows, Regex.Count(text, Regex.Escape("\"" + last.Groups[1].Value + "\",")));
    }

    [Fact]
    public async Task A_pwsh_killed_mid_export_leaves_a_whole_report_and_the_next_write_removes_its_temporary_file()
    {
        var target = Path.Combine(_folder, "report.csv");
        var module = TestPaths.RequireModule();
        // About 60,000 results (some 15 MB of CSV): a write takes long enough for a kill to land inside it.
        var script = $$"""
            Import-Module '{{module}}'
            $results = 1..6000 | ForEach-Object { [pscustomobject]@{ Product = 'Freshdesk' } } | Test-EeaBoundary -WarningAction SilentlyContinue
            "rows $($results.Count)"
            while ($true) { $results | Export-ResidencyReport -LiteralPath '{{target}}'; 'written' }
            """;
        var random = new Random(20261129);
        var rows = 0;
        var leftBehind = 0;
        for (var run = 0; run < 6; run++)
        {
            using var child = PwshProcess.StartBackground(script);
            try
            {
                var errors = child.StandardError.ReadToEndAsync();
                var first = await child.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The exporting pwsh ended before its first line: " + await errors);
                rows = int.Parse(first["rows ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                if (run == 0)
                {
                    Assert.Equal("written", await child.StandardOutput.ReadLineAsync()); // a previous file to protect
                }

                await Task.Delay(random.Next(50, 1500));
            }
            finally
            {
                // Also when an assertion above fails: the child exports in an endless loop and would outlive the test run.
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }

            AssertWhole(target, rows);
            leftBehind += Directory.GetFiles(_folder, "*.residencyps.tmp").Length;
        }

        // The next write, by any process, removes what the killed ones left, and nothing else.
        File.WriteAllText(Path.Combine(_folder, ".report.csv.tmp"), "not ours");
        var done = PwshProcess.Run($$"""
            Import-Module '{{module}}'
            1..6000 | ForEach-Object { [pscustomobject]@{ Product = 'Freshdesk' } } | Test-EeaBoundary | Export-ResidencyReport -LiteralPath '{{target}}'
            """);
        Assert.Equal(0, done.ExitCode);
        AssertWhole(target, rows);
        Assert.Empty(Directory.GetFiles(_folder, "*.residencyps.tmp"));
        Assert.True(File.Exists(Path.Combine(_folder, ".report.csv.tmp")));
        Console.WriteLine($"Kill-mid-export: 6 kills, {leftBehind} temporary files left at kill time, all removed by the next write.");
    }

    [Fact]
    public void A_rewrite_keeps_the_permissions_of_the_file_it_replaces()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; on Windows a replaced file keeps the folder's access rules.
        }

        // A private report once became world-readable (600 to 644) when a nightly task rewrote it (issue 25, finding 9).
        var target = Path.Combine(_folder, "private.csv");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ResidencyPS.IO.AtomicFile.Write(target, w => w.Write("new"));
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));

        var fresh = Path.Combine(_folder, "fresh.csv");
        ResidencyPS.IO.AtomicFile.Write(fresh, w => w.Write("x"));
        Assert.True(File.GetUnixFileMode(fresh).HasFlag(UnixFileMode.UserRead));
    }

    [Fact]
    public void A_write_removes_the_abandoned_temporary_files_of_other_targets_in_its_folder_but_not_one_in_use()
    {
        // Reports named by date are never written again under the same name: their killed writes' leftovers must still go.
        var abandoned = Path.Combine(_folder, ".report-2026-11-30.html.0123456789abcdef0123456789abcdef.residencyps.tmp");
        var inUse = Path.Combine(_folder, ".report-2026-12-01.html.fedcba9876543210fedcba9876543210.residencyps.tmp");
        var foreign = Path.Combine(_folder, ".notes.txt.tmp");
        File.WriteAllText(abandoned, "half");
        File.WriteAllText(foreign, "not ours");
        using (new FileStream(inUse, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            ResidencyPS.IO.AtomicFile.Write(Path.Combine(_folder, "report-2026-12-02.html"), w => w.Write("today"));
            Assert.False(File.Exists(abandoned));
            Assert.True(File.Exists(inUse));
            Assert.True(File.Exists(foreign));
        }
    }

    [Fact]
    public void A_temporary_file_is_created_with_the_permissions_of_the_file_it_replaces_not_widened_later()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Created 644 and narrowed afterwards, a private report's temporary file could be opened by anyone in between.
        var path = Path.Combine(_folder, ".private.csv.0123456789abcdef0123456789abcdef.residencyps.tmp");
        using (ResidencyPS.IO.UnixMode.CreateNew(path, UnixFileMode.UserRead | UnixFileMode.UserWrite))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
