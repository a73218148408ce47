using Newtonsoft.Json;
using ResidencyPS.Help;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>
/// Documented examples write fixed names into the temporary folder. Run with the temporary folder pointed at a folder of
/// the run's own, two runs of every example at the same time (as two clones, or root and a second user, would) each
/// succeed and each find their files in their own folder, never the other's.
/// </summary>
[Trait("Category", "Slow")]
public class ExampleIsolationTests
{
    private const string Runner = """
        $ErrorActionPreference = 'Continue'
        Import-Module $env:RESIDENCYPS_TEST_MANIFEST -ErrorAction Stop
        $examples = Get-Content -Raw -LiteralPath $env:RESIDENCYPS_TEST_EXAMPLES | ConvertFrom-Json
        $failed = 0
        foreach ($example in $examples) {
            # Errors the example writes (not those it silences itself) count, as in HelpRenderingTests.
            $output = & ([scriptblock]::Create($example.Code)) 2>&1
            $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            if ($errors.Count -gt 0) { $failed++; "FAILED $($example.Command) '$($example.Title)': $($errors[0])" }
        }
        'Temporary folder: ' + [IO.Path]::GetTempPath()
        "$(@($examples).Count) examples ran, $failed failed"
        """;

    [Fact]
    public async Task Two_runs_of_every_documented_example_at_once_each_write_only_into_their_own_temporary_folder()
    {
        var examples = HelpPages.CommandPages(TestPaths.HelpSources).Select(MarkdownHelpReader.ReadFile)
            .SelectMany(page => page.Examples.Select(e => new { Command = page.Name, e.Title, e.Code })).ToList();
        var folder = Directory.CreateTempSubdirectory("residencyps-isolation-").FullName;
        var list = Path.Combine(folder, "examples.json");
        File.WriteAllText(list, JsonConvert.SerializeObject(examples));
        var runs = new[] { "first", "second" }.Select(name => Directory.CreateDirectory(Path.Combine(folder, name)).FullName).ToArray();

        var started = runs.Select(temp =>
        {
            var environment = new Dictionary<string, string?>
            {
                ["RESIDENCYPS_TEST_MANIFEST"] = TestPaths.RequireModule(),
                ["RESIDENCYPS_TEST_EXAMPLES"] = list,
            };
            foreach (var variable in RunTemp.Variables)
            {
                environment[variable] = temp;
            }

            return Task.Run(() => PwshProcess.Run(Runner, environment, TimeSpan.FromMinutes(5)));
        }).ToArray();
        var results = await Task.WhenAll(started);

        for (var i = 0; i < runs.Length; i++)
        {
            var result = results[i];
            var lines = result.Output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(result.ExitCode == 0 && lines[^1] == examples.Count + " examples ran, 0 failed", result.Output + result.Error);
            Assert.Equal("Temporary folder: " + runs[i] + Path.DirectorySeparatorChar, lines[^2]);

            // The fixed names the examples use are in this run's own folder.
            foreach (var name in new[] { "broken-policy.json", "article30.csv", "residency-report.html" })
            {
                Assert.True(File.Exists(Path.Combine(runs[i], name)), name + " is not in " + runs[i]);
            }
        }

        Assert.True(examples.Count > 30, "only " + examples.Count + " examples");
    }
}
