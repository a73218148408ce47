using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// Finds what a name or wildcard names, the way PowerShell's own Get- cmdlets do: a wildcard that matches nothing is an
/// empty list (silent), a name that names nothing is a problem naming the closest names and what is accepted.
/// </summary>
internal static class NameLookup
{
    /// <summary>
    /// The item a name stands for, or every item a wildcard matches (an empty list when none); null with
    /// <paramref name="problem"/> for a name that names nothing or a wildcard that does not parse. A
    /// <paramref name="literal"/> value (a cell of an inventory row) is a name, never a pattern: a cell holding <c>*</c>
    /// that matched nothing would otherwise vanish silently and a check could pass on rows it never tested.
    /// </summary>
    public static List<T>? Resolve<T>(NameIndex<T> index, string pattern, ProblemKind notFound, string what, bool literal, IWildcards wildcards, out Problem? problem)
        where T : class
    {
        problem = null;
        if (!literal && wildcards.IsWildcard(pattern))
        {
            return Match(index, pattern, wildcards, out problem);
        }

        if (Find(index, pattern, literal, wildcards) is T item)
        {
            return new List<T>(1) { item };
        }

        problem = NotFound(index, pattern, notFound, what, literal);
        return null;
    }

    /// <summary>The item a name stands for: a <paramref name="literal"/> value exactly as given, a typed one also with its escapes removed.</summary>
    public static T? Find<T>(NameIndex<T> index, string name, bool literal, IWildcards wildcards)
        where T : class => literal ? index.Find(name) : index.FindLiteral(name, wildcards.Unescape);

    /// <summary>The items a wildcard matches; null, with an InvalidWildcardPattern problem, for a pattern such as <c>Fresh[</c>.</summary>
    public static List<T>? Match<T>(NameIndex<T> index, string pattern, IWildcards wildcards, out Problem? problem)
        where T : class
    {
        problem = null;
        if (wildcards.Compile(pattern, out var whyNot) is { } test)
        {
            return index.Match(test);
        }

        problem = new Problem(ProblemKind.InvalidWildcardPattern, ProblemClass.InvalidArgument,
            "'" + InertText.Escape(pattern) + "' is not a valid wildcard pattern: " + whyNot + " Escape [ and ] with a backtick to match them literally.", pattern);
        return null;
    }

    /// <summary>The problem of a name that names nothing: the input, the closest names and what is accepted.</summary>
    public static Problem NotFound<T>(NameIndex<T> index, string input, ProblemKind kind, string what, bool literal)
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
        return new Problem(kind, ProblemClass.ObjectNotFound, message, input,
            suggestions.Count > 0 ? "Try " + string.Join(" or ", suggestions) + "." : "Use one of: " + Sample(index) + ".");
    }

    /// <summary>What -Verbose says a name parameter matched: "-Product 'Fresh*' matched Freshdesk, Freshchat.".</summary>
    public static string Matched<T>(string parameter, IEnumerable<string> given, IReadOnlyCollection<T>? matched) =>
        "-" + parameter + " " + string.Join(", ", given.Select(g => "'" + InertText.Escape(g) + "'")) + " matched "
        + (matched == null || matched.Count == 0 ? "nothing" : string.Join(", ", matched)) + ".";

    // What a user types for the items: a statement by its id (its text is a sentence), everything else by its name.
    private static string Sample<T>(NameIndex<T> index)
        where T : class =>
        index.Items is IReadOnlyList<PolicyStatement> statements ? NameSample.Of(statements.Select(s => s.Id).ToList()) : NameSample.Of(index.Items);
}
