using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Flows;

/// <summary>
/// Where the policy text offers a product: the regions its data can be hosted in, by its residency records. Freshteam
/// and Freshmarketer are "Alleen in de VS beschikbaar": an account of theirs hosted in the EEA is a set-up the text
/// does not describe, and every answer about one says so instead of heading a record "hosted in the EEA".
/// </summary>
internal static class Offering
{
    /// <summary>The region codes the product's data can be hosted in, in the policy's region order; empty when the text states none.</summary>
    public static IReadOnlyList<string> RegionsOf(ResidencyPolicy policy, ProductInfo product)
    {
        var records = policy.ResidencyOf(product);
        return policy.RegionIndex.Items.Select(r => r.Code).Where(code => records.Any(record => record.Regions.ContainsCode(code))).ToList();
    }

    /// <summary>Whether <paramref name="offered"/> (from <see cref="RegionsOf"/>) holds <paramref name="hosting"/>; a product whose text states no region at all is not judged.</summary>
    public static bool IsOffered(IReadOnlyList<string> offered, HostingRegionInfo hosting) => offered.Count == 0 || offered.Contains(hosting.Code);

    /// <summary>The warning for a product asked about in a region the text does not offer it in; null when it does.</summary>
    public static string? Warning(ResidencyPolicy policy, ProductInfo product, HostingRegionInfo hosting)
    {
        var offered = RegionsOf(policy, product);
        if (IsOffered(offered, hosting))
        {
            return null;
        }

        return "The policy text offers " + product.Name + " only in " + string.Join(", ", offered) + ", not in " + hosting.Code
            + ": it describes no " + product.Name + " account hosted in " + hosting.Code + ", so these answers say only where the text puts the data of " + product.Name + ".";
    }
}
