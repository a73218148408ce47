using System;
using System.Collections.Generic;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;

namespace ResidencyPS;

/// <summary>
/// A loaded, validated and indexed residency policy. Immutable: importing a file makes a new policy,
/// so a query that started on one policy finishes on it, and two policies can be queried side by side.
/// </summary>
public sealed class ResidencyPolicy
{
    private readonly Dictionary<string, List<DataResidencyInfo>> _residencyByProduct;

    // Retention rules by product: a record of processing per product once scanned every rule (14,000 products: 140 s).
    private readonly Dictionary<string, List<RetentionRule>> _retentionByProduct = new Dictionary<string, List<RetentionRule>>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HostingRegionInfo> _regionByCountry;

    private readonly Lazy<string> _canonicalJson;

    // One slot per record, hosting region and set of options: a boundary outcome is computed once,
    // after which an evaluation allocates only its result.
    private readonly BoundaryOutcome?[] _outcomes;
    private readonly Lazy<string> _sha256;

    internal ResidencyPolicy(PolicyHeader header, PolicySource origin, Func<string> canonicalJson, IReadOnlyList<PolicyStatement> statements,
        NameIndex<HostingRegionInfo> regions, NameIndex<ProductInfo> products, NameIndex<DataCategoryInfo> categories,
        NameIndex<SubjectInfo> subjects, IReadOnlyList<DataResidencyInfo> residency, IReadOnlyList<RetentionRule> retention,
        IReadOnlyList<BoundaryRule> rules)
    {
        Header = header;
        Origin = origin.Name;
        IsEmbedded = origin.IsEmbedded;
        // Serialising and hashing cost more than answering; only export, compare and describe need them.
        _canonicalJson = new Lazy<string>(canonicalJson, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        _sha256 = new Lazy<string>(() => Hashing.Sha256Hex(_canonicalJson.Value), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        Statements = statements;
        RegionIndex = regions;
        ProductIndex = products;
        CategoryIndex = categories;
        SubjectIndex = subjects;
        Residency = residency;
        Retention = retention;
        Rules = rules;

        foreach (var statement in statements)
        {
            statement.Owner = this;
        }

        foreach (var region in regions.Items)
        {
            region.Owner = this;
        }

        foreach (var product in products.Items)
        {
            product.Owner = this;
        }

        foreach (var category in categories.Items)
        {
            category.Owner = this;
        }

        _residencyByProduct = new Dictionary<string, List<DataResidencyInfo>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in retention)
        {
            rule.Owner = this;
            AddTo(_retentionByProduct, rule.Product, rule);
        }

        foreach (var record in residency)
        {
            record.Owner = this;
            AddTo(_residencyByProduct, record.Product, record);
        }

        _outcomes = new BoundaryOutcome?[residency.Count * regions.Items.Count * BoundaryOutcome.OptionSets];
        _regionByCountry = new Dictionary<string, HostingRegionInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in regions.Items)
        {
            foreach (var country in region.Countries)
            {
                _regionByCountry[country] = region;
            }
        }
    }

    /// <summary>The vendor whose policy this is.</summary>
    public string Vendor => Header.Vendor;

    /// <summary>The version of this policy's content.</summary>
    public string PolicyVersion => Header.PolicyVersion;

    /// <summary>The date the vendor's policy took effect, when the file states one.</summary>
    public DateTime? EffectiveDate => Header.EffectiveDate;

    /// <summary>The version of the policy file format.</summary>
    public string SchemaVersion => Header.SchemaVersion;

    /// <summary>The title of the source document.</summary>
    public string SourceTitle => Header.SourceTitle;

    /// <summary>The file name of the source document.</summary>
    public string SourceDocument => Header.SourceDocument;

    /// <summary>Where the source document was published; null when the policy does not say (the embedded one does not: its text came without it).</summary>
    public string? SourceUrl => Header.SourceUrl;

    /// <summary>When the source document was retrieved; null when the policy does not say.</summary>
    public DateTime? SourceRetrieved => Header.SourceRetrieved;

    /// <summary>The language of the source document (ISO 639-1).</summary>
    public string SourceLanguage => Header.SourceLanguage;

