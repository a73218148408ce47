using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>Describes the active policy, the embedded one, or a policy file: vendor, versions, source, counts and SHA-256.</summary>
[Cmdlet(VerbsCommon.Get, "ResidencyPolicy", DefaultParameterSetName = ActiveSet)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class GetResidencyPolicyCommand : PSCmdlet
{
    /// <summary>The parameter set that describes the session's active policy.</summary>
    public const string ActiveSet = "Active";

    /// <summary>The parameter set that describes the embedded policy.</summary>
    public const string EmbeddedSet = nameof(Embedded);

    /// <summary>The parameter set that reads and validates a file without making it active.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>Describes the policy built into the module.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EmbeddedSet)]
    public SwitchParameter Embedded { get; set; }

    /// <summary>A policy file to read and validate without making it active.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case EmbeddedSet:
                WriteObject(PolicyStore.Embedded);
                break;
            case PathSet:
                if (LiteralPaths.Resolve(this, Path) is string file)
                {
                    try
                    {
                        WriteObject(PolicyLoader.LoadFile(file));
                    }
                    catch (PolicyValidationException ex)
                    {
                        WriteError(new ErrorRecord(ex, ErrorIds.InvalidPolicy, ErrorCategory.InvalidData, file));
                    }
                }

                break;
            default:
                WriteObject(PolicyAccess.Resolve(this, null));
                break;
        }
    }
}
