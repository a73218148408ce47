using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// Turns a policy file, read as <see cref="PolicyNode"/>s, straight into a <see cref="ResidencyPolicy"/>, collecting
/// every problem (missing fields, unknown references, duplicates) at its own line before failing, so one run names
/// them all.
/// </summary>
internal sealed partial class PolicyBuilder
{
    /// <summary>The policy file format versions this module reads.</summary>
    public static readonly string[] SupportedSchemaVersions = { "1.0" };

    private readonly List<PolicyProblem> _problems;
    private readonly Dictionary<string, PolicyStatement> _statements = new Dictionary<string, PolicyStatement>(StringComparer.Ordinal);
    private readonly PolicyNode _doc;
    private NameIndex<HostingRegionInfo> _regions = null!;
    private NameIndex<ProductInfo> _products = null!;

    private PolicyBuilder(PolicyNode doc, List<PolicyProblem> problems)
    {
        _doc = doc;
        _problems = problems;
    }

    /// <summary>The policy, or null when <paramref name="problems"/> holds any problem (those of reading the file included).</summary>
    public static ResidencyPolicy? Build(PolicyNode doc, List<PolicyProblem> problems, PolicySource source, Func<string> canonicalJson)
    {
        var builder = new PolicyBuilder(doc, problems);
        var policy = builder.BuildPolicy(source, canonicalJson);
        return problems.Count > 0 ? null : policy;
    }

    private ResidencyPolicy? BuildPolicy(PolicySource source, Func<string> canonicalJson)
    {
        var header = BuildHeader();
        var statements = BuildStatements();
        var regions = BuildRegions();
        _regions = new NameIndex<HostingRegionInfo>(regions, r => Names(r.Code, r.Name, r.NameNl, r.Aliases), n => _doc.Problem("regions", "The name '" + n + "' belongs to more than one region."));
        var products = BuildProducts();
        _products = new NameIndex<ProductInfo>(products, p => Names(p.Name, null, null, p.Aliases), n => _doc.Problem("products", "The name '" + n + "' belongs to more than one product."));
        var categories = BuildCategories();
        var categoryIndex = new NameIndex<DataCategoryInfo>(categories, c => Names(c.DataCategory, c.NameNl, c.Id, c.Aliases), n => _doc.Problem("categories", "The name '" + n + "' belongs to more than one data category."));
        // Grouped by product in the policy's product order, each product's data in the order the policy lists it,
        // so every cmdlet answers in one stable order (-View ByProduct prints one group per product).
        var residency = InProductOrder(BuildResidency(categoryIndex), r => r.Product);
        var subjects = BuildSubjects();
        var subjectIndex = new NameIndex<SubjectInfo>(subjects, s => Names(s.Name, s.NameNl, s.Id, s.Aliases), n => _doc.Problem("subjects", "The name '" + n + "' belongs to more than one subject."));
        var retention = InProductOrder(BuildRetention(header, residency, subjectIndex), r => r.Product);
        var rules = BuildRules(categoryIndex);
        var security = SecurityMeasures();
        if (_problems.Count > 0)
        {
            return null;
        }

        return new ResidencyPolicy(header, source, canonicalJson, statements, _regions, _products, categoryIndex, subjectIndex, residency, retention, rules)
        {
            SecurityMeasures = security,
        };
    }

