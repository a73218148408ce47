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
public sealed class GetDataResidencyCommand : PSCmdlet
{
    private ResidencyPolicy _policy = null!;

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

    /// <summary>The policy to answer from (an object or a file path); the session's active policy when omitted.</summary>
    [Parameter]
    [PolicyTransformation]
    [ValidateNotNull]
    public ResidencyPolicy? Policy { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _policy = PolicyAccess.Resolve(this, Policy);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var products = NameFilter.Resolve(this, _policy.ProductIndex, Product, ErrorIds.ProductNotFound, "product");
        var categories = NameFilter.Resolve(this, _policy.CategoryIndex, DataCategory, ErrorIds.DataCategoryNotFound, "data category");
        var regions = NameFilter.Resolve(this, _policy.RegionIndex, Region, ErrorIds.HostingRegionNotFound, "hosting region");
        if (Empty(products) || Empty(categories) || Empty(regions))
        {
            return;
        }

        foreach (var record in _policy.Residency)
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
