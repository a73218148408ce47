using System.Management.Automation;
using ResidencyPS.Completion;
using ResidencyPS.Engine;

namespace ResidencyPS.Commands
{
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

        /// <inheritdoc />
        protected override void BeginProcessing() => _policy = PolicyAccess.Active(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var categories = NameFilter.Resolve(this, _policy.Categories, DataCategory, ErrorIds.DataCategoryNotFound, "data category");
            var products = NameFilter.Resolve(this, _policy.Products, Product, ErrorIds.ProductNotFound, "product");
            foreach (var category in _policy.Categories.Items)
            {
                if (NameFilter.Admits(categories, category)
                    && (products == null || products.Exists(p => category.Products.ContainsCode(p.Name))))
                {
                    WriteObject(category);
                }
            }
        }

    }
}
