using System;
using System.Management.Automation;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Binding;

/// <summary>Gets the policy a cmdlet answers from, once per pipeline, so every object of one pipeline comes from one policy.</summary>
internal static class PolicyAccess
{
    /// <summary>The policy given with -Policy, else the session's active policy.</summary>
    public static ResidencyPolicy Resolve(PSCmdlet cmdlet, ResidencyPolicy? given)
    {
        if (given != null)
        {
            return given;
        }

        try
        {
            return PolicyStore.Active;
        }
        catch (Exception ex) when (ex is PolicyValidationException || ex is InvalidOperationException)
        {
            cmdlet.ThrowTerminatingError(PolicyErrors.Unavailable(ex));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }
}
