using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Binding;

/// <summary>Gets the policies a cmdlet answers from, once per pipeline, so every object of one pipeline comes from one set.</summary>
internal static class PolicyAccess
{
    /// <summary>
    /// The active policies whose vendor one of <paramref name="vendors"/> names (all when null), in their order; a name
    /// with no active policy is a VendorNotFound error written through <paramref name="cmdlet"/>, a wildcard that matches none is silent.
    /// </summary>
    public static List<ResidencyPolicy> ActiveOf(PSCmdlet cmdlet, IReadOnlyList<string>? vendors) => ActiveOf(cmdlet, vendors, out _);

    /// <summary>As <see cref="ActiveOf(PSCmdlet, IReadOnlyList{string})"/>; <paramref name="allNamed"/> is false when a name (or an invalid pattern) named no active policy.</summary>
    public static List<ResidencyPolicy> ActiveOf(PSCmdlet cmdlet, IReadOnlyList<string>? vendors, out bool allNamed) =>
        Select(cmdlet, ResolveAll(cmdlet, null), vendors, out allNamed);

    /// <summary>
    /// The policies of <paramref name="from"/> whose vendor one of <paramref name="vendors"/> names (all when null), in their
    /// order; a name that names none is a VendorNotFound error written through <paramref name="cmdlet"/>, a wildcard that matches none is silent.
    /// </summary>
    public static List<ResidencyPolicy> Select(PSCmdlet cmdlet, IReadOnlyList<ResidencyPolicy> from, IReadOnlyList<string>? vendors, out bool allNamed)
    {
        var problems = new List<Problem>();
        var chosen = PolicySet.Select(from, vendors, PowerShellWildcards.Instance, problems);
        foreach (var problem in problems)
        {
            cmdlet.WriteError(problem.ToErrorRecord());
        }

        allNamed = problems.Count == 0;
        return chosen;
    }

    /// <summary>
    /// The one policy a cmdlet works on: the policy given with -Policy, else the session's active policy when one is
    /// active; several active is a terminating SeveralPoliciesActive error (<paramref name="why"/> says why one is needed).
    /// </summary>
    public static ResidencyPolicy Resolve(PSCmdlet cmdlet, ResidencyPolicy? given, string why = "it works on one policy", string remedy = GivePolicy)
    {
        var all = ResolveAll(cmdlet, given);
        if (all.Count > 1)
        {
            cmdlet.ThrowTerminatingError(SeveralActive(all, why, remedy));
        }

        return all[0];
    }

    /// <summary>The policy given with -Policy, else the session's active policies (one per vendor).</summary>
    public static IReadOnlyList<ResidencyPolicy> ResolveAll(PSCmdlet cmdlet, ResidencyPolicy? given)
    {
        if (given != null)
        {
            return new[] { given };
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

    /// <summary>How to name one policy on a cmdlet that has -Vendor.</summary>
    public const string NameVendor = "Name one with -Vendor or -Policy.";

    /// <summary>How to name one policy on a cmdlet that has -Policy only.</summary>
    public const string GivePolicy = "Give one with -Policy (Get-ResidencyPolicy -Vendor <name>).";

    /// <summary>The error of a cmdlet that needs one policy while several answer: which, why one, and how to name it.</summary>
    public static ErrorRecord SeveralActive(IReadOnlyList<ResidencyPolicy> policies, string why, string remedy = NameVendor)
    {
        var vendors = string.Join(", ", policies.Select(p => p.Vendor));
        var message = "Several policies are active (" + vendors + "), and this command needs one: " + why + ". " + remedy;
        return new ErrorRecord(new InvalidOperationException(message), ErrorIds.SeveralPoliciesActive, ErrorCategory.InvalidOperation, vendors)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = remedy + " Active: " + vendors + "." },
        };
    }
}
