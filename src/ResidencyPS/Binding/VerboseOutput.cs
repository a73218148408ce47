using System.Management.Automation;

namespace ResidencyPS.Binding;

/// <summary>Whether a cmdlet's verbose output is shown, so work done only for it (a policy's SHA-256) can be skipped.</summary>
internal static class VerboseOutput
{
    /// <summary>True with -Verbose, or when $VerbosePreference shows verbose output.</summary>
    public static bool IsWanted(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
            ? ((SwitchParameter)verbose).IsPresent
            : cmdlet.GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
}