    private PolicyHeader BuildHeader()
    {
        var schema = _doc.Text("schemaVersion");
        if (string.IsNullOrWhiteSpace(schema))
        {
            _doc.Problem("schemaVersion", "The schema version is missing; supported: " + string.Join(", ", SupportedSchemaVersions) + ".");
        }
        else if (!SupportedSchemaVersions.Contains(schema))
        {
            _doc.Problem("schemaVersion", "The schema version '" + schema + "' is not supported; supported: " + string.Join(", ", SupportedSchemaVersions) + ".");
        }

        DateTime? effective = null;
        if (_doc.Text("effectiveDate") is string text)
        {
            if (IsoDate.TryParseDay(text, out var date))
            {
                effective = date;
            }
            else
            {
                _doc.Problem("effectiveDate", "'" + text + "' is not a date; write it as yyyy-MM-dd, for example 2026-01-31.");
            }
        }

        var source = _doc.Object("source");
        if (source == null)
        {
            _doc.Problem("source", "The source document (title, language, document) is required.");
        }

        return new PolicyHeader(schema ?? string.Empty, Required(_doc, "vendor"), Required(_doc, "policyVersion"), effective,
            source == null ? string.Empty : Required(source, "title"), source == null ? string.Empty : Required(source, "language"),
            source == null ? string.Empty : Required(source, "document"), SourceUrl(source), SourceRetrieved(source));
    }

    private static string? SourceUrl(PolicyNode? source)
    {
        var url = source?.Text("url");
        if (url != null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            source!.Problem("url", "'" + url + "' is not an http or https address.");
            return null;
        }

        return url;
    }

    private static DateTime? SourceRetrieved(PolicyNode? source)
    {
        if (source?.Text("retrieved") is not string text)
        {
            return null;
        }

        if (IsoDate.TryParseDay(text, out var date))
        {
            return date;
        }

        source.Problem("retrieved", "'" + text + "' is not a date; write it as yyyy-MM-dd, for example 2026-01-31.");
        return null;
    }

    private List<PolicyStatement> BuildStatements()
    {
        var result = new List<PolicyStatement>();
        foreach (var node in Each(_doc, "statements"))
        {
            var id = Required(node, "id");
            var line = node.Integer("line");
            // A statement without its English rendering is what a starting policy (New-ResidencyPolicy) has: say which line of the text needs one.
            var english = line > 0 && !node.Has("english")
                ? MissingValue(node, "english", "A value is required here: the English rendering of line " + line.ToString(CultureInfo.InvariantCulture) + " of the vendor's text.")
                : Required(node, "english");
            var statement = new PolicyStatement(id, line, Required(node, "section"), Required(node, "kind"), Required(node, "text"), english);
            if (line < 1)
            {
                node.Problem("line", "The line must be a positive line number of the source document.");
            }

            if (node.Text("kind") is string kind && kind.Length > 0 && System.Array.IndexOf(PolicyFormat.StatementKinds, kind) < 0)
            {
                node.Problem("kind", "'" + kind + "' is not a kind of statement; accepted: " + string.Join(", ", PolicyFormat.StatementKinds) + ".");
            }

            if (id.Length > 0 && _statements.ContainsKey(id))
            {
                node.Problem("id", "The statement id '" + id + "' is used more than once.");
            }
            else if (id.Length > 0)
            {
                _statements.Add(id, statement);
            }

            result.Add(statement);
        }

        return result;
    }

    private static string MissingValue(PolicyNode node, string field, string message)
    {
        node.Problem(field, message);
        return string.Empty;
    }

    private List<HostingRegionInfo> BuildRegions()
    {
        var result = new List<HostingRegionInfo>();
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Each(_doc, "regions"))
        {
            var region = new HostingRegionInfo(result.Count, Name(node, "code"), Name(node, "name"), Name(node, "nameNl"),
                NameValues(node, "aliases"), NameValues(node, "countries"), ParseEnum<Basis>(node, "basis"), Strings(node, "notes"),
                Sources(node, required: true));
            for (var i = 0; i < region.Countries.Count; i++)
            {
                // A country is answered by one region (Get-HostingRegion -Country, -HostingRegion DE): two would make the answer depend on order.
                if (countries.TryGetValue(region.Countries[i], out var first) && first != region.Code)
                {
                    node.Problem("countries", i, "The country '" + region.Countries[i] + "' is already in the region '" + first + "'; a country may be in one region only.");
                }
                else
                {
                    countries[region.Countries[i]] = region.Code;
                }
            }

            result.Add(region);
        }

