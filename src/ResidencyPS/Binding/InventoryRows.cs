using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Binding;

/// <summary>
/// What a piped inventory row says beyond the values PowerShell binds: its own columns (carried to its results), columns
/// that name one parameter twice, another vendor, or an object of another policy. A row any of these refuses is not
/// tested: it comes out NotEvaluated with the problem.
/// </summary>
internal sealed class InventoryRows
{
    // The columns a row may name its vendor by: an inventory's own, or a result's or record's of this module.
    private static readonly string[] VendorColumns = { "Vendor", "Provider", "PolicyVendor" };

    private readonly (string Parameter, string[] Columns)[] _aliased;
    private readonly HashSet<string> _bound;

    // Every column a check reads (a parameter's columns, then the vendor's), each with its slot in a row's values.
    private readonly Dictionary<string, int> _slots = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _slotNames = new List<string>();

    /// <summary>A reader of rows whose columns bind to parameters as <paramref name="aliased"/> says (a parameter and the columns that bind to it).</summary>
    public InventoryRows((string Parameter, string[] Columns)[] aliased)
    {
        _aliased = aliased;
        _bound = new HashSet<string>(aliased.SelectMany(a => a.Columns), StringComparer.OrdinalIgnoreCase);
        foreach (var column in aliased.SelectMany(a => a.Columns).Concat(VendorColumns))
        {
            if (!_slots.ContainsKey(column))
            {
                _slots.Add(column, _slotNames.Count);
                _slotNames.Add(column);
            }
        }
    }

    /// <summary>What one row says: the columns a check reads, and its own columns (every note property that binds to no parameter).</summary>
    /// <remarks>
    /// An inventory row's properties are enumerated once: enumerating them, or looking ten names up one by one, costs
    /// more than everything else a row costs, so an inventory of 100,000 rows pays it once a row, not eleven times.
    /// An object of this module or of .NET has no columns of its own; the columns a check reads are looked up on it.
    /// </remarks>
    public Row Read(PSObject? row)
    {
        if (row == null || row.BaseObject is string)
        {
            return Row.Empty;
        }

        var values = new string?[_slotNames.Count];
        List<KeyValuePair<string, string>>? columns = null;
        if (row.BaseObject is PSCustomObject)
        {
            foreach (var property in row.Properties)
            {

                if (_slots.TryGetValue(property.Name, out var slot))
                {
                    values[slot] = Text(property.Value);
                }

                if (property is PSNoteProperty && !_bound.Contains(property.Name))
                {
                    (columns ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(property.Name, CellText(property.Value)));
                }
            }
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (row.Properties[_slotNames[i]] is PSPropertyInfo property)
                {
                    values[i] = Text(property.Value);
                }
            }
        }

