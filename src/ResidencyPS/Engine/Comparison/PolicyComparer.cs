using System.Collections.Generic;
using System.Linq;
using System;

namespace ResidencyPS.Engine.Comparison;

/// <summary>Lists every difference between two policies, keyed so that a reordered file compares equal.</summary>
internal static class PolicyComparer
{
    /// <summary>The differences from <paramref name="reference"/> to <paramref name="difference"/>.</summary>
    public static List<PolicyDifference> Compare(ResidencyPolicy reference, ResidencyPolicy difference)
    {
        var result = new List<PolicyDifference>();
        if (reference.Sha256 == difference.Sha256)
        {
            return result; // same canonical content: nothing can differ
        }

        Header(reference, difference, result);
        Keyed(result, "Product", reference.ProductIndex.Items, difference.ProductIndex.Items, p => p.Name, p => p.Name, null,
            (a, b, add) => Property(add, "Aliases", Join(a.Aliases), Join(b.Aliases)));
        Keyed(result, "DataCategory", reference.CategoryIndex.Items, difference.CategoryIndex.Items, c => c.Id, null, c => c.DataCategory, (a, b, add) =>
        {
            Property(add, "Name", a.DataCategory, b.DataCategory);
            Property(add, "NameNl", a.NameNl, b.NameNl);
            Property(add, "DefinitionNl", a.DefinitionNl, b.DefinitionNl);
        });
        Keyed(result, "Region", reference.RegionIndex.Items, difference.RegionIndex.Items, r => r.Code, null, null, (a, b, add) =>
        {
            Property(add, "Name", a.Name, b.Name);
            Property(add, "Countries", Join(a.Countries), Join(b.Countries));
        });
        Keyed(result, "Residency", reference.Residency, difference.Residency, r => r.Product + "/" + r.Category.Id, r => r.Product, r => r.DataCategory, Residency);
        Keyed(result, "Retention", reference.Retention, difference.Retention,
            r => r.Id + "/" + r.Product + "/" + Join(r.HostingRegion) + "/" + r.StorageLocation, r => r.Product, null, Retention);
        Keyed(result, "Rule", reference.Rules, difference.Rules, r => r.Id, null, null, Rule);
        Keyed(result, "Statement", reference.Statements, difference.Statements, s => s.Id, null, null, (a, b, add) =>
        {
            Property(add, "Text", a.Text, b.Text);
            Property(add, "English", a.English, b.English);
            Property(add, "Line", a.Line.ToString(), b.Line.ToString());
        });
        return result;
    }

    private delegate void Add(PolicyChangeKind change, string? property, string? oldValue, string? newValue);

    private static void Header(ResidencyPolicy a, ResidencyPolicy b, List<PolicyDifference> result)
    {
        void Add(PolicyChangeKind change, string? property, string? oldValue, string? newValue) =>
            result.Add(new PolicyDifference("Policy", a.Vendor, change, null, null, property, oldValue, newValue));
        Property(Add, "Vendor", a.Vendor, b.Vendor);
        Property(Add, "PolicyVersion", a.PolicyVersion, b.PolicyVersion);
        Property(Add, "EffectiveDate", a.EffectiveDate?.ToString("yyyy-MM-dd"), b.EffectiveDate?.ToString("yyyy-MM-dd"));
        Property(Add, "SchemaVersion", a.SchemaVersion, b.SchemaVersion);
        Property(Add, "SourceTitle", a.SourceTitle, b.SourceTitle);
        Property(Add, "SourceDocument", a.SourceDocument, b.SourceDocument);
    }

    private static void Keyed<T>(List<PolicyDifference> result, string scope, IReadOnlyList<T> reference, IReadOnlyList<T> difference,
        Func<T, string> key, Func<T, string>? product, Func<T, string>? category, Action<T, T, Add> compare)
    {
        var before = ToDictionary(reference, key);
        var after = ToDictionary(difference, key);
        foreach (var item in reference)
        {
            var k = key(item);
            Add add = (change, property, oldValue, newValue) =>
                result.Add(new PolicyDifference(scope, k, change, product?.Invoke(item), category?.Invoke(item), property, oldValue, newValue));
            if (after.TryGetValue(k, out var other))
            {
                compare(item, other, add);
            }
            else
            {
                add(PolicyChangeKind.Removed, null, k, null);
            }
        }

        foreach (var item in difference.Where(i => !before.ContainsKey(key(i))))
        {
            result.Add(new PolicyDifference(scope, key(item), PolicyChangeKind.Added, product?.Invoke(item), category?.Invoke(item), null, null, key(item)));
        }
    }

    private static Dictionary<string, T> ToDictionary<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            result[key(item)] = item;
        }

        return result;
    }

    private static void Residency(DataResidencyInfo a, DataResidencyInfo b, Add add)
    {
        foreach (var region in b.Regions.Except(a.Regions))
        {
            add(PolicyChangeKind.RegionAdded, "Regions", Join(a.Regions), region);
        }

        foreach (var region in a.Regions.Except(b.Regions))
        {
            add(PolicyChangeKind.RegionRemoved, "Regions", region, Join(b.Regions));
        }

        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Basis.ToString(), b.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", a.Source.ToString(), b.Source.ToString());
        Property(add, "Term", a.Term, b.Term);
        Property(add, "Notes", a.Notes.ToString(), b.Notes.ToString());
    }

    private static void Retention(RetentionRule a, RetentionRule b, Add add)
    {
        Kind(add, PolicyChangeKind.PeriodChanged, "Period", a.PeriodValue + " " + a.PeriodUnit, b.PeriodValue + " " + b.PeriodUnit);
        Kind(add, PolicyChangeKind.OutcomeChanged, "AfterPeriod", a.AfterPeriod + " " + a.MovesTo, b.AfterPeriod + " " + b.MovesTo);
        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Basis.ToString(), b.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", a.Source.ToString(), b.Source.ToString());
        Property(add, "Subject", a.Subject, b.Subject);
    }

    private static void Rule(BoundaryRule a, BoundaryRule b, Add add)
    {
        Property(add, "When", a.When.ToString(), b.When.ToString());
        Property(add, "Effect", a.Finding.Effect.ToString(), b.Finding.Effect.ToString());
        Property(add, "Destination", a.Finding.Destination, b.Finding.Destination);
        Kind(add, PolicyChangeKind.PeriodChanged, "Duration", a.Finding.Duration?.ToString(), b.Finding.Duration?.ToString());
        Property(add, "Products", Join(a.Products.OrderBy(p => p)), Join(b.Products.OrderBy(p => p)));
        Property(add, "Categories", Join(a.Categories.OrderBy(p => p)), Join(b.Categories.OrderBy(p => p)));
        Property(add, "HostingRegions", Join(a.HostingRegions.OrderBy(p => p)), Join(b.HostingRegions.OrderBy(p => p)));
        Property(add, "Message", a.Finding.Message, b.Finding.Message);
        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Finding.Basis.ToString(), b.Finding.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", string.Join(" | ", a.Finding.Source.Select(s => s.Text)), string.Join(" | ", b.Finding.Source.Select(s => s.Text)));
    }

    private static void Property(Add add, string property, string? oldValue, string? newValue) =>
        Kind(add, PolicyChangeKind.Changed, property, oldValue, newValue);

    private static void Kind(Add add, PolicyChangeKind kind, string property, string? oldValue, string? newValue)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            add(kind, property, oldValue, newValue);
        }
    }

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);
}