    /// <summary>Where the policy was loaded from: a file path, or the embedded resource.</summary>
    public string Origin { get; }

    /// <summary>Whether this is the policy built into the module.</summary>
    public bool IsEmbedded { get; }

    /// <summary>SHA-256 (hex) of the policy's canonical JSON: equal content, equal hash, whatever the file's layout.</summary>
    public string Sha256 => _sha256.Value;

    /// <summary>The number of products.</summary>
    public int ProductCount => ProductIndex.Items.Count;

    /// <summary>The number of data categories.</summary>
    public int DataCategoryCount => CategoryIndex.Items.Count;

    /// <summary>The number of hosting regions.</summary>
    public int RegionCount => RegionIndex.Items.Count;

    /// <summary>The number of product and data category records.</summary>
    public int ResidencyCount => Residency.Count;

    /// <summary>The number of retention rules (one per product and storage location).</summary>
    public int RetentionRuleCount => Retention.Count;

    /// <summary>The number of statements quoted from the source document.</summary>
    public int StatementCount => Statements.Count;

    internal PolicyHeader Header { get; }

    internal string CanonicalJson => _canonicalJson.Value;

    internal IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>The statements the policy's author reads as describing security measures (<c>securityMeasures</c>), in the order given.</summary>
    internal IReadOnlyList<PolicyStatement> SecurityMeasures { get; init; } = System.Array.Empty<PolicyStatement>();

    internal NameIndex<HostingRegionInfo> RegionIndex { get; }

    internal NameIndex<ProductInfo> ProductIndex { get; }

    internal NameIndex<DataCategoryInfo> CategoryIndex { get; }

    internal NameIndex<SubjectInfo> SubjectIndex { get; }

    /// <summary>The statements by id, for -Id's name matching and suggestions (built on first use: most queries never need it).</summary>
    internal NameIndex<PolicyStatement> StatementIndex => _statementIndex ??= new NameIndex<PolicyStatement>(Statements, s => new[] { s.Id });

    private NameIndex<PolicyStatement>? _statementIndex;

    internal IReadOnlyList<DataResidencyInfo> Residency { get; }

    internal IReadOnlyList<RetentionRule> Retention { get; }

    internal IReadOnlyList<BoundaryRule> Rules { get; }

    /// <inheritdoc />
    public override string ToString() => Vendor + " " + PolicyVersion + (IsEmbedded ? " (embedded)" : " (" + Origin + ")");

    internal IReadOnlyList<DataResidencyInfo> ResidencyOf(ProductInfo product) =>
        _residencyByProduct.TryGetValue(product.Name, out var list) ? list : (IReadOnlyList<DataResidencyInfo>)Array.Empty<DataResidencyInfo>();

    // Residency records and retention rules are grouped by product the same way: one list per product, in policy order.
    private static void AddTo<T>(Dictionary<string, List<T>> byProduct, string product, T item)
    {
        if (!byProduct.TryGetValue(product, out var list))
        {
            byProduct.Add(product, list = new List<T>());
        }

        list.Add(item);
    }

    /// <summary>The retention rules of one product, in policy order.</summary>
    internal IReadOnlyList<RetentionRule> RetentionOf(ProductInfo product) =>
        _retentionByProduct.TryGetValue(product.Name, out var list) ? list : (IReadOnlyList<RetentionRule>)Array.Empty<RetentionRule>();

    internal DataResidencyInfo? Find(ProductInfo product, DataCategoryInfo category)
    {
        foreach (var record in ResidencyOf(product))
        {
            if (ReferenceEquals(record.Category, category))
            {
                return record;
            }
        }

        return null;
    }

    internal ref BoundaryOutcome? OutcomeSlot(DataResidencyInfo record, HostingRegionInfo hosting, BoundaryOptions options) =>
        ref _outcomes[((record.Index * RegionIndex.Items.Count) + hosting.Index) * BoundaryOutcome.OptionSets + (int)options];

    internal HostingRegionInfo? RegionOfCountry(string country) =>
        country != null && _regionByCountry.TryGetValue(country.Trim(), out var region) ? region : null;
}
