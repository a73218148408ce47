using System.IO;
using System.Management.Automation;
using System;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>Validates a policy file and makes it the session's active policy; -Default goes back to the embedded one.</summary>
[Cmdlet(VerbsData.Import, "ResidencyPolicy", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class ImportResidencyPolicyCommand : PSCmdlet
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
            var file = ParameterSetName == LiteralPathSet ? LiteralPaths.Resolve(this, LiteralPath) : LiteralPaths.ResolveSingle(this, Path);
            if (file == null || !TryLoad(file, out policy))
            {
                return; // the errors say why; the active policy is unchanged
            }

            PolicyStore.SetActive(policy);
            WriteVerbose("Active policy: " + policy + ", SHA-256 " + policy.Sha256 + ".");
        }

        if (PassThru.IsPresent)
        {
            WriteObject(policy);
        }
    }

    private bool TryLoad(string file, out ResidencyPolicy policy)
    {
        policy = null!;
        try
        {
            policy = PolicyLoader.LoadFile(file);
            return true;
        }
        catch (PolicyValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                var message = file + ": " + problem;
                WriteError(new ErrorRecord(new InvalidDataException(message, ex), ErrorIds.InvalidPolicy, ErrorCategory.InvalidData, file)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Fix the file (see docs/policy-format.md and docs/policy.schema.json) and import it again; the active policy was not changed." },
                });
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.PolicyFileUnreadable, ErrorCategory.ReadError, file));
        }

        return false;
    }
}
