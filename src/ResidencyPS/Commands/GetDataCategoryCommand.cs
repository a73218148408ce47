using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;

namespace ResidencyPS.Commands;

/// <summary>Gets the data categories of the policy: names in English and Dutch, definitions, and the products that hold them.</summary>
[Cmdlet(VerbsCommon.Get, "DataCategory")]
[OutputType(typeof(DataCategoryInfo))]
public sealed class GetDataCategoryCommand : PSCmdlet
{
    private ResidencyPolicy _policy = null!;

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
        var categories = NameFilter.Resolve(this, _policy.CategoryIndex, DataCategory, ErrorIds.DataCategoryNotFound, "data category");
        var products = NameFilter.Resolve(this, _policy.ProductIndex, Product, ErrorIds.ProductNotFound, "product");
        foreach (var category in _policy.CategoryIndex.Items)
        {
            if (NameFilter.Admits(categories, category)
                && (products == null || products.Exists(p => category.Products.ContainsCode(p.Name))))
            {
                WriteObject(category);
            }
        }
    }

}
