using System.Collections.Generic;
using System.Collections;
using System.Linq;

namespace ResidencyPS.Completion;

/// <summary>Completes -Product.</summary>
internal sealed class ProductCompleter : NameCompleter<ProductInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, ProductInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.ProductIndex.Names;

    /// <inheritdoc />
    protected override string Canonical(ProductInfo item) => item.Name;
}

/// <summary>Completes -DataCategory; with -Product already typed, only that product's categories.</summary>
internal sealed class DataCategoryCompleter : NameCompleter<DataCategoryInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, DataCategoryInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters)
    {
        var products = BoundProducts(policy, fakeBoundParameters);
        return products == null
            ? policy.CategoryIndex.Names
            : policy.CategoryIndex.Names.Where(pair => products.Any(p => pair.Value.Products.Contains(p.Name)));
    }

    /// <inheritdoc />
    protected override string Canonical(DataCategoryInfo item) => item.DataCategory;

    /// <inheritdoc />
    protected override string Describe(DataCategoryInfo item) => item.DataCategory + " (" + item.NameNl + "): " + string.Join(", ", item.Products);
}

/// <summary>Completes -Region, -HostingRegion and -Code.</summary>
internal sealed class RegionCompleter : NameCompleter<HostingRegionInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, HostingRegionInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.RegionIndex.Names;

    /// <inheritdoc />
    protected override string Canonical(HostingRegionInfo item) => item.Code;

    /// <inheritdoc />
    protected override string Describe(HostingRegionInfo item) => item.Code + ": " + item.Name + " (" + item.NameNl + ")";
}

/// <summary>Completes -Subject of Get-RetentionPolicy.</summary>
internal sealed class SubjectCompleter : NameCompleter<SubjectInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, SubjectInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.SubjectIndex.Names;

    /// <inheritdoc />
    protected override string Canonical(SubjectInfo item) => item.Name;
}

/// <summary>Completes -Country with the ISO codes of every region's countries.</summary>
internal sealed class CountryCompleter : NameCompleter<HostingRegionInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, HostingRegionInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.RegionIndex.Items.SelectMany(r => r.Countries.OrderBy(c => c).Select(c => new KeyValuePair<string, HostingRegionInfo>(c, r)));

    /// <inheritdoc />
    protected override string Canonical(HostingRegionInfo item) => item.Code;

    /// <inheritdoc />
    protected override string Describe(HostingRegionInfo item) => "In " + item.Code + " (" + item.Name + ")";
}
