using System.Collections.Generic;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Commands;

/// <summary>Describes the active policies (one per vendor), the embedded one, or policy files: vendor, versions, source, counts and SHA-256.</summary>
[Cmdlet(VerbsCommon.Get, "ResidencyPolicy", DefaultParameterSetName = ActiveSet)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class GetResidencyPolicyCommand : PSCmdlet, System.IDisposable
{
    /// <summary>The parameter set that describes the session's active policies.</summary>
    public const string ActiveSet = "Active";

    /// <summary>The parameter set that describes the embedded policy.</summary>
    public const string EmbeddedSet = nameof(Embedded);

    /// <summary>The parameter set that reads and validates files (wildcards allowed) without making them active.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads and validates a file named literally.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>Only the active policies of these vendors (names or wildcards).</summary>
    [Parameter(ParameterSetName = ActiveSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public string[]? Vendor { get; set; }

    /// <summary>Describes the policy built into the module.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EmbeddedSet)]
    public SwitchParameter Embedded { get; set; }

    /// <summary>Policy files to read and validate without making them active; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>Policy files, taken literally (Get-ChildItem output binds here).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = null!;

    // Ctrl+C (a stop request) ends a read between blocks.
    private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends, Ctrl+C or not.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case EmbeddedSet:
                WriteObject(PolicyStore.Embedded);
                break;
            case PathSet:
            case LiteralPathSet:
                var literal = ParameterSetName == LiteralPathSet;
                foreach (var given in literal ? LiteralPath : Path)
                {
                    foreach (var file in PathResolver.ExistingFiles(this, given, literal))
                    {
                        if (PolicyErrors.TryLoad(this, file, given, _stopping.Token) is ResidencyPolicy policy)
                        {
                            WriteObject(policy);
                        }
                    }
                }

                break;
            default:
                var problems = new List<Problem>();
                foreach (var policy in PolicySet.Select(PolicyAccess.ResolveAll(this, null), Vendor, PowerShellWildcards.Instance, problems))
                {
                    WriteObject(policy);
                }

                foreach (var problem in problems)
                {
                    WriteError(problem.ToErrorRecord());
                }

                break;
        }
    }
}
