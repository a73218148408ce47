using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Completion;

/// <summary>Completes -Vendor from the active policies' vendors.</summary>
internal sealed class VendorCompleter : NameCompleter<ResidencyPolicy>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, ResidencyPolicy>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        new[] { new KeyValuePair<string, ResidencyPolicy>(policy.Vendor, policy) };

    /// <inheritdoc />
    protected override string Canonical(ResidencyPolicy item) => item.Vendor;

    /// <inheritdoc />
    protected override string Describe(ResidencyPolicy item) => item.ToString();
}

/// <summary>Completes -Product.</summary>
internal sealed class ProductCompleter : NameCompleter<ProductInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, ProductInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.ProductIndex.Names;

    /// <inheritdoc />
    protected override string Canonical(ProductInfo item) => item.Name;
}

/// <summary>Completes -DataCategory; with -Product already typed, only that product's categories.</summary>
internal sealed class DataCategoryCompleter : NameCompleter<DataCategoryInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, DataCategoryInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters)
    {
        // Internal ids (CallRecordings) are accepted when typed but never offered: people read names.
        var products = BoundProducts(policy, fakeBoundParameters);
        var names = policy.CategoryIndex.Names.Where(pair => !string.Equals(pair.Key, pair.Value.Id, System.StringComparison.Ordinal) || pair.Key == pair.Value.DataCategory);
        return products == null
            ? names
            : names.Where(pair => products.Any(p => pair.Value.Products.Contains(p.Name)));
    }

    /// <inheritdoc />
    protected override string Canonical(DataCategoryInfo item) => item.DataCategory;

    /// <inheritdoc />
    protected override string Describe(DataCategoryInfo item) => item.DataCategory + " (" + item.NameNl + "): " + string.Join(", ", item.Products);
}

/// <summary>Completes -Region, -HostingRegion and -Code.</summary>
internal sealed class RegionCompleter : NameCompleter<HostingRegionInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, HostingRegionInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.RegionIndex.Names;

    /// <inheritdoc />
    protected override string Canonical(HostingRegionInfo item) => item.Code;

    /// <inheritdoc />
    protected override string Describe(HostingRegionInfo item) => item.Code + ": " + item.Name + " (" + item.NameNl + ")";
}

/// <summary>Completes -Subject of Get-RetentionPolicy.</summary>
internal sealed class SubjectCompleter : NameCompleter<SubjectInfo>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, SubjectInfo>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.SubjectIndex.Names.Where(pair => !string.Equals(pair.Key, pair.Value.Id, System.StringComparison.Ordinal) || pair.Key == pair.Value.Name);

    /// <inheritdoc />
    protected override string Canonical(SubjectInfo item) => item.Name;
}

/// <summary>Completes -Country: every member country's ISO code, and its English name once something is typed.</summary>
internal sealed class CountryCompleter : NameCompleter<string>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.RegionIndex.Items.SelectMany(r => r.Countries.OrderBy(c => c, System.StringComparer.Ordinal))
            .SelectMany(code => Countries.NameOf(code) is string name
                ? new[] { new KeyValuePair<string, string>(code, code), new KeyValuePair<string, string>(name, code) }
                : new[] { new KeyValuePair<string, string>(code, code) });

    /// <inheritdoc />
    protected override string Canonical(string item) => item;

    /// <inheritdoc />
    protected override string Describe(string item) => item + (Countries.NameOf(item) is string name ? " (" + name + ")" : string.Empty);
}

/// <summary>Completes Get-PolicyStatement -Section with the source's headings.</summary>
internal sealed class SectionCompleter : NameCompleter<string>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.Statements.Select(s => s.Section).Distinct().Select(section => new KeyValuePair<string, string>(section, section));

    /// <inheritdoc />
    protected override string Canonical(string item) => item;
}

/// <summary>Completes Get-PolicyStatement -Id.</summary>
internal sealed class StatementIdCompleter : NameCompleter<PolicyStatement>
{
    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PolicyStatement>> Candidates(ResidencyPolicy policy, IDictionary fakeBoundParameters) =>
        policy.Statements.Select(s => new KeyValuePair<string, PolicyStatement>(s.Id, s));

    /// <inheritdoc />
    protected override string Canonical(PolicyStatement item) => item.Id;

    /// <inheritdoc />
    protected override string Describe(PolicyStatement item) => "line " + item.Line + ": " + item.English;
}
