using System.Management.Automation;

namespace ResidencyPS.BenchFloor;

/// <summary>
/// Binds the same parameters, from the pipeline, as Test-EeaBoundary and writes one object per input,
/// so the benchmark can subtract what PowerShell itself costs per pipeline object.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EeaBoundaryFloor", DefaultParameterSetName = "Detailed")]
[OutputType(typeof(object))]
public sealed class TestEeaBoundaryFloorCommand : PSCmdlet
{
    private static readonly object Answer = new object();

    /// <summary>As Test-EeaBoundary -Product.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? Product { get; set; }

    /// <summary>As Test-EeaBoundary -InputObject: every pipeline object binds here too.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>As Test-EeaBoundary -DataCategory.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Category")]
    public string[]? DataCategory { get; set; }

    /// <summary>As Test-EeaBoundary -ExcludeDataCategory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeDataCategory { get; set; }

    /// <summary>As Test-EeaBoundary -HostingRegion.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Region", "Code")]
    public string? HostingRegion { get; set; }

    /// <summary>As Test-EeaBoundary -UsesIntegrations.</summary>
    [Parameter]
    public SwitchParameter UsesIntegrations { get; set; }

    /// <summary>As Test-EeaBoundary -CustomMailbox.</summary>
    [Parameter]
    public SwitchParameter CustomMailbox { get; set; }

    /// <summary>As Test-EeaBoundary -WaiverPath.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WaiverPath { get; set; }

    /// <summary>As Test-EeaBoundary -Quiet, with its own parameter set.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Quiet")]
    public SwitchParameter Quiet { get; set; }

    /// <summary>As Test-EeaBoundary -Summary, with its own parameter set.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Summary")]
    public SwitchParameter Summary { get; set; }

    /// <summary>As Test-EeaBoundary -Policy (bound by name only, never from the pipeline).</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Policy { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteObject(Answer);
}