        return new Row(row, values, columns);
    }

    /// <summary>
    /// A row that names one parameter in several of its columns with different values. PowerShell binds one and ignores
    /// the rest, so a row with HostingRegion 'EEA' and Region 'US' would be tested as whichever it picked, and could
    /// pass. <paramref name="piped"/> says which parameters the row bound.
    /// </summary>
    public Problem? ConflictingColumns(Row row, Func<string, bool> piped)
    {
        if (row.Values == null)
        {
            return null;
        }

        foreach (var (parameter, columns) in _aliased)
        {
            if (!piped(parameter))
            {
                continue;
            }

            // Every column the row has counts, a blank one too: with HostingRegion blank and Region 'US', PowerShell binds
            // the blank one, which means the EEA, and the row passed as if it had named it.
            // Without allocating for the row that names each parameter once: the common row of a large inventory.
            if (!Differ(row.Values, columns))
            {
                continue;
            }

            var given = columns.Select(column => (Column: column, Value: row.Values[_slots[column]])).Where(g => g.Value != null).ToList();
            {
                var message = "The row names -" + parameter + " in more than one column with different values ("
                    + string.Join(", ", given.Select(g => g.Column + " '" + InertText.Escape(g.Value!) + "'")) + "); it was not tested. Keep one of the columns "
                    + string.Join(", ", columns) + ".";
                return new Problem(ProblemKind.ConflictingColumns, ProblemClass.InvalidData, message, row.Source!);
            }
        }

        return null;
    }

    /// <summary>
    /// The vendor a row names (Vendor, Provider or PolicyVendor; a blank cell names none), with its column, or null. A
    /// row whose vendor columns name two vendors is <paramref name="problem"/> (ConflictingColumns): it could pass as either.
    /// </summary>
    public string? VendorOf(Row row, out string column, out Problem? problem)
    {
        column = string.Empty;
        problem = null;
        if (row.Values == null)
        {
            return null;
        }

        string? vendor = null;
        foreach (var name in VendorColumns)
        {
            var value = (row.Values[_slots[name]] ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (vendor == null)
            {
                (vendor, column) = (value, name);
            }
            else if (!string.Equals(vendor, value, StringComparison.OrdinalIgnoreCase))
            {
                problem = new Problem(ProblemKind.ConflictingColumns, ProblemClass.InvalidData, "The row names two vendors (" + column + " '" + InertText.Escape(PolicySet.Shown(vendor))
                    + "', " + name + " '" + InertText.Escape(PolicySet.Shown(value)) + "'); it was not tested. Keep one of the columns " + string.Join(", ", VendorColumns) + ".", row.Source!);
                return null;
            }
        }

        return vendor;
    }

    // Whether two of the row's columns for one parameter hold different values (case aside).
    private bool Differ(string?[] values, string[] columns)
    {
        string? first = null;
        foreach (var column in columns)
        {
            var value = values[_slots[column]];
            if (value == null)
            {
                continue;
            }

            if (first == null)
            {
                first = value;
            }
            else if (!string.Equals(first, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A value as a check compares it: its text as PowerShell converts it for a [string] parameter (a list, which
    // ConvertFrom-Json makes of a JSON array, as its items joined, not "System.Object[]"), trimmed.
    // A plain string (every cell of Import-Csv) skips the conversion: this runs for three columns of every row.
    private static string Text(object? value) =>
        (value switch
        {
            null => string.Empty,
            string text => text,
            _ => LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty,
        }).Trim();

    // A cell as text the way a spreadsheet shows it: a list joined, a date in ISO 8601, a nested object as name=value pairs.
    private static string CellText(object? value)
    {
        var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        return bare switch
        {
            null => string.Empty,
            string text => text,
            DateTime date => IsoDate.RoundTrip(date),
            DateTimeOffset offset => IsoDate.RoundTrip(offset.UtcDateTime),
            PSCustomObject when value is PSObject nested => string.Join("; ", nested.Properties.Select(p => p.Name + "=" + CellText(p.Value))),
            System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(CellText)),
            _ => Convert.ToString(bare, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    /// <summary>One row as read: the columns a check reads (null: absent), and its own columns.</summary>
    internal readonly struct Row
    {
        public static readonly Row Empty;

        public Row(PSObject source, string?[] values, List<KeyValuePair<string, string>>? columns)
        {
            Source = source;
            Values = values;
            Columns = columns;
        }

        /// <summary>The row as piped (the target of its problems).</summary>
        public PSObject? Source { get; }

        /// <summary>The trimmed text of each column a check reads, by slot; null when the row lacks the column, or for no row.</summary>
        public string?[]? Values { get; }

        /// <summary>The row's own columns, in its order; null when it has none.</summary>
        public List<KeyValuePair<string, string>>? Columns { get; }
    }

    /// <summary>
    /// An object of this module made by another policy (a Get-DataResidency that started before another runspace imported
    /// a policy, or a result kept from before an import): tested against <paramref name="policy"/>, its answer would mix
    /// two policies. Rows from a file (Import-Csv) carry no policy and are tested as given.
    /// </summary>
    public static Problem? FromOtherPolicy(PSObject? row, ResidencyPolicy policy)
    {
        if (!(row?.BaseObject is IPolicyItem item) || !(item.Owner is ResidencyPolicy owner) || ReferenceEquals(owner, policy)
            || string.Equals(owner.Sha256, policy.Sha256, StringComparison.Ordinal))
        {
            return null;
        }

        var message = "The input '" + item + "' comes from the policy " + owner + " (SHA-256 " + Hashing.Short(owner.Sha256) + "...), but this test answers from "
            + policy + " (SHA-256 " + Hashing.Short(policy.Sha256) + "...); it was not tested, so one result never mixes two policies.";
        return new Problem(ProblemKind.PolicyMismatch, ProblemClass.InvalidData, message, row,
            "Run both commands against one policy: pass the same -Policy to each, or query again after the import.");
    }
}