        return result;
    }

    private List<ProductInfo> BuildProducts()
    {
        var result = new List<ProductInfo>();
        foreach (var node in Each(_doc, "products"))
        {
            result.Add(new ProductInfo(Name(node, "name"), NameValues(node, "aliases"), ParseEnum<Basis>(node, "basis"),
                Strings(node, "notes"), Sources(node, required: true)));
        }

        return result;
    }

    private List<DataCategoryInfo> BuildCategories()
    {
        // Which products hold each category, in one pass over the residency records rather than one per category. A record
        // may name its category by id or by any name (as documented), so the names are resolved as the records will be.
        var nodes = _doc.List("categories") ?? Array.Empty<PolicyNode>();
        var byName = new NameIndex<PolicyNode>(nodes, n => Names(n.Text("id") ?? string.Empty, n.Text("name"), n.Text("nameNl"), n.Texts("aliases") ?? Array.Empty<string>()));
        var holders = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in _doc.List("residency") ?? Array.Empty<PolicyNode>())
        {
            if (byName.Find(record.Text("category") ?? string.Empty)?.Text("id") is string id
                && _products.Find(record.Text("product") ?? string.Empty) is ProductInfo product)
            {
                if (!holders.TryGetValue(id, out var names))
                {
                    holders.Add(id, names = new List<string>());
                }

                if (!names.Contains(product.Name))
                {
                    names.Add(product.Name);
                }
            }
        }

        var result = new List<DataCategoryInfo>();
        foreach (var node in Each(_doc, "categories"))
        {
            var id = Name(node, "id");
            var definition = node.Text("definition") is string definitionId ? Statement(node, "definition", definitionId) : null;
            var sources = Sources(node, required: definition == null);
            if (definition != null)
            {
                sources = new[] { definition }.Concat(sources).ToArray();
            }

            result.Add(new DataCategoryInfo(id, Name(node, "name"), Name(node, "nameNl"), NameValues(node, "aliases"),
                definition, holders.TryGetValue(id, out var held) ? held.ToArray() : Array.Empty<string>(), Strings(node, "notes"), sources));
        }

        return result;
    }

    private List<DataResidencyInfo> BuildResidency(NameIndex<DataCategoryInfo> categories)
    {
        var result = new List<DataResidencyInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var vendor = _doc.Text("vendor") ?? string.Empty;
        foreach (var node in Each(_doc, "residency"))
        {
            var product = Reference(_products, node, "product", "product");
            var category = Reference(categories, node, "category", "data category");
            // An empty list is an answer (the text states no region: Unknown); a missing one is an omission, never read as that answer.
            if (node.Texts("regions") == null && !node.Has("regions"))
            {
                node.Problem("regions", "A list of region codes is required here; write [] when the text states no region for this data.");
            }

            var regions = RegionCodes(node, "regions");
            var basis = ParseEnum<Basis>(node, "basis");
            var sources = Sources(node, required: true);
            if (product == null || category == null)
            {
                continue;
            }

            if (!seen.Add(product.Name + "\n" + category.Id))
            {
                node.Problem("The product '" + product.Name + "' lists the data category '" + category.Id + "' more than once.");
                continue;
            }

            result.Add(new DataResidencyInfo(result.Count, vendor, product, category, Required(node, "term"),
                regions, basis, Strings(node, "notes"), sources, node.Text("conflict"), OptionalEnum(node, "activity", DataActivity.Storage), Strings(node, "platforms")));
        }

        return result;
    }

    private List<T> InProductOrder<T>(List<T> items, Func<T, string> productOf)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _products.Items.Count; i++)
        {
            rank[_products.Items[i].Name] = i;
        }

        return items.Select((item, index) => (item, index)).OrderBy(p => rank.TryGetValue(productOf(p.item), out var r) ? r : int.MaxValue)
            .ThenBy(p => p.index).Select(p => p.item).ToList();
    }
}
