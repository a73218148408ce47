using System.Collections.Generic;
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
    protected override void ProcessRecord()
    {
        var products = ResolveProducts(Product);
        var categories = ResolveCategories(DataCategory);
        var regions = ResolveRegions(Region);
        if (Empty(products) || Empty(categories) || Empty(regions))
        {
            return;
        }

        foreach (var record in AnsweringPolicy.Residency)
        {
            if (products != null && !products.Exists(p => p.Name == record.Product))
            {
                continue;
            }

            if (categories != null && !categories.Contains(record.Category))
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
