using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Loading;

internal sealed partial class PolicyBuilder
{
    /// <summary>A <c>storage</c> value meaning "in each hosting region of the product".</summary>
    public const string HostRegion = "HostRegion";

    private List<SubjectInfo> BuildSubjects()
    {
        var result = new List<SubjectInfo>();
        foreach (var node in Each(_doc, "subjects"))
        {
            Sources(node, required: true);
            result.Add(new SubjectInfo(Name(node, "id"), Name(node, "name"), Name(node, "nameNl"), NameValues(node, "aliases"), KeptAs(node)));
        }

        return result;
    }

    /// <summary>What keeping a subject is, when the policy says: its logs (Logging) or its backups (Backup).</summary>
    internal static readonly string[] SubjectActivities = { nameof(DataActivity.Logging), nameof(DataActivity.Backup) };

    private static DataActivity? KeptAs(PolicyNode node)
    {
        var text = node.Text("activity");
        if (text == null)
        {
            return null;
        }

        if (SubjectActivities.Contains(text, StringComparer.Ordinal))
        {
            return (DataActivity)Enum.Parse(typeof(DataActivity), text);
        }

        node.Problem("activity", "'" + text + "' is not valid; accepted: " + string.Join(", ", SubjectActivities) + ".");
        return null;
    }

    /// <summary>The statements the policy's author reads as describing security measures (the Article 30 record lists them).</summary>
    private IReadOnlyList<PolicyStatement> SecurityMeasures() => Statements(_doc, "securityMeasures", _doc.Texts("securityMeasures") ?? Array.Empty<string>());

    private List<RetentionRule> BuildRetention(PolicyHeader header, List<DataResidencyInfo> residency, NameIndex<SubjectInfo> subjects)
    {
        var result = new List<RetentionRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Each(_doc, "retention"))
        {
            var id = Required(node, "id");
            UniqueId(node, ids, id, "retention rule");
            var subject = Reference(subjects, node, "subject", "subject");
            var products = References(_products, node, "products", "product");
            var hosting = RegionCodes(node, "hostingRegions");
            var storage = Required(node, "storage");
            if (storage.Length > 0 && storage != HostRegion && _regions.Find(storage) == null)
            {
                node.Problem("storage", "Unknown storage location '" + storage + "'; accepted: " + HostRegion + " or a region code (" + string.Join(", ", _regions.Items.Select(r => r.Code)) + ").");
            }

            var period = Period(node.Object("period"));
            var after = ParseEnum<RetentionOutcome>(node, "after");
            var movesTo = RegionCode(node, "afterRegion");
            if (after == RetentionOutcome.MovedToRegion && movesTo == null)
            {
                node.Problem("afterRegion", "A rule whose data moves to a region must name that region.");
            }

            var basis = ParseEnum<Basis>(node, "basis");
            var notes = Strings(node, "notes");
            var afterDelay = node.Text("afterDelay");
            var conflict = node.Text("conflict");
            var sources = Sources(node, required: true);
            if ((node.Texts("products")?.Count ?? 0) == 0)
            {
                node.Problem("products", "A retention rule must name at least one product.");
            }

            if (subject == null)
            {
                continue;
            }

            foreach (var product in products)
            {
                var productRegions = RegionsOf(product.Name, residency);
                var applies = hosting.Count == 0 ? productRegions : hosting;
                if (storage == HostRegion)
                {
                    foreach (var region in applies)
                    {
                        result.Add(new RetentionRule(id: id, vendor: header.Vendor, product: product.Name, subject: subject.Name, hostingRegion: new[] { region },
                            storageLocation: region, periodValue: period?.Value, periodUnit: period?.Unit, periodText: period?.Text, afterPeriod: after, movesTo: movesTo,
                            basis: basis, notes: notes, source: sources, afterDelay: afterDelay, conflict: conflict));
                    }
                }
                else
                {
                    result.Add(new RetentionRule(id: id, vendor: header.Vendor, product: product.Name, subject: subject.Name, hostingRegion: applies,
                        storageLocation: storage, periodValue: period?.Value, periodUnit: period?.Unit, periodText: period?.Text, afterPeriod: after, movesTo: movesTo,
                        basis: basis, notes: notes, source: sources, afterDelay: afterDelay, conflict: conflict));
                }
            }
        }

        return result;
    }

    private List<BoundaryRule> BuildRules(NameIndex<DataCategoryInfo> categories)
    {
        var result = new List<BoundaryRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Each(_doc, "rules"))
        {
            UniqueId(node, ids, node.Text("id") ?? string.Empty, "rule");
            var products = new HashSet<string>(References(_products, node, "products", "product").Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            var categoryIds = new HashSet<string>(References(categories, node, "categories", "data category").Select(c => c.Id), StringComparer.OrdinalIgnoreCase);
            var hosting = new HashSet<string>(RegionCodes(node, "hostingRegions"), StringComparer.OrdinalIgnoreCase);
            var destination = RegionCode(node, "destination");
            var duration = Period(node.Object("duration"));
            var finding = new BoundaryFinding(Required(node, "id"), ParseEnum<FindingEffect>(node, "effect"), destination, duration?.Span, duration?.Text,
                Required(node, "message"), ParseEnum<Basis>(node, "basis"), Sources(node, required: true));
            var activity = node.Text("activity") == null ? (DataActivity?)null : ParseEnum<DataActivity>(node, "activity");
            result.Add(new BoundaryRule(ParseEnum<RuleCondition>(node, "when"), products, categoryIds, hosting, finding, activity));
        }

        return result;
    }

    private IReadOnlyList<string> RegionsOf(string product, List<DataResidencyInfo> residency)
    {
        var codes = new HashSet<string>(residency.Where(r => r.Product == product).SelectMany(r => r.Regions));
        return _regions.Items.Select(r => r.Code).Where(codes.Contains).ToArray();
    }

    private sealed record ParsedPeriod(int Value, PeriodUnit Unit, string Text)
    {
        public TimeSpan Span => RetentionRule.ToTimeSpan(Value, Unit);
    }

    private static ParsedPeriod? Period(PolicyNode? node)
    {
        if (node == null)
        {
            return null;
        }

        var value = node.Integer("value");
        var unit = ParseEnum<PeriodUnit>(node, "unit");
        var text = Required(node, "text");
        var max = MaxPeriod(unit);
        if (value <= 0 || value > max)
        {
            // Out of range values never reach TimeSpan or DateTime arithmetic, which would overflow.
            node.Problem("value", "A period of " + value + " " + unit.ToString().ToLowerInvariant() + " is out of range; accepted: 1 to " + max + " " + unit.ToString().ToLowerInvariant() + " (at most 100 years).");
            return null;
        }

        return new ParsedPeriod(value, unit, text);
    }

    /// <summary>The longest period of a unit a policy may state: 100 years, in that unit.</summary>
    public static int MaxPeriod(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Minutes => 100 * 366 * 24 * 60,
        PeriodUnit.Hours => 100 * 366 * 24,
        PeriodUnit.Days => 100 * 366,
        PeriodUnit.Weeks => 100 * 366 / 7,
        PeriodUnit.Months => 100 * 12,
        _ => 100,
    };

    private static void UniqueId(PolicyNode node, HashSet<string> seen, string id, string what)
    {
        if (id.Length > 0 && !seen.Add(id))
        {
            node.Problem("id", "The " + what + " id '" + id + "' is used more than once.");
        }
    }
}
