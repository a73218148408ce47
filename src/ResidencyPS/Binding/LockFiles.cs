using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Locking;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Binding;

/// <summary>A lock file as a cmdlet meets it: its faults as error records, and the refusal of a check whose policies are not the ones pinned.</summary>
internal static class LockFiles
{
    private static readonly InputFiles.Kind Kind = new InputFiles.Kind(PolicyLock.What, ErrorIds.LockFileNotFound, ErrorIds.InvalidLock, ErrorIds.LockFileInvalid,
        "Fix the lock file, or delete it and pin the policies again with Update-ResidencyLock (Get-Help about_ResidencyPS_Lock); a lock it cannot read is never overwritten.",
        "nothing was tested.");

    /// <summary>Loads the lock file; one InvalidLock error per problem and then a terminating LockFileInvalid when it cannot be used.</summary>
    public static PolicyLock Load(PSCmdlet cmdlet, string path, string stopped) =>
        InputFiles.Load(cmdlet, path, Kind with { Stopped = stopped }, file => LockFile.Read(file));

    /// <summary>As <see cref="Load"/>, but the last error does not terminate: null when the lock cannot be used.</summary>
    public static PolicyLock? TryLoad(PSCmdlet cmdlet, string path, string stopped) =>
        InputFiles.TryLoad(cmdlet, path, Kind with { Stopped = stopped }, file => LockFile.Read(file));

    /// <summary>
    /// Why nothing may be tested against <paramref name="policies"/> with this lock, or null when every one is the policy
    /// its vendor's pin holds. Each refusal (a changed policy with its impact summary, a policy without a pin, an unusable
    /// lock file) is written once as a non-terminating error; the problem returned is what every input row then says,
    /// so a row comes out NotEvaluated instead of vanishing, and -Quiet answers false instead of nothing.
    /// </summary>
    public static Problem? Refusal(PSCmdlet cmdlet, string path, IReadOnlyList<ResidencyPolicy> policies)
    {
        var policyLock = TryLoad(cmdlet, path, "nothing was tested.");
        if (policyLock == null)
        {
            return new Problem(ProblemKind.LockFileInvalid, ProblemClass.InvalidData, "Not tested: the lock file '" + path + "' cannot be used (see its errors).", path);
        }

        var refused = new List<PolicyPin>();
        foreach (var state in LockCheck.States(policyLock, policies, withInactive: false))
        {
            if (LockCheck.Refusal(state) is string why)
            {
                refused.Add(state);
                var message = InertText.Escape(why) + " Nothing was tested.";
                var id = state.Status == PinStatus.Changed ? ErrorIds.PolicyChangedSincePin : ErrorIds.PolicyNotPinned;
                var action = state.Status == PinStatus.Changed
                    ? "Review the changes with Test-ResidencyLock, then run Update-ResidencyLock (import the policy first if it was given with -Policy)."
                    : "Pin the policy with Update-ResidencyLock (import it first if it was given with -Policy).";
                cmdlet.WriteError(new ErrorRecord(new InvalidDataException(message), id, ErrorCategory.InvalidData, state.Vendor)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
                });
            }
        }

        if (refused.Count == 0)
        {
            return null;
        }

        var kind = refused.Any(s => s.Status == PinStatus.Changed) ? ProblemKind.PolicyChangedSincePin : ProblemKind.PolicyNotPinned;
        return new Problem(kind, ProblemClass.InvalidData, "Not tested: the policy of " + string.Join(", ", refused.Select(s => s.Vendor)) + " is not the one pinned in "
            + Path.GetFileName(policyLock.Path) + " (see the error).", path);
    }
}
