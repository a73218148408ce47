using System;
using System.Collections.Generic;

namespace ResidencyPS.Engine
{
    /// <summary>
    /// A loaded, validated and indexed residency policy. Immutable: a new file makes a new policy,
    /// so a query that started on one policy finishes on it.
    /// </summary>
    public sealed class ResidencyPolicy
    {
        private readonly Dictionary<string, PolicyStatement> _statements;
        private readonly Dictionary<string, List<DataResidencyInfo>> _residencyByProduct;
        private readonly Dictionary<string, HostingRegionInfo> _regionByCountry;

        internal ResidencyPolicy(PolicyHeader header, IReadOnlyList<PolicyStatement> statements,
            NameIndex<HostingRegionInfo> regions, NameIndex<ProductInfo> products, NameIndex<DataCategoryInfo> categories,
            NameIndex<SubjectInfo> subjects, IReadOnlyList<DataResidencyInfo> residency, IReadOnlyList<RetentionRule> retention,
            IReadOnlyList<BoundaryRule> rules)
        {
            Header = header;
            Statements = statements;
            Regions = regions;
            Products = products;
            Categories = categories;
            Subjects = subjects;
            Residency = residency;
            Retention = retention;
            Rules = rules;

            _statements = new Dictionary<string, PolicyStatement>(StringComparer.OrdinalIgnoreCase);
            foreach (var statement in statements)
            {
                _statements[statement.Id] = statement;
            }

            _residencyByProduct = new Dictionary<string, List<DataResidencyInfo>>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in residency)
            {
                if (!_residencyByProduct.TryGetValue(record.Product, out var list))
                {
                    _residencyByProduct.Add(record.Product, list = new List<DataResidencyInfo>());
                }

                list.Add(record);
            }

            _regionByCountry = new Dictionary<string, HostingRegionInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var region in regions.Items)
            {
                foreach (var country in region.Countries)
                {
                    _regionByCountry[country] = region;
                }
            }
        }

        /// <summary>Vendor, versions and source document.</summary>
        public PolicyHeader Header { get; }

        /// <summary>The vendor whose policy this is.</summary>
        public string Vendor => Header.Vendor;

        /// <summary>Every statement of the source document, in document order.</summary>
        public IReadOnlyList<PolicyStatement> Statements { get; }

        /// <summary>The hosting regions.</summary>
        public NameIndex<HostingRegionInfo> Regions { get; }

        /// <summary>The products.</summary>
        public NameIndex<ProductInfo> Products { get; }

        /// <summary>The data categories.</summary>
        public NameIndex<DataCategoryInfo> Categories { get; }

        /// <summary>The retention subjects (logs, backups, call recordings).</summary>
        public NameIndex<SubjectInfo> Subjects { get; }

        /// <summary>One record per product and data category, in policy order.</summary>
        public IReadOnlyList<DataResidencyInfo> Residency { get; }

        /// <summary>Retention rules, one per product and storage location.</summary>
        public IReadOnlyList<RetentionRule> Retention { get; }

        /// <summary>The rules an EEA boundary test applies besides hosting.</summary>
        internal IReadOnlyList<BoundaryRule> Rules { get; }

        /// <summary>The statement with this id, or null.</summary>
        public PolicyStatement? Statement(string id) => _statements.TryGetValue(id, out var s) ? s : null;

        /// <summary>The residency records of a product, in policy order (empty for an unknown product).</summary>
        public IReadOnlyList<DataResidencyInfo> ResidencyOf(ProductInfo product) =>
            _residencyByProduct.TryGetValue(product.Name, out var list) ? list : (IReadOnlyList<DataResidencyInfo>)Array.Empty<DataResidencyInfo>();

        /// <summary>The record of one data category of one product, or null when the product does not hold it.</summary>
        public DataResidencyInfo? Find(ProductInfo product, DataCategoryInfo category)
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

        /// <summary>The region a country (ISO 3166-1 alpha-2) belongs to, or null.</summary>
        public HostingRegionInfo? RegionOfCountry(string country) =>
            country != null && _regionByCountry.TryGetValue(country.Trim(), out var region) ? region : null;
    }

    /// <summary>What a policy is: vendor, versions and the document it was read from.</summary>
    public sealed class PolicyHeader
    {
        internal PolicyHeader(string schemaVersion, string vendor, string policyVersion, string sourceTitle, string sourceLanguage, string sourceDocument)
        {
            SchemaVersion = schemaVersion;
            Vendor = vendor;
            PolicyVersion = policyVersion;
            SourceTitle = sourceTitle;
            SourceLanguage = sourceLanguage;
            SourceDocument = sourceDocument;
        }

        /// <summary>The version of the policy file format.</summary>
        public string SchemaVersion { get; }

        /// <summary>The vendor.</summary>
        public string Vendor { get; }

        /// <summary>The version of this policy's content.</summary>
        public string PolicyVersion { get; }

        /// <summary>The title of the source document.</summary>
        public string SourceTitle { get; }

        /// <summary>The language of the source document (ISO 639-1).</summary>
        public string SourceLanguage { get; }

        /// <summary>The file name of the source document.</summary>
        public string SourceDocument { get; }
    }

    /// <summary>What a retention rule is about: logs, backups or call recordings.</summary>
    public sealed class SubjectInfo
    {
        internal SubjectInfo(string id, string name, string nameNl, IReadOnlyList<string> aliases)
        {
            Id = id;
            Name = name;
            NameNl = nameNl;
            Aliases = aliases;
        }

        /// <summary>Stable identifier.</summary>
        public string Id { get; }

        /// <summary>English name.</summary>
        public string Name { get; }

        /// <summary>Dutch name.</summary>
        public string NameNl { get; }

        /// <summary>Other accepted names.</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A rule an EEA boundary test applies besides where the data is hosted.</summary>
    internal sealed class BoundaryRule
    {
        public BoundaryRule(string id, RuleCondition when, HashSet<string> products, HashSet<string> categories, HashSet<string> hostingRegions,
            FindingEffect effect, string? destination, TimeSpan? duration, string? durationText, string message, Basis basis,
            IReadOnlyList<PolicyStatement> source)
        {
            Id = id;
            When = when;
            Products = products;
            Categories = categories;
            HostingRegions = hostingRegions;
            Effect = effect;
            Destination = destination;
            Duration = duration;
            DurationText = durationText;
            Message = message;
            Basis = basis;
            Source = source;
        }

        public string Id { get; }

        public RuleCondition When { get; }

        /// <summary>Product names; empty means every product.</summary>
        public HashSet<string> Products { get; }

        /// <summary>Category ids; empty means every category.</summary>
        public HashSet<string> Categories { get; }

        /// <summary>Region codes; empty means every hosting region.</summary>
        public HashSet<string> HostingRegions { get; }

        public FindingEffect Effect { get; }

        public string? Destination { get; }

        public TimeSpan? Duration { get; }

        public string? DurationText { get; }

        public string Message { get; }

        public Basis Basis { get; }

        public IReadOnlyList<PolicyStatement> Source { get; }
    }
}
