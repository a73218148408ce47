using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>
/// The boundary check of several vendors' policies at once (issue 22): one <see cref="BoundaryCheck"/> per policy, and
/// each input routed to its vendor's. A row that names its vendor goes to that vendor's policy; a row that does not goes,
/// product by product, to the one policy that knows the product. A vendor without a policy, or a product two policies
/// know, comes out NotEvaluated with its problem: no row is lost and none is tested against another vendor's words.
/// </summary>
internal sealed class EstateCheck
{
    private readonly Dictionary<ResidencyPolicy, BoundaryCheck> _checks;
    private readonly IWildcards _wildcards;

    /// <summary>Creates the check of <paramref name="set"/>, with <paramref name="checkOf"/> making each policy's check (in set order).</summary>
    public EstateCheck(PolicySet set, Func<ResidencyPolicy, BoundaryCheck> checkOf, IWildcards wildcards)
    {
        Set = set;
        _wildcards = wildcards;
        _checks = set.Policies.ToDictionary(p => p, checkOf);
    }

    /// <summary>The policies that answer.</summary>
    public PolicySet Set { get; }

    /// <summary>The check of <paramref name="policy"/>.</summary>
    public BoundaryCheck this[ResidencyPolicy policy] => _checks[policy];

    /// <summary>The first policy's check, which refuses an input no policy can take (so it still comes out).</summary>
    public BoundaryCheck First => _checks[Set.Policies[0]];

    /// <summary>
    /// The policy of the vendor a row names (<paramref name="vendor"/>, from <paramref name="column"/>; null or blank: none);
    /// with one policy, that one when the row names none. Null with a VendorMismatch problem for a vendor no policy is for;
    /// null without a problem when only the row's products can tell (<see cref="CheckByProduct"/>).
    /// </summary>
    public ResidencyPolicy? Route(string? vendor, string column, out Problem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(vendor))
        {
            return Set.IsSingle ? Set.Policies[0] : null;
        }

        var policy = Set.ForVendor(vendor!);
        if (policy == null)
        {
            problem = Set.UnknownRowVendor(vendor!, column);
        }

        return policy;
    }

    /// <summary>
    /// Tests an input that names no vendor: every product of every policy when it names none, else each product against the
    /// one policy that knows it, in the order given. A typed wildcard asks every policy (silent where it matches nothing).
    /// </summary>
    public void CheckByProduct(in CheckInput input)
    {
        if (input.Products == null)
        {
            foreach (var policy in Set.Policies)
            {
                _checks[policy].Check(input);
            }

            return;
        }

        foreach (var name in input.Products)
        {
            var one = input with { Products = new[] { name } };
            if (!input.ProductsLiteral && _wildcards.IsWildcard(name))
            {
                // A pattern that does not parse is told once, by the first policy.
                foreach (var policy in _wildcards.Compile(name, out _) == null ? Set.Policies.Take(1) : Set.Policies)
                {
                    _checks[policy].Check(one);
                }

                continue;
            }

            var knowing = Set.Knowing(name, input.ProductsLiteral, _wildcards);
            if (knowing.Count == 1)
            {
                _checks[knowing[0]].Check(one);
            }
            else if (knowing.Count > 1)
            {
                _checks[knowing[0]].Refuse(one, PolicySet.Ambiguous(name, knowing, fromRow: input.ProductsLiteral && input.Row > 0), checkRegion: true);
            }
            else if (Set.IsSingle)
            {
                First.Check(one); // its own ProductNotFound, with the names it knows
            }
            else
            {
                First.Refuse(one, Set.NoProduct(name, input.ProductsLiteral), checkRegion: true);
            }
        }
    }

    /// <summary>After the last input: each policy's summaries (when asked for), vendor by vendor in set order.</summary>
    public IEnumerable<EeaBoundarySummary> Finish() => Set.Policies.SelectMany(p => _checks[p].Finish()).ToList();
}
