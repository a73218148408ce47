using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>Validates a policy file and makes it the session's active policy; -Default goes back to the embedded one.</summary>
[Cmdlet(VerbsData.Import, "ResidencyPolicy", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class ImportResidencyPolicyCommand : PSCmdlet, System.IDisposable
{
    /// <summary>The parameter set that reads a path with wildcards.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads a literal path.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The parameter set that returns to the embedded policy.</summary>
    public const string DefaultSet = nameof(Default);

    /// <summary>The policy file; wildcards must resolve to exactly one file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The policy file, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>Makes the embedded policy active again.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    /// <summary>Returns the policy that became active.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // Ctrl+C (a stop request) ends a read between blocks.
    private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends, Ctrl+C or not.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ResidencyPolicy policy;
        if (Default.IsPresent)
        {
            PolicyStore.SetActive(null);
            policy = PolicyStore.Embedded;
        }
        else
        {
            var literal = ParameterSetName == LiteralPathSet;
            var given = literal ? LiteralPath : Path;
            if (!(PathResolver.ExistingFile(this, given, literal) is string file) || !(PolicyErrors.TryLoad(this, file, given, _stopping.Token) is ResidencyPolicy loaded))
            {
                return; // the errors say why; the active policy is unchanged
            }

            policy = loaded;
            PolicyStore.SetActive(policy);
            if (VerboseOutput.IsWanted(this))
            {
                // The SHA-256 costs a canonical JSON write: computed only for someone who reads it.
                WriteVerbose("Active policy: " + policy + ", SHA-256 " + policy.Sha256 + ".");
            }
        }

        if (PassThru.IsPresent)
        {
            WriteObject(policy);
        }
    }
}
