using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>The README's examples use cmdlets and parameters that exist: every self-contained PS&gt; command runs.</summary>
public class ReadmeTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _ps;

    public ReadmeTests(PowerShellSession ps) => _ps = ps;

    public static IEnumerable<object[]> Commands()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "README.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("PS> ", StringComparison.Ordinal))
            {
                continue;
            }

            var command = lines[i][4..];
            while (i + 1 < lines.Length && lines[i + 1].StartsWith(">> ", StringComparison.Ordinal))
            {
                command += "\n" + lines[++i][3..];
            }

            // Commands on the reader's own files, and keystrokes, are illustrations rather than runnable examples.
            if (!Regex.IsMatch(command, @"\./|<Tab>|Get-Content"))
            {
                yield return new object[] { command };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Readme_command_runs_without_error(string command)
    {
        var result = _ps.Run(command + " | Out-String");
        Assert.True(result.Errors.Count == 0 || command.Contains("Freshdsk", StringComparison.Ordinal),
            $"'{command}' wrote: {string.Join(" | ", result.Errors)}");
        if (command.Contains("Freshdsk", StringComparison.Ordinal))
        {
            Assert.Equal("ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }
    }
}
