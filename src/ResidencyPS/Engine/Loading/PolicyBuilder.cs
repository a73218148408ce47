using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// Turns a parsed <see cref="PolicyDocument"/> into a <see cref="ResidencyPolicy"/>, collecting every
/// problem (missing fields, unknown references, duplicates) before failing, so one run names them all.
/// </summary>
internal sealed partial class PolicyBuilder
{
    /// <summary>The policy file format versions this module reads.</summary>
    public static readonly string[] SupportedSchemaVersions = { "1.0" };

    private readonly List<PolicyProblem> _problems = new List<PolicyProblem>();
    private readonly Dictionary<string, PolicyStatement> _statements = new Dictionary<string, PolicyStatement>(StringComparer.Ordinal);
    private readonly PolicyDocument _doc;
    private NameIndex<HostingRegionInfo> _regions = null!;
    private NameIndex<ProductInfo> _products = null!;

    private PolicyBuilder(PolicyDocument doc) => _doc = doc;

    /// <summary>The policy, or the problems found (never both).</summary>
    public static (ResidencyPolicy? Policy, IReadOnlyList<PolicyProblem> Problems) Build(PolicyDocument doc, PolicySource source, Func<string> canonicalJson)
    {
        var builder = new PolicyBuilder(doc);
        var policy = builder.BuildPolicy(source, canonicalJson);
        return builder._problems.Count > 0 ? (null, builder._problems) : (policy, builder._problems);
    }

    private ResidencyPolicy? BuildPolicy(PolicySource source, Func<string> canonicalJson)
    {
        var header = BuildHeader();
        var statements = BuildStatements();
        var regions = BuildRegions();
        _regions = new NameIndex<HostingRegionInfo>(regions, r => Names(r.Code, r.Name, r.NameNl, r.Aliases), n => Problem("regions", "The name '" + n + "' belongs to more than one region."));
        var products = BuildProducts();
        _products = new NameIndex<ProductInfo>(products, p => Names(p.Name, null, null, p.Aliases), n => Problem("products", "The name '" + n + "' belongs to more than one product."));
        var categories = BuildCategories();
        var categoryIndex = new NameIndex<DataCategoryInfo>(categories, c => Names(c.DataCategory, c.NameNl, c.Id, c.Aliases), n => Problem("categories", "The name '" + n + "' belongs to more than one data category."));
        var residency = BuildResidency(categoryIndex);
        var subjects = BuildSubjects();
        var subjectIndex = new NameIndex<SubjectInfo>(subjects, s => Names(s.Name, s.NameNl, s.Id, s.Aliases), n => Problem("subjects", "The name '" + n + "' belongs to more than one subject."));
        var retention = BuildRetention(header, residency, subjectIndex);
        var rules = BuildRules(categoryIndex);
        if (_problems.Count > 0)
        {
            return null;
        }

        return new ResidencyPolicy(header, source, canonicalJson, statements, _regions, _products, categoryIndex, subjectIndex, residency, retention, rules);
    }

