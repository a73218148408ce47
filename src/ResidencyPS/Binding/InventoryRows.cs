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
internal static class InventoryRows
{
    // The columns a row may name its vendor by: an inventory's own, or a result's or record's of this module.
    private static readonly string[] VendorColumns = { "Vendor", "Provider", "PolicyVendor" };

    /// <summary>
    /// The row's own columns: every note property that binds to no parameter (<paramref name="bound"/>), as text the way
    /// a spreadsheet shows it. An object of this module or of .NET has none of its own to keep.
    /// </summary>
    public static List<KeyValuePair<string, string>>? Columns(PSObject? row, ISet<string> bound)
    {
        if (row?.BaseObject is not PSCustomObject)
        {
            return null;
        }

        List<KeyValuePair<string, string>>? columns = null;
        foreach (var property in row.Properties)
        {
            if (property is PSNoteProperty && !bound.Contains(property.Name))
            {
                (columns ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(property.Name, CellText(property.Value)));
            }
        }

        return columns;
    }

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

    /// <summary>
    /// A row that names one parameter in several of its columns (<paramref name="aliased"/>: a parameter and the columns
    /// that bind to it) with different values. PowerShell binds one and ignores the rest, so a row with HostingRegion
    /// 'EEA' and Region 'US' would be tested as whichever it picked, and could pass. <paramref name="piped"/> says which
    /// parameters the row bound.
    /// </summary>
    public static Problem? ConflictingColumns(PSObject? row, IEnumerable<(string Parameter, string[] Columns)> aliased, Func<string, bool> piped)
    {
        if (row == null || row.BaseObject is string)
        {
            return null;
        }

        foreach (var (parameter, columns) in aliased)
        {
            if (!piped(parameter))
            {
                continue;
            }

            // Every column the row has counts, a blank one too: with HostingRegion blank and Region 'US', PowerShell binds
            // the blank one, which means the EEA, and the row passed as if it had named it. The look-ups of columns a row
            // lacks are most of this check's cost (about 1.5 µs a row; enumerating the row's properties costs more).
            var given = new List<(string Column, string Value)>();
            foreach (var column in columns)
            {
                if (row.Properties[column] is PSPropertyInfo property)
                {
                    given.Add((column, (property.Value?.ToString() ?? string.Empty).Trim()));
                }
            }

            if (given.Select(g => g.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            {
                var message = "The row names -" + parameter + " in more than one column with different values ("
                    + string.Join(", ", given.Select(g => g.Column + " '" + InertText.Escape(g.Value) + "'")) + "); it was not tested. Keep one of the columns "
                    + string.Join(", ", columns) + ".";
                return new Problem(ProblemKind.ConflictingColumns, ProblemClass.InvalidData, message, row);
            }
        }

        return null;
    }

    /// <summary>
    /// A row that names another vendor (Vendor=Acme, Product=Freshdesk): its answer would be <paramref name="policy"/>'s
    /// words about another vendor's service, and could pass. A blank cell means the policy's own vendor.
    /// </summary>
    public static Problem? OtherVendor(PSObject? row, ResidencyPolicy policy)
    {
        if (row == null || row.BaseObject is string)
        {
            return null;
        }

        foreach (var column in VendorColumns)
        {
            var value = (row.Properties[column]?.Value?.ToString() ?? string.Empty).Trim();
            if (value.Length > 0 && !string.Equals(value, policy.Vendor, StringComparison.OrdinalIgnoreCase))
            {
                var shown = value.Length > 100 ? value.Substring(0, 100) + "… (" + value.Length + " characters)" : value;
                var message = "The row names the vendor '" + InertText.Escape(shown) + "' (column " + column + "), but this test answers from the policy of " + policy.Vendor
                    + "; it was not tested. Test it with that vendor's policy (Import-ResidencyPolicy or -Policy), or leave the cell blank for " + policy.Vendor + ".";
                return new Problem(ProblemKind.VendorMismatch, ProblemClass.InvalidData, message, shown);
            }
        }

        return null;
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
