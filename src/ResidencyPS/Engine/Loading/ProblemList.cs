using System.Collections.Generic;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// The problems of one file, at most <see cref="Max"/> of them: a file with a thousand faults costs memory and time
/// bounded by its size, not by its faults, and its reader sees the first hundred and how many more there are.
/// </summary>
internal sealed class ProblemList : List<PolicyProblem>
{
    /// <summary>A list for one file, whose checks stop when <paramref name="cancel"/> is signalled (Ctrl+C).</summary>
    public ProblemList(System.Threading.CancellationToken cancel = default) => Cancel = cancel;

    /// <summary>The stop request every validation loop honours: checked per object read and per value looked up.</summary>
    public System.Threading.CancellationToken Cancel { get; }

    /// <summary>The most problems reported for one file.</summary>
    public const int Max = 100;

    /// <summary>How many problems were found beyond <see cref="Max"/>.</summary>
    public int Dropped { get; private set; }

    /// <summary>Whether <see cref="Max"/> problems are listed: a further one is only counted, so nothing of it need be computed.</summary>
    public bool IsFull => Count >= Max;

    /// <summary>Counts a problem past <see cref="Max"/> without making it.</summary>
    public void CountDropped() => Dropped++;

    /// <summary>Adds a problem, or counts it when <see cref="Max"/> are already listed.</summary>
    public void Report(PolicyProblem problem)
    {
        if (Count >= Max)
        {
            Dropped++;
            return;
        }

        Add(problem);
    }

    /// <summary>The problems, with a last line saying how many more there were.</summary>
    public IReadOnlyList<PolicyProblem> ToReport()
    {
        if (Dropped == 0)
        {
            return this;
        }

        var all = new List<PolicyProblem>(this) { new PolicyProblem(string.Empty, "... and " + Dropped + " more problems; fix these first.") };
        return all;
    }
}
