using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Binding;

/// <summary>
/// Resolves name parameters the way PowerShell's own Get- cmdlets do: a wildcard that matches
/// nothing is silent, a literal that matches nothing is a non-terminating ObjectNotFound error.
/// </summary>
internal static class NameFilter
{
    /// <summary>
    /// The items named by <paramref name="patterns"/>, each once, in policy order; null when no
    /// patterns were given (meaning "all"). Writes an error for each literal that names nothing. With
    /// <paramref name="literal"/> (names from piped input) no value is a pattern.
    /// </summary>
    public static List<T>? Resolve<T>(PSCmdlet cmdlet, NameIndex<T> index, string[]? patterns, string errorId, string what, bool literal = false)
        where T : class
    {
        if (patterns == null || patterns.Length == 0)
        {
            return null;
        }

        var found = new HashSet<T>();
        foreach (var pattern in patterns)
        {
            if (ResolveOne(cmdlet, index, pattern, errorId, what, literal) is List<T> matches)
            {
                found.UnionWith(matches);
            }
        }

        return index.Items.Where(found.Contains).ToList();
    }

    /// <summary>
    /// The item a literal names, or every item a wildcard matches (an empty list when none: silent); null, with an
    /// error written, for a literal that names nothing or a wildcard that does not parse. Allocates one small list,
    /// so per-object callers (an inventory of 100,000 rows) stay cheap.
    /// </summary>
    public static List<T>? ResolveOne<T>(PSCmdlet cmdlet, NameIndex<T> index, string pattern, string errorId, string what, bool literal = false)
        where T : class
    {
        var matches = TryResolveOne(index, pattern, errorId, what, out var error, literal);
        if (error != null)
        {
            cmdlet.WriteError(error);
        }

        return matches;
    }

    /// <summary>
    /// As <see cref="ResolveOne{T}"/>, handing back the error instead of writing it, for callers that also report the input otherwise.
    /// A <paramref name="literal"/> value (a cell of an inventory row) is a name, never a pattern: a cell holding <c>*</c>,
    /// <c>[</c> or <c>]</c> that matched nothing would otherwise vanish silently and a check could pass on rows it never tested.
    /// </summary>
    public static List<T>? TryResolveOne<T>(NameIndex<T> index, string pattern, string errorId, string what, out ErrorRecord? error, bool literal = false)
        where T : class
    {
        error = null;
        if (!literal && IsWildcard(pattern))
        {
            return TryMatch(index, pattern, out var matches, out error) ? matches : null;
        }

        if (FindName(index, pattern, literal) is T item)
        {
            return new List<T>(1) { item };
        }

        error = NotFound(index, pattern, errorId, what, literal);
        return null;
    }

    /// <summary>
    /// The item a name stands for: a <paramref name="literal"/> value exactly as given; a typed one also with its backtick
    /// escapes removed (<c>Fresh`[EU`]</c> for <c>Fresh[EU]</c>).
    /// </summary>
    public static T? FindName<T>(NameIndex<T> index, string name, bool literal)
        where T : class => literal ? index.Find(name) : index.FindLiteral(name, WildcardPattern.Unescape);

    /// <summary>A case-insensitive wildcard pattern, as PowerShell's own name parameters use.</summary>
    public static WildcardPattern Wildcard(string pattern) =>
        new WildcardPattern(pattern.Trim(), WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

    /// <summary>
    /// The items a wildcard names; false, with an InvalidWildcardPattern error written, for a pattern such
    /// as <c>Fresh[</c> that WildcardPattern cannot parse.
    /// </summary>
    public static bool TryMatch<T>(PSCmdlet cmdlet, NameIndex<T> index, string pattern, out List<T> matches)
        where T : class
    {
        if (TryMatch(index, pattern, out matches, out var error))
        {
            return true;
        }

        cmdlet.WriteError(error!);
        return false;
    }

    /// <summary>As <see cref="TryMatch{T}(PSCmdlet, NameIndex{T}, string, out List{T})"/>, handing back the error instead of writing it.</summary>
    public static bool TryMatch<T>(NameIndex<T> index, string pattern, out List<T> matches, out ErrorRecord? error)
        where T : class
    {
        error = null;
        try
        {
            matches = index.Match(Wildcard(pattern).IsMatch);
            return true;
        }
        catch (WildcardPatternException ex)
        {
            var message = "'" + InertText.Escape(pattern) + "' is not a valid wildcard pattern: " + ex.Message + " Escape [ and ] with a backtick to match them literally.";
            error = new ErrorRecord(ex, ErrorIds.InvalidWildcardPattern, ErrorCategory.InvalidArgument, pattern) { ErrorDetails = new ErrorDetails(message) }.Inert();
            matches = new List<T>();
            return false;
        }
    }

    /// <summary>A test for names matching <paramref name="pattern"/>, or null when it holds no wildcard characters (it is a name).</summary>
    public static System.Func<string, bool>? WildcardTest(string pattern) =>
        IsWildcard(pattern) ? Wildcard(pattern).IsMatch : null;

    /// <summary>Whether <paramref name="pattern"/> holds wildcard characters.</summary>
    public static bool IsWildcard(string pattern) => WildcardPattern.ContainsWildcardCharacters(pattern);

    /// <summary>An ObjectNotFound error naming the input, the closest names and what is accepted.</summary>
    public static ErrorRecord NotFound<T>(NameIndex<T> index, string input, string errorId, string what, bool literal = false)
        where T : class
    {
        // Suggest what people read: an internal key (TicketData) is shown as the name it stands for.
        var suggestions = index.Suggest(input).Select(name => index.Find(name) switch
        {
            DataCategoryInfo category when category.Id == name => category.DataCategory,
            SubjectInfo subject when subject.Id == name => subject.Name,
            _ => name,
        }).Distinct().ToList();
        var message = "No " + what + " named '" + InertText.Escape(input) + "' was found."
            + (suggestions.Count > 0 ? " Did you mean " + string.Join(" or ", suggestions.Select(s => "'" + s + "'")) + "?" : string.Empty)
            + " Accepted: " + Sample(index)
            + " (" + (typeof(T) == typeof(PolicyStatement) ? "statement ids" : "English or Dutch names and aliases")
            + (literal ? "; names from piped input are matched literally, never as wildcards)." : "; wildcards allowed).");
        var error = new ErrorRecord(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, input)
        {
            ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = suggestions.Count > 0 ? "Try " + string.Join(" or ", suggestions) + "." : "Use one of: " + Sample(index) + ".",
            },
        };

        return error.Inert();
    }

    // What a user types for the items: a statement by its id (its text is a sentence), everything else by its name.
    private static string Sample<T>(NameIndex<T> index)
        where T : class =>
        index.Items is IReadOnlyList<PolicyStatement> statements ? NameSample.Of(statements.Select(s => s.Id).ToList()) : NameSample.Of(index.Items);

    /// <summary>Whether <paramref name="item"/> is among <paramref name="filter"/> (a null filter admits everything).</summary>
    public static bool Admits<T>(ICollection<T>? filter, T item)
        where T : class => filter == null || filter.Contains(item);
}
