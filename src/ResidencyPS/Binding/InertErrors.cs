using System.Management.Automation;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Binding;

/// <summary>
/// Error records about inventory text shown inertly: the message is built from escaped text already, and the target's
/// name (what Windows PowerShell 5.1's default NormalView prints as "(target:String)") is escaped too, so a cell with a
/// newline or an escape sequence cannot forge a line or drive the terminal. TargetObject keeps the value as given.
/// </summary>
internal static class InertErrors
{
    /// <summary>The same record, its target's name escaped where it holds a control or invisible character.</summary>
    public static ErrorRecord Inert(this ErrorRecord error)
    {
        var name = error.CategoryInfo.TargetName;
        if (!string.IsNullOrEmpty(name) && InertText.FirstInvisible(name) >= 0)
        {
            error.CategoryInfo.TargetName = InertText.Escape(name);
        }

        return error;
    }
}
