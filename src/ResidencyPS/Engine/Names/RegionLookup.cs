using System;
using System.Collections.Generic;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// What a hosting-region value names in one policy: a region by code, name or alias, a wildcard, or a country in one of
/// its regions (DE, Germany, Holland). A country in no region says exactly that, never a look-alike region.
/// </summary>
internal static class RegionLookup
{
    /// <summary>The regions one value names; null with <paramref name="problem"/> when it names none. A <paramref name="literal"/> value (piped) is never a pattern.</summary>
    public static List<HostingRegionInfo>? Resolve(ResidencyPolicy policy, string pattern, bool literal, IWildcards wildcards, out Problem? problem)
    {
        var index = policy.RegionIndex;
        if (!literal && wildcards.IsWildcard(pattern))
        {
            return NameLookup.Resolve(index, pattern, ProblemKind.HostingRegionNotFound, What, literal: false, wildcards, out problem);
        }

        problem = null;
        if (NameLookup.Find(index, pattern, literal, wildcards) is HostingRegionInfo region)
        {
            return new List<HostingRegionInfo>(1) { region };
        }

        var code = CountryCode(policy, pattern);
        if (code != null && policy.RegionOfCountry(code) is HostingRegionInfo ofCountry)
        {
            return new List<HostingRegionInfo>(1) { ofCountry };
        }

        problem = code != null && Countries.NameOf(code) is string country
            ? CountryProblem(policy, pattern, code, country)
            : NameLookup.NotFound(index, pattern, ProblemKind.HostingRegionNotFound, What, literal);
        return null;
    }

    /// <summary>
    /// The one region an account is hosted in, named by <paramref name="text"/>; null with <paramref name="problem"/> when
    /// it names none or, as a wildcard, more than one: an account is hosted in one place.
    /// </summary>
    public static HostingRegionInfo? ResolveOne(ResidencyPolicy policy, string text, bool literal, IWildcards wildcards, out Problem? problem)
    {
        var regions = Resolve(policy, text, literal, wildcards, out problem);
        if (regions != null && regions.Count == 1)
        {
            return regions[0];
        }

        problem ??= new Problem(ProblemKind.HostingRegionNotFound, ProblemClass.InvalidArgument,
            "'" + InertText.Escape(text) + "' names " + (regions?.Count ?? 0) + " hosting regions; name the one the account is hosted in.", text);
        return null;
    }

    /// <summary>
    /// The ISO code a country code, English name or alias stands for, from the module's own table; also a country code a
    /// policy's region lists that the table lacks. Null when it is no country.
    /// </summary>
    public static string? CountryCode(ResidencyPolicy policy, string text) =>
        Countries.CodeOf(text) ?? (policy.RegionOfCountry(text) != null ? text.Trim().ToUpperInvariant() : null);

    private const string What = "hosting region";

    private static Problem CountryProblem(ResidencyPolicy policy, string given, string code, string country)
    {
        var regions = string.Join(", ", policy.RegionIndex.Items);
        var eea = policy.RegionIndex.Find(RegionCodes.Eea) != null;
        var message = code + " (" + country + ") is in none of this policy's hosting regions" + (eea ? "; it is not in the EEA." : ".")
            + " Accepted: " + regions + ", or a country in one of them.";
        return new Problem(ProblemKind.CountryNotInAnyRegion, ProblemClass.ObjectNotFound, message, given, "Name the region the account is hosted in: " + regions + ".");
    }
}
