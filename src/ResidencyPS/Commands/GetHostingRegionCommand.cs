using System.Collections.Generic;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;

namespace ResidencyPS.Commands;

/// <summary>Gets the hosting regions the vendor offers, with the countries in each.</summary>
[Cmdlet(VerbsCommon.Get, "HostingRegion")]
[OutputType(typeof(HostingRegionInfo))]
public sealed class GetHostingRegionCommand : PSCmdlet
{
    private ResidencyPolicy _policy = null!;

    /// <summary>Region codes or names (English or Dutch), or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Region", "HostingRegion", "Regions")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? Code { get; set; }

    /// <summary>Only regions that contain these countries (ISO 3166-1 alpha-2 codes).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CountryCompleter))]
    public string[]? Country { get; set; }

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
        var regions = NameFilter.Resolve(this, _policy.RegionIndex, Code, ErrorIds.HostingRegionNotFound, "hosting region");
        HashSet<HostingRegionInfo>? byCountry = null;
        if (Country != null && Country.Length > 0)
        {
            // A country outside every region (CH, say) is a valid question with an empty answer, not an error.
            byCountry = new HashSet<HostingRegionInfo>();
            foreach (var country in Country)
            {
                if (_policy.RegionOfCountry(country) is HostingRegionInfo region)
                {
                    byCountry.Add(region);
                }
            }
        }

        foreach (var region in _policy.RegionIndex.Items)
        {
            if (NameFilter.Admits(regions, region) && (byCountry == null || byCountry.Contains(region)))
            {
                WriteObject(region);
            }
        }
    }
}