    private PolicyHeader BuildHeader()
    {
        var schema = _doc.SchemaVersion;
        if (string.IsNullOrWhiteSpace(schema))
        {
            Problem("schemaVersion", "The schema version is missing; supported: " + string.Join(", ", SupportedSchemaVersions) + ".");
        }
        else if (!SupportedSchemaVersions.Contains(schema))
        {
            Problem("schemaVersion", "The schema version '" + schema + "' is not supported; supported: " + string.Join(", ", SupportedSchemaVersions) + ".");
        }

        DateTime? effective = null;
        if (_doc.EffectiveDate != null)
        {
            if (DateTime.TryParseExact(_doc.EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                effective = date;
            }
            else
            {
                Problem("effectiveDate", "'" + _doc.EffectiveDate + "' is not a date; write it as yyyy-MM-dd, for example 2026-01-31.");
            }
        }

        var source = _doc.Source;
        return new PolicyHeader(schema ?? string.Empty, Required(_doc.Vendor, "vendor"), Required(_doc.PolicyVersion, "policyVersion"), effective,
            Required(source?.Title, "source.title"), Required(source?.Language, "source.language"), Required(source?.Document, "source.document"));
    }

    private List<PolicyStatement> BuildStatements()
    {
        var result = new List<PolicyStatement>();
        foreach (var (dto, path) in Each(_doc.Statements, "statements"))
        {
            var id = Required(dto.Id, path + ".id");
            var statement = new PolicyStatement(id, dto.Line, Required(dto.Section, path + ".section"), Required(dto.Kind, path + ".kind"),
                Required(dto.Text, path + ".text"), Required(dto.English, path + ".english"));
            if (dto.Line < 1)
            {
                Problem(path + ".line", "The line must be a positive line number of the source document.");
            }

            if (id.Length > 0 && _statements.ContainsKey(id))
            {
                Problem(path + ".id", "The statement id '" + id + "' is used more than once.");
            }
            else if (id.Length > 0)
            {
                _statements.Add(id, statement);
            }

            result.Add(statement);
        }

        return result;
    }

    private List<HostingRegionInfo> BuildRegions()
    {
        var result = new List<HostingRegionInfo>();
        foreach (var (dto, path) in Each(_doc.Regions, "regions"))
        {
            result.Add(new HostingRegionInfo(result.Count, Required(dto.Code, path + ".code"), Required(dto.Name, path + ".name"), Required(dto.NameNl, path + ".nameNl"),
                Strings(dto.Aliases), Strings(dto.Countries), ParseEnum<Basis>(dto.Basis, path + ".basis"), Strings(dto.Notes),
                Sources(dto.Sources, path + ".sources", required: true)));
        }

        return result;
    }

    private List<ProductInfo> BuildProducts()
    {
        var result = new List<ProductInfo>();
        foreach (var (dto, path) in Each(_doc.Products, "products"))
        {
            result.Add(new ProductInfo(Required(dto.Name, path + ".name"), Strings(dto.Aliases), ParseEnum<Basis>(dto.Basis, path + ".basis"),
                Strings(dto.Notes), Sources(dto.Sources, path + ".sources", required: true)));
        }

        return result;
    }

    private List<DataCategoryInfo> BuildCategories()
    {
        var result = new List<DataCategoryInfo>();
        foreach (var (dto, path) in Each(_doc.Categories, "categories"))
        {
            var id = Required(dto.Id, path + ".id");
            var definition = dto.Definition == null ? null : Statement(dto.Definition, path + ".definition");
            var sources = Sources(dto.Sources, path + ".sources", required: definition == null);
            if (definition != null)
            {
                sources = new[] { definition }.Concat(sources).ToArray();
            }

            var holders = (_doc.Residency ?? new List<ResidencyDto>())
                .Where(r => r != null && string.Equals(r.Category, id, StringComparison.OrdinalIgnoreCase))
                .Select(r => _products.Find(r.Product ?? string.Empty)?.Name)
                .Where(n => n != null).Select(n => n!).Distinct().ToArray();
            result.Add(new DataCategoryInfo(id, Required(dto.Name, path + ".name"), Required(dto.NameNl, path + ".nameNl"), Strings(dto.Aliases),
                definition, holders, Strings(dto.Notes), sources));
        }

        return result;
    }

    private List<DataResidencyInfo> BuildResidency(NameIndex<DataCategoryInfo> categories)
    {
        var result = new List<DataResidencyInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dto, path) in Each(_doc.Residency, "residency"))
        {
            var product = Reference(_products, dto.Product, path + ".product", "product");
            var category = Reference(categories, dto.Category, path + ".category", "data category");
            var regions = RegionCodes(dto.Regions, path + ".regions");
            var basis = ParseEnum<Basis>(dto.Basis, path + ".basis");
            var sources = Sources(dto.Sources, path + ".sources", required: true);
            if (product == null || category == null)
            {
                continue;
            }

            if (!seen.Add(product.Name + "\n" + category.Id))
            {
                Problem(path, "The product '" + product.Name + "' lists the data category '" + category.Id + "' more than once.");
                continue;
            }

            result.Add(new DataResidencyInfo(result.Count, _doc.Vendor ?? string.Empty, product.Name, category, Required(dto.Term, path + ".term"),
                regions, basis, Strings(dto.Notes), sources));
        }

        return result;
    }
}
