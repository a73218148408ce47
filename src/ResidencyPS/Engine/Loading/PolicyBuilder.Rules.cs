using System.Collections.Generic;
using System.Linq;
using System;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Loading;

internal sealed partial class PolicyBuilder
{
    /// <summary>A <c>storage</c> value meaning "in each hosting region of the product".</summary>
    public const string HostRegion = "HostRegion";

    private List<SubjectInfo> BuildSubjects()
    {
        var result = new List<SubjectInfo>();
        foreach (var (dto, path) in Each(_doc.Subjects, "subjects"))
        {
            Sources(dto.Sources, path + ".sources", required: true);
            result.Add(new SubjectInfo(Required(dto.Id, path + ".id"), Required(dto.Name, path + ".name"), Required(dto.NameNl, path + ".nameNl"), Strings(dto.Aliases)));
        }

        return result;
    }

    private List<RetentionRule> BuildRetention(PolicyHeader header, List<DataResidencyInfo> residency, NameIndex<SubjectInfo> subjects)
    {
        var result = new List<RetentionRule>();
        foreach (var (dto, path) in Each(_doc.Retention, "retention"))
        {
            var id = Required(dto.Id, path + ".id");
            var subject = Reference(subjects, dto.Subject, path + ".subject", "subject");
            var products = (dto.Products ?? new List<string>()).Select((p, i) => Reference(_products, p, path + ".products[" + i + "]", "product")).ToList();
            var hosting = RegionCodes(dto.HostingRegions, path + ".hostingRegions");
            var storage = Required(dto.Storage, path + ".storage");
            if (storage.Length > 0 && storage != HostRegion && _regions.Find(storage) == null)
            {
                Problem(path + ".storage", "Unknown storage location '" + storage + "'; accepted: " + HostRegion + " or a region code (" + string.Join(", ", _regions.Items.Select(r => r.Code)) + ").");
            }

            var period = Period(dto.Period, path + ".period");
            var after = ParseEnum<RetentionOutcome>(dto.After, path + ".after");
            var movesTo = dto.AfterRegion == null ? null : RegionCode(dto.AfterRegion, path + ".afterRegion");
            if (after == RetentionOutcome.MovedToRegion && movesTo == null)
            {
                Problem(path + ".afterRegion", "A rule whose data moves to a region must name that region.");
            }

            var basis = ParseEnum<Basis>(dto.Basis, path + ".basis");
            var notes = Strings(dto.Notes);
            var sources = Sources(dto.Sources, path + ".sources", required: true);
            if (subject == null || products.Count == 0)
            {
                if (products.Count == 0)
                {
                    Problem(path + ".products", "A retention rule must name at least one product.");
                }

                continue;
            }

            foreach (var product in products.Where(p => p != null).Select(p => p!))
            {
                var productRegions = RegionsOf(product.Name, residency);
                var applies = hosting.Count == 0 ? productRegions : hosting;
                if (storage == HostRegion)
                {
                    foreach (var region in applies)
                    {
                        result.Add(new RetentionRule(id, header.Vendor, product.Name, subject.Name, new[] { region }, region,
                            period?.Value, period?.Unit, period?.Text, after, movesTo, basis, notes, sources));
                    }
                }
                else
                {
                    result.Add(new RetentionRule(id, header.Vendor, product.Name, subject.Name, applies, storage,
                        period?.Value, period?.Unit, period?.Text, after, movesTo, basis, notes, sources));
                }
            }
        }

        return result;
    }

    private List<BoundaryRule> BuildRules(NameIndex<DataCategoryInfo> categories)
    {
        var result = new List<BoundaryRule>();
        foreach (var (dto, path) in Each(_doc.Rules, "rules"))
        {
            var products = new HashSet<string>((dto.Products ?? new List<string>())
                .Select((p, i) => Reference(_products, p, path + ".products[" + i + "]", "product")?.Name).Where(n => n != null).Select(n => n!), StringComparer.OrdinalIgnoreCase);
            var categoryIds = new HashSet<string>((dto.Categories ?? new List<string>())
                .Select((c, i) => Reference(categories, c, path + ".categories[" + i + "]", "data category")?.Id).Where(n => n != null).Select(n => n!), StringComparer.OrdinalIgnoreCase);
            var hosting = new HashSet<string>(RegionCodes(dto.HostingRegions, path + ".hostingRegions"), StringComparer.OrdinalIgnoreCase);
            var destination = dto.Destination == null ? null : RegionCode(dto.Destination, path + ".destination");
            var duration = Period(dto.Duration, path + ".duration");
            result.Add(new BoundaryRule(Required(dto.Id, path + ".id"), ParseEnum<RuleCondition>(dto.When, path + ".when"), products, categoryIds, hosting,
                ParseEnum<FindingEffect>(dto.Effect, path + ".effect"), destination, duration?.Span, duration?.Text,
                Required(dto.Message, path + ".message"), ParseEnum<Basis>(dto.Basis, path + ".basis"), Sources(dto.Sources, path + ".sources", required: true)));
        }

        return result;
    }

    private IReadOnlyList<string> RegionsOf(string product, List<DataResidencyInfo> residency)
    {
        var codes = new HashSet<string>(residency.Where(r => r.Product == product).SelectMany(r => r.Regions));
        return _regions.Items.Select(r => r.Code).Where(codes.Contains).ToArray();
    }

    private sealed class ParsedPeriod
    {
        public ParsedPeriod(int value, PeriodUnit unit, string text)
        {
            Value = value;
            Unit = unit;
            Text = text;
        }

        public int Value { get; }

        public PeriodUnit Unit { get; }

        public string Text { get; }

        public TimeSpan Span => RetentionRule.ToTimeSpan(Value, Unit);
    }

    private ParsedPeriod? Period(PeriodDto? dto, string path)
    {
        if (dto == null)
        {
            return null;
        }

        if (dto.Value <= 0)
        {
            Problem(path + ".value", "The period must be a positive whole number.");
        }

        return new ParsedPeriod(dto.Value, ParseEnum<PeriodUnit>(dto.Unit, path + ".unit"), Required(dto.Text, path + ".text"));
    }
}
