using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;

namespace ResidencyPS.Commands;

/// <summary>
/// Gets where each data category of each product may be hosted.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DataResidency")]
[OutputType(typeof(DataResidencyInfo))]
public sealed class GetDataResidencyCommand : ResidencyCmdlet
{
    /// <summary>Product names or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProductCompleter))]
    public string[]? Product { get; set; }

    /// <summary>Data category names (English or Dutch) or wildcards.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Category")]
    [ArgumentCompleter(typeof(DataCategoryCompleter))]
    public string[]? DataCategory { get; set; }

    /// <summary>Only data that may be hosted in one of these regions (codes, names or wildcards).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Code", "HostingRegion")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? Region { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachPolicy(Answer);

    // The answer of one policy (every answering policy's in turn).
    private void Answer()
    {
        var products = ResolveProducts(Product, nameof(Product));
        var categories = ResolveCategories(DataCategory, nameof(DataCategory));
        var regions = ResolveRegions(Region, nameof(Region));
        if (Empty(products) || Empty(categories) || Empty(regions))
        {
            return;
        }

        // Sets, so a filter of thousands of products costs one look-up per record, not one per product.
        var productNames = NameSet(products?.Select(p => p.Name));
        var categorySet = categories == null ? null : new HashSet<DataCategoryInfo>(categories);
        foreach (var record in AnsweringPolicy.Residency)
        {
            if (productNames != null && !productNames.Contains(record.Product))
            {
                continue;
            }

            if (categorySet != null && !categorySet.Contains(record.Category))
            {
                continue;
            }

            if (regions != null && !regions.Exists(r => record.Regions.ContainsCode(r.Code)))
            {
                continue;
            }

            WriteObject(record);
        }
    }

    private static bool Empty<T>(List<T>? filter) => filter != null && filter.Count == 0;
}
