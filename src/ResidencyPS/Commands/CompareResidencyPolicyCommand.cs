using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Comparison;
using ResidencyPS.Engine.Names;

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

    /// <summary>The policy compared (an object or a file path); when omitted, the active policy of the reference policy's vendor (or the one active policy).</summary>
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
        foreach (var difference in PolicyComparer.Compare(ReferencePolicy, Difference()))
        {
            if (Impact == null || System.Array.IndexOf(Impact, difference.Impact) >= 0)
            {
                WriteObject(difference);
            }
        }
    }

    // Several active policies: the one of the reference's vendor is the one a changed text would replace.
    private ResidencyPolicy Difference()
    {
        var active = PolicyAccess.ResolveAll(this, DifferencePolicy);
        return active.Count == 1 ? active[0]
            : new PolicySet(active).ForVendor(ReferencePolicy.Vendor)
              ?? PolicyAccess.Resolve(this, null, "no active policy is of the reference policy's vendor, " + ReferencePolicy.Vendor,
                  "Give one with -DifferencePolicy (Get-ResidencyPolicy -Vendor <name>).");
    }
}
