using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Pester;

/// <summary>Every Pester It under tests/pester, each reported as its own xunit test.</summary>
public class PesterTests
{
    public static IEnumerable<object[]> Cases() =>
        PesterRunner.Result.Tests.Select((test, index) => new object[] { test.Name, index });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pester(string name, int index)
    {
        var test = PesterRunner.Result.Tests[index];
        Assert.Equal(name, test.Name);
        Assert.True(test.Result == "Passed", $"{test.Name}: {test.Result}{Environment.NewLine}{test.Message}");
    }

    [Fact]
    public void Pester_run_has_no_failed_container_or_block_and_found_tests()
    {
        Assert.Empty(PesterRunner.Result.RunFailures);
        Assert.NotEmpty(PesterRunner.Result.Tests);
    }
}
