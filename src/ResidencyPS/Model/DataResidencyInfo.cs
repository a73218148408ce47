using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>Where one data category of one product may be hosted, with the source it was read from.</summary>
public sealed class DataResidencyInfo : IPolicyItem
{
    internal DataResidencyInfo(int index, string vendor, ProductInfo product, DataCategoryInfo category, string term,
        IReadOnlyList<string> regions, Basis basis, IReadOnlyList<string> notes, IReadOnlyList<PolicyStatement> source, string? conflict = null,
        DataActivity activity = DataActivity.Storage, IReadOnlyList<string>? platforms = null)
    {
        Conflict = conflict;
        Activity = activity;
        Platforms = NameList.From(platforms ?? System.Array.Empty<string>());
        Index = index;
        Vendor = vendor;
        Product = product.Name;
        ProductBasis = product.Basis;
        ProductNotes = product.Notes;
        Category = category;
        Term = term;
        Regions = NameList.From(regions);
        Basis = basis;
        Notes = NameList.From(notes, " ");
        Source = SourceList.From(source);
    }

    internal DataCategoryInfo Category { get; }

    /// <summary>The policy this record belongs to, set when the policy is assembled.</summary>
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>The record's position in its policy, for the evaluation cache.</summary>
    internal int Index { get; }

    /// <summary>The vendor whose policy this is.</summary>
    public string Vendor { get; }

    /// <summary>The product's name.</summary>
    public string Product { get; }

    /// <summary>
    /// How the policy text identifies the product: a reading (<c>InferredFromContent</c>) when the text's table has no
    /// product names, as Freshworks' has not, so every record of such a product rests on that reading too.
    /// </summary>
    public Basis ProductBasis { get; }

    /// <summary>How the product was identified in the policy text, in English.</summary>
    public IReadOnlyList<string> ProductNotes { get; }

    /// <summary>The data category's English name.</summary>
    public string DataCategory => Category.DataCategory;

    /// <summary>The data category's Dutch name.</summary>
    public string DataCategoryNl => Category.NameNl;

    /// <summary>The words the source's table uses for this data in this product's row.</summary>
    public string Term { get; }

    /// <summary>Codes of the regions the data may be hosted in; empty when the source states none.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>True when EEA hosting is available, false when it is not, null when the source states no region.</summary>
    public bool? AvailableInEea => Regions.Count == 0 ? (bool?)null : Regions.ContainsCode(RegionCodes.Eea);

    /// <summary>How the regions were read from the source.</summary>
    public Basis Basis { get; }

    /// <summary>Readings, conflicts and caveats, in English.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What the policy text says happens to this data where it names a place: Storage (hosting), or Processing or Migration.</summary>
    public DataActivity Activity { get; }

    /// <summary>The cloud platforms the policy text names for this data (AWS, GCP); empty when it names none.</summary>
    public IReadOnlyList<string> Platforms { get; }

    /// <summary>Whether the policy text contradicts this answer elsewhere (see <see cref="Conflict"/>).</summary>
    public bool HasConflict => Conflict != null;

    /// <summary>What the contradicting passage says, in English; null when there is none.</summary>
    public string? Conflict { get; }

    /// <summary>The statements of the source this answer was read from.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <inheritdoc />
    public override string ToString() => Product + ": " + DataCategory;

}
