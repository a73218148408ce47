using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Text;

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
        // Matched by the category's id (a renamed category is the same data), named by what a reader knows: its name.
        Keyed(result, "Residency", reference.Residency, difference.Residency, r => r.Product + "/" + r.Category.Id, r => r.Product, r => r.DataCategory, Residency,
            label: r => r.Product + "/" + r.DataCategory);
        Keyed(result, "Retention", reference.Retention, difference.Retention,
            r => r.Id + "/" + r.Product + "/" + Join(r.HostingRegion) + "/" + r.StorageLocation, r => r.Product, null, Retention, label: r => r.Id,
            describe: r => r.Product + ": " + r.Subject + " of accounts hosted in " + Join(r.HostingRegion) + ", kept in " + r.StorageLocation + ": " + r.PeriodInWords);
        Keyed(result, "Rule", reference.Rules, difference.Rules, r => r.Id, null, null, Rule, r => Impacts.OfNewRule(r.Finding.Effect));
        // One row per edit of a statement: its words and their English rendering change together, whichever was touched.
        Keyed(result, "Statement", reference.Statements, difference.Statements, s => s.Id, null, null, (a, b, add) =>
        {
            if (a.Text != b.Text || a.English != b.English)
            {
                Property(add, a.Text != b.Text ? "Text" : "English", a.Text + " (" + a.English + ")", b.Text + " (" + b.English + ")");
            }

            Property(add, "Line", a.Line.ToString(CultureInfo.InvariantCulture), b.Line.ToString(CultureInfo.InvariantCulture));
        });
        EveryProperty.Compare(reference, difference, result);
        return GroupRetention(result);
    }

    private delegate void Add(PolicyChangeKind change, string? property, string? oldValue, string? newValue, ChangeImpact impact = ChangeImpact.Neutral);

    private static void Header(ResidencyPolicy a, ResidencyPolicy b, List<PolicyDifference> result)
    {
        void Add(PolicyChangeKind change, string? property, string? oldValue, string? newValue, ChangeImpact impact = ChangeImpact.Neutral) =>
            result.Add(new PolicyDifference("Policy", a.Vendor, change, null, null, property, oldValue, newValue, impact));
        Property(Add, "Vendor", a.Vendor, b.Vendor);
        Property(Add, "PolicyVersion", a.PolicyVersion, b.PolicyVersion);
        Property(Add, "EffectiveDate", IsoDate.Day(a.EffectiveDate), IsoDate.Day(b.EffectiveDate));
        Property(Add, "SchemaVersion", a.SchemaVersion, b.SchemaVersion);
        Property(Add, "SourceTitle", a.SourceTitle, b.SourceTitle);
        Property(Add, "SourceDocument", a.SourceDocument, b.SourceDocument);
        Property(Add, "SourceUrl", a.SourceUrl, b.SourceUrl);
        Property(Add, "SourceRetrieved", IsoDate.Day(a.SourceRetrieved), IsoDate.Day(b.SourceRetrieved));
    }

    // key matches an item in both policies; label is what the difference names (by default the key): a retention
    // rule is matched per product and host region, but named by its id, so its rows group into one.
    private static void Keyed<T>(List<PolicyDifference> result, string scope, IReadOnlyList<T> reference, IReadOnlyList<T> difference,
        Func<T, string> key, Func<T, string>? product, Func<T, string>? category, Action<T, T, Add> compare, Func<T, ChangeImpact>? added = null,
        Func<T, string>? label = null, Func<T, string>? describe = null)
    {
        label ??= key;
        // An added or removed entry's value says what it holds (a retention rule's subject, regions and period), not only its name.
        describe ??= label;
        var before = ToDictionary(reference, key);
        var after = ToDictionary(difference, key);
        foreach (var item in reference)
        {
            var name = label(item);
            Add add = (change, property, oldValue, newValue, impact) =>
                result.Add(new PolicyDifference(scope, name, change, product?.Invoke(item), category?.Invoke(item), property, oldValue, newValue, impact));
            if (after.TryGetValue(key(item), out var other))
            {
                compare(item, other, add);
            }
            else
            {
                add(PolicyChangeKind.Removed, null, describe(item), null, Reverse(added?.Invoke(item) ?? ChangeImpact.Neutral));
            }
        }

        foreach (var item in difference.Where(i => !before.ContainsKey(key(i))))
        {
            result.Add(new PolicyDifference(scope, label(item), PolicyChangeKind.Added, product?.Invoke(item), category?.Invoke(item), null, null, describe(item),
                added?.Invoke(item) ?? ChangeImpact.Neutral));
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
        // One row per record, with the whole old and new lists; RegionRemoved when any region went.
        var addedRegions = b.Regions.Except(a.Regions).Any();
        var removedRegions = a.Regions.Except(b.Regions).Any();
        if (addedRegions || removedRegions)
        {
            add(removedRegions ? PolicyChangeKind.RegionRemoved : PolicyChangeKind.RegionAdded, "Regions", Join(a.Regions), Join(b.Regions),
                Impacts.OfRegions(a.Regions, b.Regions));
        }

        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Basis.ToString(), b.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", a.Source.ToString(), b.Source.ToString());
        Property(add, "Term", a.Term, b.Term);
        Property(add, "Notes", a.Notes.ToString(), b.Notes.ToString());
        Property(add, "Conflict", a.Conflict, b.Conflict);
        Property(add, "Activity", a.Activity.ToString(), b.Activity.ToString());
        Property(add, "Platforms", Join(a.Platforms), Join(b.Platforms));
    }

    private static void Retention(RetentionRule a, RetentionRule b, Add add)
    {
        // One row per edit: a new period (with its words) is PeriodChanged; new words for the same period ("10 minuten"
        // becoming "tien minuten") change what the record quotes, and are a row of their own only then.
        if (a.PeriodInWords != b.PeriodInWords)
        {
            Kind(add, PolicyChangeKind.PeriodChanged, "Period", a.PeriodInWords, b.PeriodInWords, Impacts.OfStay(b.StorageLocation, a.Period, b.Period));
        }
        else
        {
            Property(add, "PeriodText", a.PeriodText, b.PeriodText);
        }
        Kind(add, PolicyChangeKind.OutcomeChanged, "AfterPeriod", a.AfterPeriod + " " + a.MovesTo, b.AfterPeriod + " " + b.MovesTo);
        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Basis.ToString(), b.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", a.Source.ToString(), b.Source.ToString());
        Property(add, "Subject", a.Subject, b.Subject);
        Property(add, "AfterDelay", a.AfterDelay, b.AfterDelay);
        Property(add, "Conflict", a.Conflict, b.Conflict);
    }

    private static void Rule(BoundaryRule a, BoundaryRule b, Add add)
    {
        var direction = Impacts.Direction(a.Finding.Effect, b.Finding.Effect);
        var takesOut = direction > 0;
        Property(add, "When", a.When.ToString(), b.When.ToString(), Impacts.OfScope(direction, a.When == RuleCondition.Always, b.When == RuleCondition.Always));
        Property(add, "Effect", a.Finding.Effect.ToString(), b.Finding.Effect.ToString(), Impacts.OfEffect(a.Finding.Effect, b.Finding.Effect));
        Property(add, "Activity", a.Activity?.ToString(), b.Activity?.ToString());
        Property(add, "Destination", a.Finding.Destination, b.Finding.Destination);
        Kind(add, PolicyChangeKind.PeriodChanged, "Duration", Span(a.Finding.Duration, a.Finding.DurationText), Span(b.Finding.Duration, b.Finding.DurationText),
            takesOut ? Impacts.OfStay(null, a.Finding.Duration, b.Finding.Duration) : ChangeImpact.Neutral);
        Property(add, "Products", Join(a.Products.OrderBy(p => p)), Join(b.Products.OrderBy(p => p)), Impacts.OfSet(direction, a.Products, b.Products));
        Property(add, "Categories", Join(a.Categories.OrderBy(p => p)), Join(b.Categories.OrderBy(p => p)), Impacts.OfSet(direction, a.Categories, b.Categories));
        Property(add, "HostingRegions", Join(a.HostingRegions.OrderBy(p => p)), Join(b.HostingRegions.OrderBy(p => p)), Impacts.OfSet(direction, a.HostingRegions, b.HostingRegions));
        Property(add, "Message", a.Finding.Message, b.Finding.Message);
        Kind(add, PolicyChangeKind.BasisChanged, "Basis", a.Finding.Basis.ToString(), b.Finding.Basis.ToString());
        Kind(add, PolicyChangeKind.SourceChanged, "Source", string.Join(" | ", a.Finding.Source.Select(s => s.Text)), string.Join(" | ", b.Finding.Source.Select(s => s.Text)));
    }

    private static void Property(Add add, string property, string? oldValue, string? newValue, ChangeImpact impact = ChangeImpact.Neutral) =>
        Kind(add, PolicyChangeKind.Changed, property, oldValue, newValue, impact);

    private static void Kind(Add add, PolicyChangeKind kind, string property, string? oldValue, string? newValue, ChangeImpact impact = ChangeImpact.Neutral)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            add(kind, property, oldValue, newValue, impact);
        }
    }

    private static ChangeImpact Reverse(ChangeImpact impact) =>
        impact == ChangeImpact.Weakens ? ChangeImpact.Strengthens : impact == ChangeImpact.Strengthens ? ChangeImpact.Weakens : ChangeImpact.Neutral;

    // A retention rule expands to one entry per product (and host region); a change to the rule is one row that names them.
    private static List<PolicyDifference> GroupRetention(List<PolicyDifference> differences)
    {
        var others = differences.Where(d => d.Scope != "Retention").ToList();
        var grouped = differences.Where(d => d.Scope == "Retention")
            .GroupBy(d => (d.Key, d.Change, d.Property, d.OldValue, d.NewValue))
            .Select(g => new PolicyDifference("Retention", g.Key.Key, g.Key.Change, Join(g.Select(d => d.Product ?? string.Empty).Distinct()), null, g.Key.Property,
                g.Key.OldValue, g.Key.NewValue,
                // One row for the rule: it weakens if it weakens anywhere (a copy kept outside the EEA), whatever it does in the EEA.
                g.Any(d => d.Impact == ChangeImpact.Weakens) ? ChangeImpact.Weakens : g.Any(d => d.Impact == ChangeImpact.Strengthens) ? ChangeImpact.Strengthens : ChangeImpact.Neutral));
        return others.Concat(grouped).ToList();
    }

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);

    // A rule's stay with the text's own words: a changed number under unchanged words is a change too.
    private static string? Span(TimeSpan? span, string? text) => span is TimeSpan value
        ? (value.Ticks % TimeSpan.TicksPerDay == 0
            ? value.TotalDays.ToString(CultureInfo.InvariantCulture) + " days"
            : value.Ticks % TimeSpan.TicksPerHour == 0
                ? value.TotalHours.ToString(CultureInfo.InvariantCulture) + " hours"
                : value.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " minutes") + (text == null ? string.Empty : " (" + text + ")")
        : text;

}
