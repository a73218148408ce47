using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Locking;

namespace ResidencyPS.Commands;

/// <summary>
/// Compares the active policies with their pins in a lock file: for each vendor, whether its policy is the one pinned,
/// and, when it changed, every difference with its impact, as Compare-ResidencyPolicy lists them.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ResidencyLock", DefaultParameterSetName = PathSet)]
[OutputType(typeof(PolicyPin), ParameterSetName = new[] { PathSet, LiteralPathSet })]
[OutputType(typeof(bool), ParameterSetName = new[] { PathSet, LiteralPathSet })]
public sealed class TestResidencyLockCommand : PSCmdlet
{
    /// <summary>The parameter set that reads the lock file at -Path.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads the lock file at -LiteralPath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The lock file; a wildcard must name exactly one file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The lock file, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>The vendors whose active policies to compare (names or wildcards); every active policy, and every pin, when omitted.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public string[]? Vendor { get; set; }

    /// <summary>Return one boolean: true only when every active policy compared is the one pinned, as a check with the lock needs.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var chosen = PolicyAccess.ActiveOf(this, Vendor, out var allNamed);
        var path = ParameterSetName == LiteralPathSet ? WildcardPattern.Escape(LiteralPath) : Path;
        if (Quiet.IsPresent)
        {
            // One boolean, never none: a lock that cannot be read, a vendor named that has no active policy, or nothing
            // compared at all is no proof the lock holds, so each is false (its errors written, none terminating).
            var readable = LockFiles.TryLoad(this, path, "nothing was compared.");
            WriteObject(readable != null && allNamed && chosen.Count > 0
                && LockCheck.States(readable, chosen, withInactive: false).All(s => s.Status == PinStatus.Unchanged));
            return;
        }

        var policyLock = LockFiles.Load(this, path, "nothing was compared.");
        foreach (var state in LockCheck.States(policyLock, chosen, withInactive: Vendor == null))
        {
            WriteObject(state);
        }
    }
}
