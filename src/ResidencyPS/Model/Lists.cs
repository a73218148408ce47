using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ResidencyPS;

/// <summary>
/// A read-only list of names that prints as its items joined, so Export-Csv and string expansion
/// write <c>US, EEA</c> rather than <c>System.String[]</c>; JSON and CLIXML still see a list.
/// </summary>
public sealed class NameList : ReadOnlyCollection<string>
{
    private readonly string _separator;

    /// <summary>An empty list.</summary>
    public static readonly NameList Empty = new NameList(Array.Empty<string>());

    /// <summary>Creates a list joined by <paramref name="separator"/> when printed.</summary>
    public NameList(IList<string> items, string separator = ", ")
        : base(items) => _separator = separator;

    /// <summary>The items joined.</summary>
    public override string ToString() => string.Join(_separator, this);

    internal static NameList From(IEnumerable<string> items, string separator = ", ") =>
        items as NameList ?? new NameList(items.ToArray(), separator);
}

/// <summary>The statements a fact was read from; prints as their Dutch text.</summary>
public sealed class SourceList : ReadOnlyCollection<PolicyStatement>
{
    /// <summary>Creates the list.</summary>
    public SourceList(IList<PolicyStatement> items)
        : base(items)
    {
    }

    /// <summary>The Dutch texts, joined.</summary>
    public override string ToString() => string.Join(" | ", this.Select(s => s.Text));

    internal static SourceList From(IEnumerable<PolicyStatement> items) => items as SourceList ?? new SourceList(items.ToArray());
}

/// <summary>The findings of an EEA boundary test; prints as rule and effect pairs.</summary>
public sealed class FindingList : ReadOnlyCollection<BoundaryFinding>
{
    /// <summary>Creates the list.</summary>
    public FindingList(IList<BoundaryFinding> items)
        : base(items)
    {
    }

    /// <summary>Each finding as <c>Rule: Effect</c>, joined.</summary>
    public override string ToString() => string.Join("; ", this.Select(f => f.Rule + ": " + f.Effect));
}
