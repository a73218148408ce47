using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// The policies one command answers from (the session's active set, narrowed by -Vendor), one per vendor: which
/// vendor a name or a row belongs to, and the problems of a vendor no policy is for or a product two vendors share.
/// </summary>
internal sealed class PolicySet
{
    /// <summary>Creates the set; <paramref name="policies"/> holds one policy per vendor, at least one.</summary>
    public PolicySet(IReadOnlyList<ResidencyPolicy> policies)
    {
        if (policies.Count == 0)
        {
            throw new ArgumentException("A policy set holds at least one policy.", nameof(policies));
        }

        Policies = policies;
    }

    /// <summary>The policies, in the order they became active.</summary>
    public IReadOnlyList<ResidencyPolicy> Policies { get; }

    /// <summary>Whether the set holds one policy (every answer is that policy's, as before there were several).</summary>
    public bool IsSingle => Policies.Count == 1;

    /// <summary>The vendors, as a user reads them in a message: "Freshworks, Acme".</summary>
    public string Vendors => string.Join(", ", Policies.Select(p => p.Vendor));

    /// <summary>
    /// The policies of <paramref name="active"/> whose vendor one of <paramref name="patterns"/> names (a vendor name or a
    /// wildcard), in their order; null patterns keep them all. A name that names no vendor is a VendorNotFound problem
    /// in <paramref name="problems"/> (a wildcard that matches none is silent, as every name parameter's).
    /// </summary>
    public static List<ResidencyPolicy> Select(IReadOnlyList<ResidencyPolicy> active, IReadOnlyList<string>? patterns, IWildcards wildcards, List<Problem> problems)
    {
        if (patterns == null || patterns.Count == 0)
        {
            return active.ToList();
        }

        var chosen = new HashSet<ResidencyPolicy>();
        foreach (var pattern in patterns)
        {
            if (wildcards.IsWildcard(pattern))
            {
                if (wildcards.Compile(pattern, out var whyNot) is { } test)
                {
                    chosen.UnionWith(active.Where(p => test(p.Vendor)));
                }
                else
                {
                    problems.Add(new Problem(ProblemKind.InvalidWildcardPattern, ProblemClass.InvalidArgument,
                        "'" + InertText.Escape(pattern) + "' is not a valid wildcard pattern: " + whyNot + " Escape [ and ] with a backtick to match them literally.", pattern));
                }

                continue;
            }

            var name = wildcards.Unescape(pattern);
            if (active.FirstOrDefault(p => PolicyStore.SameVendor(p.Vendor, name)) is ResidencyPolicy found)
            {
                chosen.Add(found);
            }
            else
            {
                problems.Add(NoPolicyFor(pattern, active));
            }
        }

        return active.Where(chosen.Contains).ToList();
    }

    /// <summary>The problem of a vendor name no active policy is for: the name and the vendors there are.</summary>
    public static Problem NoPolicyFor(string vendor, IReadOnlyList<ResidencyPolicy> active) =>
        new Problem(ProblemKind.VendorNotFound, ProblemClass.ObjectNotFound,
            "No active policy is for the vendor '" + InertText.Escape(vendor) + "'. Active: " + string.Join(", ", active.Select(p => p.Vendor))
            + " (see Get-ResidencyPolicy; wildcards allowed).", vendor,
            "Import that vendor's policy with Import-ResidencyPolicy, or name one of: " + string.Join(", ", active.Select(p => p.Vendor)) + ".");

    /// <summary>The policy of the vendor named <paramref name="vendor"/> (case and surrounding blanks aside), or null.</summary>
    public ResidencyPolicy? ForVendor(string vendor) => Policies.FirstOrDefault(p => PolicyStore.SameVendor(p.Vendor, vendor));

    /// <summary>
    /// The policies that know the product <paramref name="name"/> (its name, an alias or its Dutch name; a
    /// <paramref name="literal"/> value exactly as given, a typed one with its escapes removed), in set order.
    /// </summary>
    public List<ResidencyPolicy> Knowing(string name, bool literal, IWildcards wildcards) =>
        Policies.Where(p => NameLookup.Find(p.ProductIndex, name, literal, wildcards) != null).ToList();

    /// <summary>The problem of a product name two or more vendors' policies know, given without saying whose it is.</summary>
    public static Problem Ambiguous(string name, IReadOnlyList<ResidencyPolicy> knowing, bool fromRow) =>
        new Problem(ProblemKind.AmbiguousProduct, ProblemClass.InvalidArgument,
            "The product name '" + InertText.Escape(name) + "' is in the policies of " + string.Join(" and ", knowing.Select(p => p.Vendor))
            + ", and nothing says which vendor's is meant; it was not answered. "
            + (fromRow ? "Give the row a Vendor column naming its vendor, or run with -Vendor." : "Name the vendor with -Vendor."), name,
            fromRow ? "Add a Vendor column (" + string.Join(" or ", knowing.Select(p => p.Vendor)) + ")." : "Add -Vendor '" + knowing[0].Vendor + "'.");

    /// <summary>The problem of a product name no policy of the set knows.</summary>
    public Problem NoProduct(string name, bool literal) =>
        new Problem(ProblemKind.ProductNotFound, ProblemClass.ObjectNotFound,
            "No product named '" + InertText.Escape(name) + "' is in the policies of " + Vendors + "."
            + (literal ? " Names from piped input are matched literally, never as wildcards." : " Wildcards allowed."), name,
            "Use one of: " + string.Join(", ", Policies.SelectMany(p => p.ProductIndex.Items).Select(p => p.Name).Distinct().Take(12)) + ".");

    /// <summary>
    /// The problem of a row whose vendor cell names a vendor this run has no policy for: it was not tested, and never passes.
    /// </summary>
    public Problem UnknownRowVendor(string vendor, string column)
    {
        var shown = Shown(vendor);
        return new Problem(ProblemKind.VendorMismatch, ProblemClass.InvalidData,
            IsSingle
                ? "The row names the vendor '" + InertText.Escape(shown) + "' (column " + column + "), but this test answers from the policy of " + Policies[0].Vendor
                  + "; it was not tested. Test it with that vendor's policy (Import-ResidencyPolicy or -Policy), or leave the cell blank for " + Policies[0].Vendor + "."
                : "The row names the vendor '" + InertText.Escape(shown) + "' (column " + column + "), but this test answers from the policies of " + Vendors
                  + " only; it was not tested. Import that vendor's policy (Import-ResidencyPolicy), or correct the cell.",
            shown);
    }

    /// <summary>A cell as a message shows it: a very long one cut at 100 characters, with its length.</summary>
    public static string Shown(string value) => value.Length > 100 ? value.Substring(0, 100) + "… (" + value.Length + " characters)" : value;
}
