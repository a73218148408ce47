using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// Finds items by any of their names (English, Dutch, aliases), ignoring case and diacritics,
/// so <c>australie</c>, <c>Australië</c> and <c>AU</c> all find the same region.
/// </summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly Dictionary<string, T> _byName;
    private readonly List<KeyValuePair<string, T>> _names;

    /// <summary>Builds the index; <paramref name="duplicate"/> is told of a name that two items share.</summary>
    public NameIndex(IReadOnlyList<T> items, Func<T, IEnumerable<string>> namesOf, Action<string>? duplicate = null)
    {
        Items = items;
        _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        _names = new List<KeyValuePair<string, T>>();
        foreach (var item in items)
        {
            foreach (var name in namesOf(item))
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                _names.Add(new KeyValuePair<string, T>(name, item));
                Add(name, item, duplicate);
                // The folded spelling collides as the name itself does, so which of two look-alike names is
                // refused never depends on the order they are listed in.
                var folded = Fold(name);
                if (!string.Equals(folded, name, StringComparison.OrdinalIgnoreCase))
                {
                    Add(folded, item, duplicate == null ? null : _ => duplicate(name));
                }
            }
        }
    }

    /// <summary>Inputs longer than this get no suggestions.</summary>
    public const int MaxSuggestLength = 200;

    /// <summary>Every item, in policy order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Every name with the item it names, in policy order (for completion).</summary>
    public IReadOnlyList<KeyValuePair<string, T>> Names => _names;

    /// <summary>Finds the item with this exact name (case- and diacritic-insensitive, surrounding blanks ignored).</summary>
    public T? Find(string name)
    {
        if (name == null)
        {
            return null;
        }

        var key = name.Trim();
        if (_byName.TryGetValue(key, out var item) || _byName.TryGetValue(Fold(key), out item))
        {
            return item;
        }

        return null;
    }

    /// <summary>
    /// Finds a name given the way PowerShell escapes wildcard characters (<c>Fresh`[EU`]</c> for <c>Fresh[EU]</c>):
    /// the name as typed first, then with the escapes removed, so any name a policy holds can be asked for literally.
    /// </summary>
    public T? FindLiteral(string name, Func<string, string> unescape) =>
        Find(name) ?? (name != null && name.IndexOf('`') >= 0 ? Find(unescape(name)) : null);

    /// <summary>Items any of whose names satisfy <paramref name="isMatch"/>, each once, in policy order.</summary>
    public List<T> Match(Func<string, bool> isMatch)
    {
        // One pass over the names, which are listed item by item in policy order: the cost grows with the
        // number of names, not with items times names.
        var result = new List<T>();
        T? last = null;
        foreach (var pair in _names)
        {
            if (!ReferenceEquals(pair.Value, last) && isMatch(pair.Key))
            {
                result.Add(pair.Value);
                last = pair.Value;
            }
        }

        return result;
    }

    /// <summary>The names closest to <paramref name="input"/> by edit distance, best first.</summary>
    public IReadOnlyList<string> Suggest(string input, int max = 3)
    {
        // Edit distance is quadratic; a name longer than any real one has no close match anyway.
        if (input == null || input.Trim().Length == 0 || input.Length > MaxSuggestLength)
        {
            return Array.Empty<string>();
        }

        // An inventory repeats its misspellings: each is computed once per policy (a bounded number of them).
        var key = input + "\n" + max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_suggestions.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = ComputeSuggestions(input, max);
        if (_suggestions.Count < MaxCachedSuggestions)
        {
            _suggestions[key] = found;
        }

        return found;
    }

    /// <summary>How many inputs' suggestions an index remembers.</summary>
    public const int MaxCachedSuggestions = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _suggestions =
        new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    private IReadOnlyList<string> ComputeSuggestions(string input, int max)
    {
        var folded = Fold((input ?? string.Empty).Trim()).ToUpperInvariant();
        var limit = Math.Max(2, folded.Length / 3);
        var scored = new List<KeyValuePair<int, string>>();
        var seen = new HashSet<T>();
        foreach (var pair in _names)
        {
            // The distance is at least the difference in length (folding never lengthens a name): a name shorter by more
            // than the limit cannot be close, and a longer one only as a completion of the input, so no edit distance is
            // computed for either. A 200-character misspelling against 45,000 names costs a length check each.
            if (pair.Key.Length + limit < folded.Length)
            {
                continue;
            }

            var completion = folded.Length >= 3;
            if (pair.Key.Length > folded.Length + limit && !completion)
            {
                continue;
            }

            var candidate = Fold(pair.Key).ToUpperInvariant();
            var prefix = completion && candidate.StartsWith(folded, StringComparison.Ordinal);
            if (candidate.Length > folded.Length + limit && !prefix)
            {
                continue;
            }

            var distance = prefix ? 1 : EditDistance.Compute(folded, candidate);
            // Close means most of the word survives: two edits make "Mars" into "AUS", which is another word, not a typo.
            if (distance <= limit && (prefix || distance * 2 < Math.Min(folded.Length, candidate.Length)))
            {
                scored.Add(new KeyValuePair<int, string>(distance, pair.Key));
            }
        }

        scored.Sort((a, b) => a.Key.CompareTo(b.Key));
        var result = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in scored)
        {
            if (names.Add(pair.Value) && seen.Add(_byName[pair.Value]))
            {
                result.Add(pair.Value);
                if (result.Count == max)
                {
                    break;
                }
            }
        }

        return result;
    }

    private void Add(string name, T item, Action<string>? duplicate)
    {
        if (_byName.TryGetValue(name, out var existing))
        {
            if (!ReferenceEquals(existing, item))
            {
                duplicate?.Invoke(name);
            }

            return;
        }

        _byName.Add(name, item);
    }

    /// <summary>
    /// Removes diacritics (ë becomes e, a combining mark is dropped) and folds fullwidth forms to ASCII, so either spelling finds a name; the same on every
    /// runtime, since it reads <see cref="FoldTable"/> rather than the runtime's normalization data.
    /// </summary>
    internal static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < '\u00C0')
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < FoldTable.BaseLetter.Length)
            {
                var letter = FoldTable.BaseLetter[c];
                if (letter != '\0' || c == '\0')
                {
                    builder.Append(letter);
                }
            }
            else if (c >= '\uFF01' && c <= '\uFF5E')
            {
                // Fullwidth forms (Ｆreshdesk) are the ASCII letters they look like: one name, never a second look-alike.
                builder.Append((char)(c - 0xFEE0));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

/// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
internal static class EditDistance
{
    /// <summary>The number of single-character edits that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Compute(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
