using System;
using System.IO;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>Writes a policy (the active one by default) to a JSON file, as a starting point for a policy of your own.</summary>
[Cmdlet(VerbsData.Export, "ResidencyPolicy", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportResidencyPolicyCommand : PSCmdlet
{
    /// <summary>The parameter set that writes a given or the active policy to -Path.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that writes a given or the active policy to -LiteralPath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The parameter set that writes the embedded policy to -Path.</summary>
    public const string EmbeddedPathSet = nameof(Embedded) + nameof(Path);

    /// <summary>The parameter set that writes the embedded policy to -LiteralPath.</summary>
    public const string EmbeddedLiteralPathSet = nameof(Embedded) + nameof(LiteralPath);

    /// <summary>The file to write; a wildcard must name exactly one existing file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmbeddedPathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The file to write, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = EmbeddedLiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>The policy to write (an object or a file path); the active policy when omitted.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = PathSet)]
    [Parameter(ValueFromPipeline = true, ParameterSetName = LiteralPathSet)]
    [PolicyTransformation]
    [SupportsWildcards]
    [ValidateNotNull]
    public ResidencyPolicy? Policy { get; set; }

    /// <summary>Writes the embedded policy, whatever is active.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EmbeddedPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = EmbeddedLiteralPathSet)]
    public SwitchParameter Embedded { get; set; }

    /// <summary>Refuses to overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Returns the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var policy = Embedded.IsPresent ? PolicyStore.Embedded : PolicyAccess.Resolve(this, Policy, "it writes one policy to one file");
        var literal = ParameterSetName == LiteralPathSet || ParameterSetName == EmbeddedLiteralPathSet;
        var given = literal ? LiteralPath : Path;
        if (!(PathResolver.Target(this, given, literal) is string target))
        {
            return;
        }

        if (NoClobber.IsPresent && File.Exists(target))
        {
            WriteError(new ErrorRecord(new IOException("The file '" + target + "' already exists; -NoClobber keeps it."),
                ErrorIds.PolicyFileExists, ErrorCategory.ResourceExists, given));
            return;
        }

        if (!ShouldProcess(target, "Write residency policy " + policy))
        {
            return;
        }

        // The file names the shipped schema by a relative path (see PolicyLoader.WithSchema); the SHA-256 covers the JSON without it.
        var withSchema = PolicyLoader.WithSchema(policy.CanonicalJson);
        if (!FileWriting.TryWrite(this, target, given, writer => writer.Write(withSchema)))
        {
            return;
        }

        if (PassThru.IsPresent)
        {
            WriteObject(FileWriting.Written(this, target));
        }
    }
}
