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
public sealed class TestEeaBoundaryCommand : ResidencyCmdlet
{
    /// <summary>The parameter set that returns one result object per product and data category.</summary>
    public const string DetailedSet = "Detailed";

    /// <summary>The parameter set that returns one boolean per input.</summary>
    public const string QuietSet = nameof(Quiet);

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
        var products = ResolveProduct(Product);
        if (products == null)
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
        var records = AnsweringPolicy.ResidencyOf(product);
        if (DataCategory == null || DataCategory.Length == 0)
        {
            for (var i = 0; i < records.Count; i++)
            {
                Emit(records[i], hosting, options, ref stays, ref tested);
            }

            return true;
        }

        var complete = true;
        var chosen = new HashSet<DataResidencyInfo>();
        foreach (var name in DataCategory)
        {
            var categories = ResolveCategory(name);
            if (categories == null)
            {
                complete = false;
                continue;
            }

            foreach (var category in categories)
            {
                if (AnsweringPolicy.Find(product, category) is DataResidencyInfo record)
                {
                    chosen.Add(record);
                }
                else if (!NameFilter.IsWildcard(name))
                {
                    // A wildcard may match categories other products hold; a literal must name one of this product's.
                    WriteError(NotInProduct(product, category, name, records));
                    complete = false;
                }
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

    private void Emit(DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options, ref bool stays, ref int tested)
    {
        var result = BoundaryEvaluator.Evaluate(AnsweringPolicy, record, hosting, options);
        tested++;
        stays &= result.StaysInEea;
        if (!Quiet.IsPresent)
        {
            WriteObject(result);
        }
    }

    private HostingRegionInfo? ResolveHostingRegion()
    {
        var region = AnsweringPolicy.RegionIndex.Find(HostingRegion) ?? AnsweringPolicy.RegionOfCountry(HostingRegion);
        if (region == null)
        {
            WriteError(NameFilter.NotFound(AnsweringPolicy.RegionIndex, HostingRegion, ErrorIds.HostingRegionNotFound, "hosting region"));
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
