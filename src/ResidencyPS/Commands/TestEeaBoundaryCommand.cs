using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Completion;
using ResidencyPS.Engine;

namespace ResidencyPS.Commands
{
    /// <summary>Tests whether a product's data stays inside the European Economic Area.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EeaBoundary", DefaultParameterSetName = DetailedSet)]
    [OutputType(typeof(EeaBoundaryResult), ParameterSetName = new[] { DetailedSet })]
    [OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
    public sealed class TestEeaBoundaryCommand : PSCmdlet
    {
        /// <summary>The parameter set that returns one result object per product and data category.</summary>
        public const string DetailedSet = "Detailed";

        /// <summary>The parameter set that returns one boolean per input.</summary>
        public const string QuietSet = nameof(Quiet);

        private ResidencyPolicy _policy = null!;

        /// <summary>The product to test (name, alias or wildcard).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; } = null!;

        /// <summary>The data categories to test; every category of the product when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Alias("Category")]
        [ArgumentCompleter(typeof(DataCategoryCompleter))]
        public string[]? DataCategory { get; set; }

        /// <summary>The region the customer's account is hosted in (code, name or ISO country code); EEA when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Region", "Code")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string HostingRegion { get; set; } = RegionCodes.Eea;

        /// <summary>The customer uses integrations or third-party applications.</summary>
        [Parameter]
        public SwitchParameter UsesIntegrations { get; set; }

        /// <summary>The customer has a custom mailbox.</summary>
        [Parameter]
        public SwitchParameter CustomMailbox { get; set; }

        /// <summary>Return one boolean per input: true only when everything tested stays within the EEA.</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
        public SwitchParameter Quiet { get; set; }

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
            var results = Evaluate(out var complete);
            if (Quiet.IsPresent)
            {
                WriteObject(complete && results.Count > 0 && results.All(r => r.StaysInEea));
                return;
            }

            foreach (var result in results)
            {
                WriteObject(result);
            }
        }

        private List<EeaBoundaryResult> Evaluate(out bool complete)
        {
            var results = new List<EeaBoundaryResult>();
            complete = true;
            var hosting = ResolveHostingRegion();
            var products = NameFilter.Resolve(this, _policy.ProductIndex, new[] { Product }, ErrorIds.ProductNotFound, "product")!;
            if (hosting == null || products.Count == 0)
            {
                complete = false;
                return results;
            }

            var options = (UsesIntegrations.IsPresent ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None)
                | (CustomMailbox.IsPresent ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
            foreach (var product in products)
            {
                foreach (var record in RecordsOf(product, ref complete))
                {
                    results.Add(BoundaryEvaluator.Evaluate(_policy, record, hosting, options));
                }
            }

            return results;
        }

        private IEnumerable<DataResidencyInfo> RecordsOf(ProductInfo product, ref bool complete)
        {
            var records = _policy.ResidencyOf(product);
            if (DataCategory == null || DataCategory.Length == 0)
            {
                return records;
            }

            var chosen = new HashSet<DataResidencyInfo>();
            foreach (var name in DataCategory)
            {
                if (NameFilter.IsWildcard(name))
                {
                    chosen.UnionWith(_policy.CategoryIndex.Match(NameFilter.Wildcard(name).IsMatch).Select(c => _policy.Find(product, c)).Where(r => r != null).Select(r => r!));
                    continue;
                }

                var category = _policy.CategoryIndex.Find(name);
                if (category == null)
                {
                    WriteError(NameFilter.NotFound(_policy.CategoryIndex, name, ErrorIds.DataCategoryNotFound, "data category"));
                    complete = false;
                }
                else if (_policy.Find(product, category) is DataResidencyInfo record)
                {
                    chosen.Add(record);
                }
                else
                {
                    WriteError(NotInProduct(product, category, name, records));
                    complete = false;
                }
            }

            return records.Where(chosen.Contains);
        }

        private HostingRegionInfo? ResolveHostingRegion()
        {
            var region = _policy.RegionIndex.Find(HostingRegion) ?? _policy.RegionOfCountry(HostingRegion);
            if (region == null)
            {
                WriteError(NameFilter.NotFound(_policy.RegionIndex, HostingRegion, ErrorIds.HostingRegionNotFound, "hosting region"));
            }

            return region;
        }

        private static ErrorRecord NotInProduct(ProductInfo product, DataCategoryInfo category, string input, IReadOnlyList<DataResidencyInfo> records)
        {
            var message = product.Name + " holds no '" + category.DataCategory + "' according to the policy. Its data categories are: "
                + string.Join(", ", records.Select(r => r.DataCategory)) + ".";
            return new ErrorRecord(new ItemNotFoundException(message), ErrorIds.DataCategoryNotInProduct, ErrorCategory.ObjectNotFound, input);
        }
    }
}
