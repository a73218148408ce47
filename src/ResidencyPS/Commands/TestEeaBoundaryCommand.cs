using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Evaluation;

namespace ResidencyPS.Commands;

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
        // Per pipeline object: dictionary look-ups and cached outcomes only, so a 100,000-row inventory
        // costs little more than PowerShell's own parameter binding.
        var stays = true;
        var tested = 0;
        var complete = TestProducts(ref stays, ref tested);
        if (Quiet.IsPresent)
        {
            WriteObject(complete && tested > 0 && stays);
        }
    }

    private bool TestProducts(ref bool stays, ref int tested)
    {
        var hosting = ResolveHostingRegion();
        if (hosting == null)
        {
            return false;
        }

        var options = (UsesIntegrations.IsPresent ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None)
            | (CustomMailbox.IsPresent ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
        if (!NameFilter.IsWildcard(Product))
        {
            var product = _policy.ProductIndex.Find(Product);
            if (product == null)
            {
                WriteError(NameFilter.NotFound(_policy.ProductIndex, Product, ErrorIds.ProductNotFound, "product"));
                return false;
            }

            return TestProduct(product, hosting, options, ref stays, ref tested);
        }

        if (!NameFilter.TryMatch(this, _policy.ProductIndex, Product, out var products))
        {
            return false;
        }

        var complete = true;
        foreach (var product in products)
        {
            complete &= TestProduct(product, hosting, options, ref stays, ref tested);
        }

        return complete;
    }

    private bool TestProduct(ProductInfo product, HostingRegionInfo hosting, BoundaryOptions options, ref bool stays, ref int tested)
    {
        var records = _policy.ResidencyOf(product);
        if (DataCategory == null || DataCategory.Length == 0)
        {
            for (var i = 0; i < records.Count; i++)
            {
                Emit(records[i], hosting, options, ref stays, ref tested);
            }

            return true;
        }

        if (DataCategory.Length == 1 && !NameFilter.IsWildcard(DataCategory[0]))
        {
            var record = RecordOf(product, DataCategory[0], records);
            if (record == null)
            {
                return false;
            }

            Emit(record, hosting, options, ref stays, ref tested);
            return true;
        }

        var complete = true;
        var chosen = new HashSet<DataResidencyInfo>();
        foreach (var name in DataCategory)
        {
            if (NameFilter.IsWildcard(name))
            {
                if (!NameFilter.TryMatch(this, _policy.CategoryIndex, name, out var categories))
                {
                    complete = false;
                    continue;
                }

                foreach (var category in categories)
                {
                    if (_policy.Find(product, category) is DataResidencyInfo match)
                    {
                        chosen.Add(match);
                    }
                }
            }
            else if (RecordOf(product, name, records) is DataResidencyInfo record)
            {
                chosen.Add(record);
            }
            else
            {
                complete = false;
            }
        }

        foreach (var record in records)
        {
            if (chosen.Contains(record))
            {
                Emit(record, hosting, options, ref stays, ref tested);
            }
        }

        return complete;
    }

    private DataResidencyInfo? RecordOf(ProductInfo product, string name, IReadOnlyList<DataResidencyInfo> records)
    {
        var category = _policy.CategoryIndex.Find(name);
        if (category == null)
        {
            WriteError(NameFilter.NotFound(_policy.CategoryIndex, name, ErrorIds.DataCategoryNotFound, "data category"));
            return null;
        }

        var record = _policy.Find(product, category);
        if (record == null)
        {
            WriteError(NotInProduct(product, category, name, records));
        }

        return record;
    }

    private void Emit(DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options, ref bool stays, ref int tested)
    {
        var result = BoundaryEvaluator.Evaluate(_policy, record, hosting, options);
        tested++;
        stays &= result.StaysInEea;
        if (!Quiet.IsPresent)
        {
            WriteObject(result);
        }
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
