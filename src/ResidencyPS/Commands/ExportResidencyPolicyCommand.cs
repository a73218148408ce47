using System.IO;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;
using ResidencyPS.IO;

namespace ResidencyPS.Commands;

/// <summary>Writes a policy (the active one by default) to a JSON file, as a starting point for a policy of your own.</summary>
[Cmdlet(VerbsData.Export, "ResidencyPolicy", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportResidencyPolicyCommand : PSCmdlet
{
    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The policy to write (an object or a file path); the active policy when omitted.</summary>
    [Parameter(ValueFromPipeline = true)]
    [PolicyTransformation]
    [ValidateNotNull]
    public ResidencyPolicy? Policy { get; set; }

    /// <summary>Writes the embedded policy, whatever is active.</summary>
    [Parameter]
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
        var policy = Embedded.IsPresent ? PolicyStore.Embedded : PolicyAccess.Resolve(this, Policy);
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (NoClobber.IsPresent && File.Exists(target))
        {
            WriteError(new ErrorRecord(new IOException("The file '" + target + "' already exists; -NoClobber keeps it."),
                ErrorIds.PolicyFileExists, ErrorCategory.ResourceExists, Path));
            return;
        }

        if (!ShouldProcess(target, "Write residency policy " + policy))
        {
            return;
        }

        AtomicFile.Write(target, writer => writer.Write(policy.CanonicalJson));

        if (PassThru.IsPresent)
        {
            WriteObject(new FileInfo(target));
        }
    }
}
