using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>What a boundary check wrote, kept in order for a test to read: results, problems, warnings and verbose lines.</summary>
internal sealed class CollectedOutput : IBoundaryCheckOutput
{
    public List<EeaBoundaryResult> Results { get; } = new();

    public List<Problem> Problems { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> VerboseLines { get; } = new();

    public bool VerboseWanted { get; init; }

    public void Result(EeaBoundaryResult result) => Results.Add(result);

    public void Problem(Problem problem) => Problems.Add(problem);

    public void Warning(string message) => Warnings.Add(message);

    public void Verbose(string message) => VerboseLines.Add(message);
}
