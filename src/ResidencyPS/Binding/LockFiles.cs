using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ResidencyPS.Engine.Locking;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Binding;

/// <summary>A lock file as a cmdlet meets it: its faults as error records, and a check that refuses to run against a policy that differs from its pin.</summary>
internal static class LockFiles
{
    private static readonly InputFiles.Kind Kind = new InputFiles.Kind(PolicyLock.What, ErrorIds.LockFileNotFound, ErrorIds.InvalidLock, ErrorIds.LockFileInvalid,
        "Fix the lock file, or write it again with Update-ResidencyLock (Get-Help about_ResidencyPS_Lock).", "nothing was tested.");

    /// <summary>Loads the lock file; one InvalidLock error per problem and then a terminating LockFileInvalid when it cannot be used.</summary>
    public static PolicyLock Load(PSCmdlet cmdlet, string path, string stopped) =>
        InputFiles.Load(cmdlet, path, Kind with { Stopped = stopped }, file => LockFile.Read(file));

    /// <summary>
    /// Stops <paramref name="cmdlet"/> unless every one of <paramref name="policies"/> is the policy its vendor's pin holds:
    /// a changed policy (PolicyChangedSincePin, with the differences' impact summary) or one without a pin (PolicyNotPinned).
    /// Every refusal is written; the last one terminates, so nothing is tested against an unreviewed text.
    /// </summary>
    public static void Enforce(PSCmdlet cmdlet, string path, IReadOnlyList<ResidencyPolicy> policies)
    {
        var policyLock = Load(cmdlet, path, "nothing was tested.");
        var refusals = new List<ErrorRecord>();
        foreach (var state in LockCheck.States(policyLock, policies, withInactive: false))
        {
            if (LockCheck.Refusal(state) is string why)
            {
                var message = InertText.Escape(why) + " Nothing was tested.";
                var id = state.Status == PinStatus.Changed ? ErrorIds.PolicyChangedSincePin : ErrorIds.PolicyNotPinned;
                refusals.Add(new ErrorRecord(new InvalidDataException(message), id, ErrorCategory.InvalidData, state.Vendor)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Review the changes with Test-ResidencyLock -Path '" + path + "', then run Update-ResidencyLock." },
                });
            }
        }

        for (var i = 0; i < refusals.Count - 1; i++)
        {
            cmdlet.WriteError(refusals[i]);
        }

        if (refusals.Count > 0)
        {
            cmdlet.ThrowTerminatingError(refusals[refusals.Count - 1]);
        }
    }
}
