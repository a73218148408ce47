using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;

namespace ResidencyPS.Commands;

/// <summary>Gets the data categories of the policy: names in English and Dutch, definitions, and the products that hold them.</summary>
[Cmdlet(VerbsCommon.Get, "DataCategory")]
[OutputType(typeof(DataCategoryInfo))]
public sealed class GetDataCategoryCommand : ResidencyCmdlet
{
    /// <summary>Data category names (English or Dutch) or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Category")]
    [ArgumentCompleter(typeof(DataCategoryCompleter))]
    public string[]? DataCategory { get; set; }

    /// <summary>Only categories held by these products.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProductCompleter))]
    public string[]? Product { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachPolicy(Answer);

    // The answer of one policy (every answering policy's in turn).
    private void Answer()
    {
        var categories = ResolveCategories(DataCategory, nameof(DataCategory));
        var products = ResolveProducts(Product, nameof(Product));
        var productNames = NameSet(products?.Select(p => p.Name));
        var categorySet = categories == null ? null : new HashSet<DataCategoryInfo>(categories);
        foreach (var category in AnsweringPolicy.CategoryIndex.Items)
        {
            if (NameFilter.Admits(categorySet, category)
                && (productNames == null || category.Products.Any(productNames.Contains)))
            {
                WriteObject(category);
            }
        }
    }
}
