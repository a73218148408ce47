using System.Text.Json;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Build;

/// <summary>
/// The Pester specs run once, in a fresh pwsh, through tests/Invoke-Specs.ps1; its counts are half the line CI reads.
/// A spec that does not parse yields no tests at all, and a failing BeforeAll fails a block, not an It: both must
/// count as failures, or the suite could pass by accident.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SpecRunnerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("specs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (PwshResult Result, int Passed, int Failed) RunSpecs(params (string Name, string Text)[] specs)
    {
        foreach (var (name, text) in specs)
        {
            File.WriteAllText(Path.Combine(folder, name + ".Tests.ps1"), text);
        }

        var summary = Path.Combine(folder, "summary.json");
        var runner = Path.Combine(TestPaths.RepoRoot, "tests", "Invoke-Specs.ps1");
        var result = PwshProcess.Run(
            $"& '{runner}' -PesterManifest '{TestPaths.PesterManifest}' -Path '{folder}' -SummaryPath '{summary}' -Verbosity None; exit $LASTEXITCODE",
            timeout: TimeSpan.FromMinutes(2));
        using var counts = JsonDocument.Parse(File.ReadAllText(summary));
        return (result, counts.RootElement.GetProperty("passed").GetInt32(), counts.RootElement.GetProperty("failed").GetInt32());
    }

    private const string Passing = "Describe 'a' { It 'passes' { 1 | Should -Be 1 } }";

    [Fact]
    public void Passing_specs_are_counted_and_exit_zero()
    {
        var (result, passed, failed) = RunSpecs(("One", Passing), ("Two", "Describe 'b' { It 'x' { $true | Should -BeTrue }; It 'y' { 2 | Should -Be 2 } }"));
        Assert.Equal((0, 3, 0), (result.ExitCode, passed, failed));
        Assert.Contains("Pester: 3 passed, 0 failed", result.Output);
    }

    [Fact]
    public void A_spec_that_does_not_parse_counts_as_failed()
    {
        var (result, passed, failed) = RunSpecs(("One", Passing), ("Broken", "Describe 'b' { It 'x' { 1 | Should -Be ( } "));
        Assert.Equal((1, 1, 1), (result.ExitCode, passed, failed));
    }

    [Fact]
    public void A_failing_It_and_a_failing_BeforeAll_count_as_failed()
    {
        var (result, passed, failed) = RunSpecs(
            ("One", Passing),
            ("Fails", "Describe 'f' { It 'fails' { 1 | Should -Be 2 } }"),
            ("Setup", "Describe 's' { BeforeAll { throw 'no set-up' }; It 'never runs' { $true | Should -BeTrue } }"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, passed);
        Assert.True(failed >= 2, result.Output);
    }

    [Fact]
    public void No_specs_at_all_is_not_a_pass()
    {
        var (result, passed, _) = RunSpecs();
        Assert.Equal((1, 0), (result.ExitCode, passed));
    }

    [Fact]
    public void Several_spec_files_arrive_as_one_argument_joined_by_the_path_separator()
    {
        // pwsh -File passes one string per parameter: the build joins the specs -Spec 'Get-*' names, the runner splits them.
        var one = Path.Combine(folder, "One.Tests.ps1");
        var two = Path.Combine(folder, "Two.Tests.ps1");
        File.WriteAllText(one, Passing);
        File.WriteAllText(two, Passing);
        var summary = Path.Combine(folder, "summary.json");
        var runner = Path.Combine(TestPaths.RepoRoot, "tests", "Invoke-Specs.ps1");
        var result = PwshProcess.Run(
            $"& '{runner}' -PesterManifest '{TestPaths.PesterManifest}' -Path '{one}{Path.PathSeparator}{two}' -SummaryPath '{summary}' -Verbosity None; exit $LASTEXITCODE",
            timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Pester: 2 passed, 0 failed", result.Output);
    }
}
