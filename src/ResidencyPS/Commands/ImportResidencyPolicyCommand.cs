using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>
/// Validates policy files and makes them active, one per vendor: each adds its vendor's policy to the active set or
/// replaces the one of the same vendor. All or nothing: when any file named cannot be used, no policy changes.
/// -Default goes back to the embedded policy alone.
/// </summary>
[Cmdlet(VerbsData.Import, "ResidencyPolicy", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class ImportResidencyPolicyCommand : PSCmdlet, System.IDisposable
{
    /// <summary>The parameter set that reads paths with wildcards.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads literal paths.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The parameter set that returns to the embedded policy.</summary>
    public const string DefaultSet = nameof(Default);

    /// <summary>Policy files; a wildcard imports every file it names (one per vendor).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>Policy files, taken literally (Get-ChildItem output binds here).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = null!;

    /// <summary>Makes the embedded policy the only active one again.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    /// <summary>Returns the policies that became active.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // Ctrl+C (a stop request) ends a read between blocks.
    private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

    // The policies read so far, with the path each was named by; made active together after the last input.
    private readonly List<(ResidencyPolicy Policy, string File)> _loaded = new List<(ResidencyPolicy, string)>();
    private int _refused;

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends, Ctrl+C or not.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Default.IsPresent)
        {
            return;
        }

        var literal = ParameterSetName == LiteralPathSet;
        foreach (var given in literal ? LiteralPath : Path)
        {
            var files = PathResolver.ExistingFiles(this, given, literal);
            if (files.Count == 0 && (literal || !WildcardPattern.ContainsWildcardCharacters(given)))
            {
                _refused++; // the error says why
            }

            foreach (var file in files)
            {
                if (!(PolicyErrors.TryLoad(this, file, given, _stopping.Token) is ResidencyPolicy policy))
                {
                    _refused++;
                }
                else if (_loaded.Find(l => PolicyStore.SameVendor(l.Policy.Vendor, policy.Vendor)) is { Policy: not null } twin)
                {
                    // Two files of one vendor: which should answer is the user's choice, never the order files were listed in.
                    _refused++;
                    var message = "'" + twin.File + "' and '" + file + "' are both policies of " + policy.Vendor + "; one policy per vendor is active. Name one of them.";
                    WriteError(new ErrorRecord(new System.IO.IOException(message), ErrorIds.AmbiguousPolicyPath, ErrorCategory.InvalidArgument, given)
                    {
                        ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Import one file per vendor." },
                    });
                }
                else
                {
                    _loaded.Add((policy, file));
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        IReadOnlyList<ResidencyPolicy> made;
        if (Default.IsPresent)
        {
            PolicyStore.SetActive(null);
            made = new[] { PolicyStore.Embedded };
        }
        else if (_refused > 0)
        {
            if (_loaded.Count > 0)
            {
                WriteWarning("No policy was imported: " + _refused + " of the files named could not be used (see the errors); the active policies are unchanged ("
                    + string.Join(", ", PolicyStore.Active.Select(p => p.Vendor)) + ").");
            }

            return;
        }
        else
        {
            made = _loaded.ConvertAll(l => l.Policy);
            var before = PolicyStore.Active;
            PolicyStore.Update(active => PolicyStore.With(active, made));
            if (VerboseOutput.IsWanted(this))
            {
                foreach (var policy in made)
                {
                    // The SHA-256 costs a canonical JSON write: computed only for someone who reads it.
                    var replaced = before.FirstOrDefault(p => PolicyStore.SameVendor(p.Vendor, policy.Vendor));
                    WriteVerbose("Active policy of " + policy.Vendor + ": " + policy + ", SHA-256 " + policy.Sha256
                        + (replaced == null ? " (added)." : " (replaces " + replaced + ")."));
                }
            }
        }

        if (PassThru.IsPresent)
        {
            foreach (var policy in made)
            {
                WriteObject(policy);
            }
        }
    }
}
