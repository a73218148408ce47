using System.Collections.Generic;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Commands;

/// <summary>Gets the hosting regions the vendor offers, with the countries in each.</summary>
[Cmdlet(VerbsCommon.Get, "HostingRegion")]
[OutputType(typeof(HostingRegionInfo))]
public sealed class GetHostingRegionCommand : ResidencyCmdlet
{
    /// <summary>Region codes or names (English or Dutch), or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Region", "HostingRegion", "Regions")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? Code { get; set; }

    /// <summary>Only regions that contain these countries (ISO 3166-1 alpha-2 codes or English names).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CountryCompleter))]
    public string[]? Country { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachPolicy(Answer);

    // The answer of one policy (every answering policy's in turn).
    private void Answer()
    {
        var regions = ResolveRegions(Code, nameof(Code));
        HashSet<HostingRegionInfo>? byCountry = null;
        if (Country != null && Country.Length > 0)
        {
            // A country outside every region (CH, say) is a valid question with an empty answer, not an error;
            // a code or name that is no country at all is.
            byCountry = new HashSet<HostingRegionInfo>();
            foreach (var country in Country)
            {
                var code = RegionLookup.CountryCode(AnsweringPolicy, country);
                if (code == null)
                {
                    var message = "No country is named '" + InertText.Escape(country) + "'. Give an ISO 3166-1 alpha-2 code (DE, NO) or an English country name (Germany, Norway).";
                    NameOutcome(nameof(Country), country, new ErrorRecord(new ItemNotFoundException(message), ErrorIds.CountryNotFound, ErrorCategory.ObjectNotFound, country)
                    {
                        ErrorDetails = new ErrorDetails(message),
                    }.Inert());
                }
                else if (AnsweringPolicy.RegionOfCountry(code) is HostingRegionInfo region)
                {
                    byCountry.Add(region);
                }
            }
        }

        foreach (var region in AnsweringPolicy.RegionIndex.Items)
        {
            if (NameFilter.Admits(regions, region) && (byCountry == null || byCountry.Contains(region)))
            {
                WriteObject(region);
            }
        }
    }
}
