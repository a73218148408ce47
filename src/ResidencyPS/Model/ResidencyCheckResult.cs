using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>How a scheduled or CI check ended; the exit code Invoke-ResidencyCheck -EnableExit gives each.</summary>
public enum CheckOutcome
{
    /// <summary>Every row was evaluated and passed (Within, or covered by a current waiver). Exit code 0.</summary>
    Passed = 0,

    /// <summary>At least one row did not pass or could not be evaluated. Exit code 1.</summary>
    NotPassed = 1,

    /// <summary>The check could not run: a missing or broken inventory, policy or waiver file, no row evaluated, a report not written. Exit code 2.</summary>
    CouldNotRun = 2,
}

/// <summary>What one Invoke-ResidencyCheck run found and wrote: the outcome and its exit code, the counts, the policy and the files.</summary>
public sealed class ResidencyCheckResult
{
    internal ResidencyCheckResult(CheckOutcome outcome, string inventory, int rows, int results, int passed, int waived, int notEvaluated,
        string? policyVendor, string? policyVersion, string? policySha256, IReadOnlyList<string> files, IReadOnlyList<string> problems)
    {
        Outcome = outcome;
        Inventory = inventory;
        Rows = rows;
        Results = results;
        Passed = passed;
        Waived = waived;
        NotEvaluated = notEvaluated;
        PolicyVendor = policyVendor;
        PolicyVersion = policyVersion;
        PolicySha256 = policySha256;
        Files = files;
        Problems = problems;
    }

    /// <summary>Passed, NotPassed or CouldNotRun.</summary>
    public CheckOutcome Outcome { get; }

    /// <summary>The process exit code of the outcome with -EnableExit: 0, 1 or 2.</summary>
    public int ExitCode => (int)Outcome;

    /// <summary>The inventory file, as a full path.</summary>
    public string Inventory { get; }

    /// <summary>The inventory's rows.</summary>
    public int Rows { get; }

    /// <summary>The results of those rows (a row naming several products or categories gives several).</summary>
    public int Results { get; }

    /// <summary>Results that passed, waived ones included.</summary>
    public int Passed { get; }

    /// <summary>Results that passed only because a current waiver covers them.</summary>
    public int Waived { get; }

    /// <summary>Results that did not pass, those not evaluated included.</summary>
    public int NotPassed => Results - Passed;

    /// <summary>Rows that could not be evaluated (an unknown product, category, region or vendor).</summary>
    public int NotEvaluated { get; }

    /// <summary>The vendor of the policy that answered (several vendors' policies: their names, comma-separated); null when none could be loaded.</summary>
    public string? PolicyVendor { get; }

    /// <summary>The version of the policy that answered; null when several vendors' policies answered (each result names its own).</summary>
    public string? PolicyVersion { get; }

    /// <summary>The SHA-256 of the policy that answered; null when several vendors' policies answered (each result names its own).</summary>
    public string? PolicySha256 { get; }

    /// <summary>The reports written, as full paths: the result file first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Why rows were not evaluated, waivers that expired or covered nothing, and why the check could not run, as the summary printed them.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <inheritdoc />
    public override string ToString() => Outcome + " (exit code " + ExitCode + "): " + Passed + " of " + Results + " results passed";
}
