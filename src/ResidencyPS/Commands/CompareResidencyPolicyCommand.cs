using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Comparison;

namespace ResidencyPS.Commands;

/// <summary>Lists every difference between two residency policies, for example a vendor's old and new policy.</summary>
[Cmdlet(VerbsData.Compare, "ResidencyPolicy")]
[OutputType(typeof(PolicyDifference))]
public sealed class CompareResidencyPolicyCommand : PSCmdlet
{
    /// <summary>The policy compared against (an object or a file path).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [PolicyTransformation]
    [SupportsWildcards]
    [ValidateNotNull]
    public ResidencyPolicy ReferencePolicy { get; set; } = null!;

    /// <summary>The policy compared (an object or a file path); the active policy when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true)]
    [PolicyTransformation]
    [SupportsWildcards]
    [ValidateNotNull]
    public ResidencyPolicy? DifferencePolicy { get; set; }

    /// <summary>Only differences with these impacts on residency in the EEA (for example Weakens, for a job that alerts).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ChangeImpact[]? Impact { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var difference in PolicyComparer.Compare(ReferencePolicy, PolicyAccess.Resolve(this, DifferencePolicy)))
        {
            if (Impact == null || System.Array.IndexOf(Impact, difference.Impact) >= 0)
            {
                WriteObject(difference);
            }
        }
    }
}
