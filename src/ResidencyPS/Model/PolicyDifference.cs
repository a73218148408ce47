namespace ResidencyPS;

/// <summary>The kind of change between two policies.</summary>
public enum PolicyChangeKind
{
    /// <summary>Something exists only in the difference policy.</summary>
    Added,

    /// <summary>Something exists only in the reference policy.</summary>
    Removed,

    /// <summary>Data may now be hosted in one more region.</summary>
    RegionAdded,

    /// <summary>Data may no longer be hosted in a region.</summary>
    RegionRemoved,

    /// <summary>A retention or transfer period changed.</summary>
    PeriodChanged,

    /// <summary>Where retained data is kept changed.</summary>
    StorageChanged,

    /// <summary>What happens after a retention period changed.</summary>
    OutcomeChanged,

    /// <summary>How a fact was read from the source changed.</summary>
    BasisChanged,

    /// <summary>The source text a fact cites changed.</summary>
    SourceChanged,

    /// <summary>Another property changed (named in <c>Property</c>).</summary>
    Changed,
}

/// <summary>One difference between a reference and a difference policy.</summary>
public sealed class PolicyDifference
{
    internal PolicyDifference(string scope, string key, PolicyChangeKind change, string? product, string? dataCategory,
        string? property, string? oldValue, string? newValue)
    {
        Scope = scope;
        Key = key;
        Change = change;
        Product = product;
        DataCategory = dataCategory;
        Property = property;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>What changed: Policy, Product, DataCategory, Region, Residency, Retention, Rule or Statement.</summary>
    public string Scope { get; }

    /// <summary>Which one: a product and category, a rule id, a region code, a statement id.</summary>
    public string Key { get; }

    /// <summary>The kind of change.</summary>
    public PolicyChangeKind Change { get; }

    /// <summary>The product concerned, when there is one.</summary>
    public string? Product { get; }

    /// <summary>The data category concerned, when there is one.</summary>
    public string? DataCategory { get; }

    /// <summary>The property that changed, for Changed and the other property-level kinds.</summary>
    public string? Property { get; }

    /// <summary>The value in the reference policy.</summary>
    public string? OldValue { get; }

    /// <summary>The value in the difference policy.</summary>
    public string? NewValue { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Scope + " " + Key + ": " + Change + (Property == null ? string.Empty : " " + Property)
        + (OldValue == null && NewValue == null ? string.Empty : " (" + (OldValue ?? "-") + " -> " + (NewValue ?? "-") + ")");
}
