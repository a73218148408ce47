using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Completion;

/// <summary>
/// Completes a name parameter from the active policy: English and Dutch names and aliases that start
/// with what was typed (ignoring case and diacritics), quoted when they hold spaces.
/// </summary>
internal abstract class NameCompleter<T> : IArgumentCompleter
    where T : class
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var bound = fakeBoundParameters ?? new Hashtable();
        IReadOnlyList<ResidencyPolicy> policies;
        try
        {
            // A policy object already on the command line (-Policy $p) completes its own names; else the active policies,
            // only those of the vendors -Vendor names when it is typed already.
            var given = bound.Contains("Policy") ? bound["Policy"] : null;
            policies = (given is PSObject wrapped ? wrapped.BaseObject : given) is ResidencyPolicy policy ? new[] { policy } : OfVendors(PolicyStore.Active, bound);
        }
        catch (PolicyValidationException)
        {
            yield break; // completion must never throw at the prompt
        }

        var typed = NameIndex<T>.Fold(Unquote(wordToComplete ?? string.Empty));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in policies.SelectMany(policy => Candidates(policy, bound)))
        {
            var name = pair.Key;
            var canonical = Canonical(pair.Value);

            // An empty word offers each item once, by its main name; typing narrows to any name or alias.
            if ((typed.Length == 0 && !string.Equals(name, canonical, StringComparison.Ordinal))
                || !NameIndex<T>.Fold(name).StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || !seen.Add(name))
            {
                continue;
            }

            var tooltip = string.Equals(name, canonical, StringComparison.Ordinal) ? Describe(pair.Value) : name + " = " + canonical + ". " + Describe(pair.Value);
            yield return new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, tooltip);
        }
    }

    // The active policies of the vendors a typed -Vendor names (an unknown or malformed one names none: nothing to offer).
    private static IReadOnlyList<ResidencyPolicy> OfVendors(IReadOnlyList<ResidencyPolicy> active, IDictionary bound)
    {
        string[]? vendors;
        try
        {
            vendors = bound.Contains("Vendor") ? LanguagePrimitives.ConvertTo<string[]>(bound["Vendor"]) : null;
        }
        catch (PSInvalidCastException)
        {
            vendors = null; // a half-typed expression narrows nothing
        }

        return vendors == null || vendors.Length == 0 || typeof(T) == typeof(ResidencyPolicy)
            ? active
            : PolicySet.Select(active, vendors, PowerShellWildcards.Instance, new List<Problem>());
    }

    /// <summary>The names to offer, with the item each names, in the order they should appear.</summary>
    protected abstract IEnumerable<KeyValuePair<string, T>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters);

    /// <summary>The item's main name.</summary>
    protected abstract string Canonical(T item);

    /// <summary>A one-line description for the tooltip.</summary>
    protected virtual string Describe(T item) => Canonical(item);

    /// <summary>The products already typed on the command line (-Product), resolved; null when none.</summary>
    protected static List<ProductInfo>? BoundProducts(ResidencyPolicy policy, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters == null || !fakeBoundParameters.Contains("Product"))
        {
            return null;
        }

        var products = new List<ProductInfo>();
        foreach (var value in LanguagePrimitives.GetEnumerable(fakeBoundParameters["Product"]) ?? new[] { fakeBoundParameters["Product"] })
        {
            var text = value?.ToString() ?? string.Empty;
            if (WildcardPattern.ContainsWildcardCharacters(text))
            {
                try
                {
                    products.AddRange(policy.ProductIndex.Match(NameFilter.Wildcard(text).IsMatch));
                }
                catch (WildcardPatternException)
                {
                    // A half-typed pattern such as 'Fresh[' narrows nothing.
                }
            }
            else if (policy.ProductIndex.Find(text) is ProductInfo product)
            {
                products.Add(product);
            }
        }

        return products.Count > 0 ? products : null;
    }

    private static string Unquote(string word) => word.Trim('\'', '"');

    // The characters that end or change a bare word on the command line.
    private static readonly char[] NeedsQuotes = { ' ', '\'', '$', '(', ')', '{', '}', ',', ';', '&', '@', '#', '`', '|', '<', '>' };

    private static string Quote(string name) =>
        name.IndexOfAny(NeedsQuotes) >= 0
            ? "'" + name.Replace("'", "''") + "'"
            : name;
}
