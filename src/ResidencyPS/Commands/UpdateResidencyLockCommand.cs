using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Locking;

namespace ResidencyPS.Commands;

/// <summary>
/// Pins the active policies in a lock file: each vendor's SHA-256, version and whole policy, so a check run with the lock
/// (Test-EeaBoundary -LockPath, Invoke-ResidencyCheck -LockPath) refuses to pass when a vendor's policy changes, until
/// the change is reviewed and pinned again with this command.
/// </summary>
[Cmdlet(VerbsData.Update, "ResidencyLock", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(PolicyPin))]
public sealed class UpdateResidencyLockCommand : PSCmdlet
{
    /// <summary>The parameter set that writes the lock file at -Path.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that writes the lock file at -LiteralPath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The lock file to write (created when missing); a wildcard must name exactly one existing file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The lock file to write, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>
    /// The vendors whose active policies to pin (names or wildcards); the lock keeps every other pin. When omitted, the lock
    /// pins exactly the active policies, and pins of vendors no longer active are removed.
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public string[]? Vendor { get; set; }

    /// <summary>Returns each pin written, as Test-ResidencyLock describes it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var given = literal ? LiteralPath : Path;
        if (!(PathResolver.Target(this, given, literal) is string target))
        {
            return;
        }

        var chosen = PolicyAccess.ActiveOf(this, Vendor);
        if (chosen.Count == 0)
        {
            return;
        }

        // An existing lock that cannot be read is not overwritten: its errors say what is wrong (delete it to start again).
        var before = File.Exists(target) ? LockFiles.Load(this, WildcardPattern.Escape(target), "the lock file was not written.") : new PolicyLock(target, Array.Empty<Pin>());
        var after = before.With(chosen, only: Vendor != null, DateTime.UtcNow);
        var dropped = before.Pins.Where(p => after.For(p.Vendor) == null).ToList();
        var changes = Changes(before, after, dropped);
        if (changes.Count == 0)
        {
            WriteVerbose("The lock file " + target + " already pins " + string.Join(", ", chosen.Select(p => p.Vendor + " " + p.PolicyVersion)) + "; it is unchanged.");
        }
        else if (ShouldProcess(target, string.Join("; ", changes)))
        {
            // A lock is read back only up to its limit: one that could not be read again is not written (OutputTooLarge).
            var json = LockFile.ToJson(after);
            if (!FileWriting.TryWrite(this, target, given, writer => writer.Write(json), maxBytes: PolicyLock.MaxBytes,
                    tooLarge: "the most a lock file may hold; pin fewer vendors in this lock (-Vendor), or keep a lock per group of vendors."))
            {
                return;
            }

            foreach (var change in changes)
            {
                WriteVerbose(change.EndsWith(".", StringComparison.Ordinal) ? change : change + ".");
            }

            // A pin dropped because its vendor is not active in this session was reviewed once: say so, not only in -Verbose.
            foreach (var gone in dropped)
            {
                WriteWarning("Removed the pin of " + gone.Vendor + " " + gone.PolicyVersion + " from " + System.IO.Path.GetFileName(target)
                    + ": no policy of that vendor is active in this session. To keep it, import the vendor's policy and run Update-ResidencyLock -Vendor for it.");
            }
        }
        else
        {
            return;
        }

        if (PassThru.IsPresent)
        {
            foreach (var pin in LockCheck.States(after, chosen, withInactive: false))
            {
                WriteObject(pin);
            }
        }
    }

    // What writing the lock changes, in words: each pin added, replaced (with what changed) or removed.
    private static List<string> Changes(PolicyLock before, PolicyLock after, IReadOnlyList<Pin> dropped)
    {
        var changes = new List<string>();
        foreach (var pin in after.Pins)
        {
            var old = before.For(pin.Vendor);
            if (old == null)
            {
                changes.Add("Pin " + pin.Vendor + " " + pin.PolicyVersion + " (SHA-256 " + Hashing.Short(pin.Sha256) + "...)");
            }
            else if (old.Sha256 != pin.Sha256)
            {
                var state = LockCheck.States(before, new[] { pin.Policy }, withInactive: false)[0];
                changes.Add("Pin " + pin.Vendor + " " + pin.PolicyVersion + " (SHA-256 " + Hashing.Short(pin.Sha256) + "...) in place of " + old.PolicyVersion
                    + " (SHA-256 " + Hashing.Short(old.Sha256) + "...): " + LockCheck.ImpactSummary(state));
            }
        }

        foreach (var gone in dropped)
        {
            changes.Add("Remove the pin of " + gone.Vendor + " " + gone.PolicyVersion + ", no longer active");
        }

        return changes;
    }
}
