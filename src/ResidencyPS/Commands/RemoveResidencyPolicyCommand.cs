using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>
/// Takes vendors' policies out of the session's active set, so their names and rows are no longer answered. The last
/// active policy stays: Import-ResidencyPolicy -Default goes back to the embedded one instead.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "ResidencyPolicy", SupportsShouldProcess = true)]
[OutputType(typeof(ResidencyPolicy))]
public sealed class RemoveResidencyPolicyCommand : PSCmdlet
{
    /// <summary>The vendors whose policies to remove (names or wildcards); a policy piped in binds by its Vendor.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public string[] Vendor { get; set; } = null!;

    /// <summary>Returns the policies removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var active = PolicyStore.Active;
        var chosen = PolicyAccess.ActiveOf(this, Vendor);

        if (chosen.Count == 0)
        {
            return;
        }

        if (chosen.Count == active.Count)
        {
            var message = "Removing " + string.Join(", ", chosen.Select(p => p.Vendor)) + " would leave no active policy; nothing was removed.";
            WriteError(new ErrorRecord(new PSInvalidOperationException(message), ErrorIds.LastActivePolicy, ErrorCategory.InvalidOperation, string.Join(", ", Vendor))
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Import another vendor's policy first, or go back to the embedded policy with Import-ResidencyPolicy -Default." },
            });
            return;
        }

        if (!ShouldProcess(string.Join(", ", chosen.Select(p => p.ToString())), "Remove from the active policies"))
        {
            return;
        }

        PolicyStore.Update(current => current.Where(p => !chosen.Contains(p)).ToList());
        if (PassThru.IsPresent)
        {
            foreach (var policy in chosen)
            {
                WriteObject(policy);
            }
        }
    }
}
