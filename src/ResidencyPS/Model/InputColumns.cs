using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ResidencyPS;

/// <summary>
/// The input row's own columns that Test-EeaBoundary did not bind (an inventory's Owner, Tenant, Ticket), in the
/// row's order, so a result traces back to the row it came from; shown in the CSV and HTML reports and kept in the
/// result file. Read one as <c>$result.InputColumns.Owner</c>.
/// </summary>
public sealed class InputColumns : ReadOnlyDictionary<string, string>
{
    /// <summary>The most columns a row keeps: an inventory is a few dozen columns wide; a row of thousands is not an inventory.</summary>
    public const int MaxColumns = 64;

    /// <summary>The longest value a column keeps; longer ones are cut and say so.</summary>
    public const int MaxLength = 500;

    /// <summary>No columns.</summary>
    public static readonly InputColumns None = new InputColumns(Array.Empty<KeyValuePair<string, string>>());

    private readonly IReadOnlyList<string> _order;

    internal InputColumns(IEnumerable<KeyValuePair<string, string>> columns)
        : this(Inert(columns))
    {
    }

    private InputColumns(List<KeyValuePair<string, string>> columns)
        : base(ToDictionary(columns))
    {
        _order = columns.Select(c => c.Key).Where(Dictionary.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The column names in the row's order.</summary>
    public IReadOnlyList<string> Names => _order;

    // Every way columns arrive (a live row, the result file, a result that travelled) is made inert here, once: names and
    // values with invisible characters shown as \uXXXX, a value's line breaks and tabs kept (a free-text cell).
    private static List<KeyValuePair<string, string>> Inert(IEnumerable<KeyValuePair<string, string>> columns) =>
        columns.Select(c => new KeyValuePair<string, string>(Engine.Text.InertText.Escape(c.Key), Engine.Text.InertText.Escape(c.Value, keepLines: true))).ToList();

    private static Dictionary<string, string> ToDictionary(List<KeyValuePair<string, string>> columns)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (!result.ContainsKey(column.Key) && result.Count < MaxColumns)
            {
                result.Add(column.Key, Bounded(column.Value));
            }
        }

        return result;
    }

    // Cut between characters, never inside a surrogate pair (half an emoji would be written as U+FFFD).
    private static string Bounded(string value)
    {
        if (value.Length <= MaxLength)
        {
            return value;
        }

        var cut = MaxLength - 30;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return value.Substring(0, cut) + "... (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", _order.Select(n => n + ": " + this[n]));
}
