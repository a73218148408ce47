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

/// <summary>What a change means for data residency in the EEA.</summary>
public enum ChangeImpact
{
    /// <summary>The change does not move data into or out of the EEA (wording, names, sources, basis).</summary>
    Neutral,

    /// <summary>Data may now leave the EEA, or stay outside it longer, or its place is no longer stated.</summary>
    Weakens,

    /// <summary>The reverse: data may no longer leave the EEA, or stays outside it for a shorter time.</summary>
    Strengthens,
}

/// <summary>One difference between a reference and a difference policy.</summary>
public sealed class PolicyDifference
{
    internal PolicyDifference(string scope, string key, PolicyChangeKind change, string? product, string? dataCategory,
        string? property, string? oldValue, string? newValue, ChangeImpact impact = ChangeImpact.Neutral)
    {
        Impact = impact;
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

    /// <summary>The product concerned, or the products (joined) a retention rule's change applies to.</summary>
    public string? Product { get; }

    /// <summary>The data category concerned, when there is one.</summary>
    public string? DataCategory { get; }

    /// <summary>The property that changed, for Changed and the other property-level kinds.</summary>
    public string? Property { get; }

    /// <summary>Whether the change weakens, strengthens or leaves residency in the EEA as it was.</summary>
    public ChangeImpact Impact { get; }

    /// <summary>The whole value in the reference policy.</summary>
    public string? OldValue { get; }

    /// <summary>The whole value in the difference policy.</summary>
    public string? NewValue { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Scope + " " + Key + ": " + Change + (Property == null ? string.Empty : " " + Property)
        + (OldValue == null && NewValue == null ? string.Empty : " (" + (OldValue ?? "-") + " -> " + (NewValue ?? "-") + ")");
}
