using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Binding;

/// <summary>
/// Resolves name parameters the way PowerShell's own Get- cmdlets do: a wildcard that matches
/// nothing is silent, a literal that matches nothing is a non-terminating ObjectNotFound error.
/// </summary>
internal static class NameFilter
{
    /// <summary>
    /// The items named by <paramref name="patterns"/>, each once, in policy order; null when no patterns were given
    /// (meaning "all"). Each value's outcome goes to <paramref name="outcome"/>: its error (a literal that names nothing, a
    /// wildcard that does not parse), or null when it matched. With <paramref name="literal"/> (names from piped input)
    /// no value is a pattern.
    /// </summary>
    public static List<T>? Resolve<T>(NameIndex<T> index, string[]? patterns, ProblemKind notFound, string what, bool literal, System.Action<string, ErrorRecord?> outcome)
        where T : class
    {
        if (patterns == null || patterns.Length == 0)
        {
            return null;
        }

        var found = new HashSet<T>();
        foreach (var pattern in patterns)
        {
            var matches = TryResolveOne(index, pattern, notFound, what, out var error, literal);
            outcome(pattern, error);
            if (matches != null)
            {
                found.UnionWith(matches);
            }
        }

        return index.Items.Where(found.Contains).ToList();
    }

    /// <summary>
    /// The item a literal names, or every item a wildcard matches (an empty list when none: silent); null, with
    /// <paramref name="error"/>, for a literal that names nothing or a wildcard that does not parse (<see cref="NameLookup.Resolve{T}"/>).
    /// </summary>
    public static List<T>? TryResolveOne<T>(NameIndex<T> index, string pattern, ProblemKind notFound, string what, out ErrorRecord? error, bool literal = false)
        where T : class
    {
        var matches = NameLookup.Resolve(index, pattern, notFound, what, literal, PowerShellWildcards.Instance, out var problem);
        error = problem?.ToErrorRecord();
        return matches;
    }

    /// <summary>A case-insensitive wildcard pattern, as PowerShell's own name parameters use.</summary>
    public static WildcardPattern Wildcard(string pattern) =>
        new WildcardPattern(pattern.Trim(), WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

    /// <summary>A test for names matching <paramref name="pattern"/>, or null when it holds no wildcard characters (it is a name).</summary>
    public static System.Func<string, bool>? WildcardTest(string pattern) =>
        IsWildcard(pattern) ? Wildcard(pattern).IsMatch : null;

    /// <summary>Whether <paramref name="pattern"/> holds wildcard characters.</summary>
    public static bool IsWildcard(string pattern) => WildcardPattern.ContainsWildcardCharacters(pattern);

    /// <summary>Whether <paramref name="item"/> is among <paramref name="filter"/> (a null filter admits everything).</summary>
    public static bool Admits<T>(ICollection<T>? filter, T item)
        where T : class => filter == null || filter.Contains(item);
}
