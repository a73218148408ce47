using System.Text.Json.Nodes;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Loading;

/// <summary>The format description the reader and writer share agrees with module/policy.schema.json, property for property.</summary>
public class PolicyFormatTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "module", "policy.schema.json")))!;

    private static JsonObject Resolve(JsonNode node) =>
        node["$ref"] is JsonNode reference
            ? Resolve(Schema["$defs"]![reference.GetValue<string>().Split('/').Last()]!)
            : node.AsObject();

    private static void Agree(ObjectSpec spec, JsonObject schema, string path)
    {
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).Where(k => k != PolicyFormat.SchemaReference).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(properties, spec.Fields.Select(f => f.Name).OrderBy(k => k, StringComparer.Ordinal));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>(), path + " must refuse unknown properties, as the reader does");
        foreach (var field in spec.Fields)
        {
            var raw = schema["properties"]![field.Name]!;
            var property = Resolve(raw);
            // The reader checks the shape the schema's $defs give (text: not blank, id: one word, country: two capitals).
            var shape = (raw["$ref"]?.GetValue<string>(), property["items"]?["pattern"]?.GetValue<string>()) switch
            {
                ("#/$defs/text", _) => TextShape.Text,
                ("#/$defs/id", _) => TextShape.Id,
                (_, "^[A-Z]{2}$") => TextShape.Country,
                _ => TextShape.Any,
            };
            Assert.True(shape == field.Shape, $"{path}.{field.Name}: the schema says {shape}, the format {field.Shape}");
            switch (field.Kind)
            {
                case FieldKind.Object:
                    Agree(field.Element!, property, path + "." + field.Name);
                    break;
                case FieldKind.List:
                    Assert.Equal("array", property["type"]!.GetValue<string>());
                    Agree(field.Element!, Resolve(property["items"]!), path + "." + field.Name + "[]");
                    break;
                case FieldKind.Texts:
                    Assert.Equal("array", property["type"]!.GetValue<string>());
                    break;
                case FieldKind.Integer:
                    Assert.Equal("integer", property["type"]!.GetValue<string>());
                    break;
            }
        }
    }

    [Fact]
    public void Every_object_of_the_format_has_the_properties_the_schema_lists()
    {
        Agree(PolicyFormat.Document, Schema.AsObject(), "policy");
    }

    private static IEnumerable<string> SchemaEnum(string list, string property) =>
        Resolve(Resolve(Schema["properties"]![list]!)["items"]!)["properties"]![property]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    [Fact]
    public void The_schema_and_the_loader_accept_the_same_statement_kinds_and_rule_conditions()
    {
        // statements[].kind took any string while the schema refused "Banana": each list is now held to the other.
        Assert.Equal(SchemaEnum("statements", "kind"), PolicyFormat.StatementKinds);
        Assert.Equal(SchemaEnum("rules", "when"), Enum.GetNames<RuleCondition>());
        var banana = Assert.Single(EmbeddedPolicyJson.Refused(EmbeddedPolicyJson.Mutate(doc => doc["statements"]![0]!["kind"] = "Banana")).Problems);
        Assert.Equal("statements[0].kind", banana.Path);
    }

    [Fact]
    public void The_schema_bounds_a_period_where_the_loader_does()
    {
        // The schema once allowed a tenth of the minutes the loader does (5270400 for 52704000: 100 years of 366 days).
        var period = Resolve(Resolve(Resolve(Schema["properties"]!["retention"]!)["items"]!)["properties"]!["period"]!);
        Assert.Equal(100 * 366 * 24 * 60, period["properties"]!["value"]!["maximum"]!.GetValue<int>());
        var refused = EmbeddedPolicyJson.Refused(EmbeddedPolicyJson.Mutate(doc =>
        {
            doc["retention"]![0]!["period"]!["unit"] = "Minutes";
            doc["retention"]![0]!["period"]!["value"] = 100 * 366 * 24 * 60 + 1;
        }));
        Assert.Contains(refused.Problems, p => p.Path.StartsWith("retention[0].period", StringComparison.Ordinal));
        var accepted = PolicyLoader.Load(new StringReader(EmbeddedPolicyJson.Mutate(doc =>
        {
            doc["retention"]![0]!["period"]!["unit"] = "Minutes";
            doc["retention"]![0]!["period"]!["value"] = 100 * 366 * 24 * 60;
        })), "minutes.json");
        Assert.Equal(100 * 366 * 24 * 60, accepted.Retention.First(r => r.PeriodUnit == PeriodUnit.Minutes && r.PeriodValue > 1000).PeriodValue);
    }

    [Fact]
    public void The_canonical_JSON_is_written_from_the_format_and_reads_back_to_the_same_bytes()
    {
        var policy = PolicyStore.Embedded;
        var again = PolicyLoader.Load(new StringReader(policy.CanonicalJson), "canonical");
        Assert.Equal(policy.CanonicalJson, again.CanonicalJson);
        Assert.Equal(policy.Sha256, again.Sha256);
        Assert.StartsWith("{\n  \"schemaVersion\": \"1.0\",\n  \"vendor\": \"Freshworks\",", policy.CanonicalJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_the_builder_finds_keeps_the_line_and_position_of_the_value()
    {
        var json = PolicyStore.Embedded.CanonicalJson.Replace("\"vendor\": \"Freshworks\"", "\"vendor\": \"  \"", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(new StringReader(json), "blank-vendor"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("vendor", 3, 16), (problem.Path, problem.Line, problem.Position));
    }

    [Theory]
    [InlineData(PeriodUnit.Minutes)]
    [InlineData(PeriodUnit.Hours)]
    [InlineData(PeriodUnit.Days)]
    [InlineData(PeriodUnit.Weeks)]
    [InlineData(PeriodUnit.Months)]
    [InlineData(PeriodUnit.Years)]
    public void Every_period_unit_is_bounded_at_100_years_alike_by_the_schema_and_the_loader(PeriodUnit unit)
    {
        var period = Resolve(Schema["$defs"]!["period"]!);
        Assert.Contains(unit.ToString(), period["properties"]!["unit"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var max = PolicyBuilder.MaxPeriod(unit);
        var schemaMax = period["allOf"]!.AsArray().Where(c => c!["if"]!["properties"]!["unit"]!["const"]!.GetValue<string>() == unit.ToString())
            .Select(c => c!["then"]!["properties"]!["value"]!["maximum"]!.GetValue<int>()).DefaultIfEmpty(period["properties"]!["value"]!["maximum"]!.GetValue<int>()).Single();
        Assert.Equal(max, schemaMax);
        string Policy(int value) => EmbeddedPolicyJson.Mutate(doc =>
        {
            doc["retention"]![0]!["period"]!["unit"] = unit.ToString();
            doc["retention"]![0]!["period"]!["value"] = value;
        });
        var accepted = PolicyLoader.Load(new StringReader(Policy(max)), "max.json").Retention.First(r => r.PeriodUnit == unit);
        Assert.Equal(max, accepted.PeriodValue);
        Assert.EndsWith(unit.ToString().ToLowerInvariant(), accepted.PeriodInWords, StringComparison.Ordinal);
        var asOf = accepted.WithAsOf(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(asOf.StatedPeriodEndsAt > asOf.AsOf);
        Assert.Contains(EmbeddedPolicyJson.Refused(Policy(max + 1)).Problems, p => p.Path.StartsWith("retention[0].period", StringComparison.Ordinal));
    }

    [Fact]
    public void A_period_in_months_ends_on_the_calendar_date()
    {
        var rule = PolicyLoader.Load(new StringReader(EmbeddedPolicyJson.Mutate(doc =>
        {
            doc["retention"]![0]!["period"]!["unit"] = "Months";
            doc["retention"]![0]!["period"]!["value"] = 6;
            doc["retention"]![0]!["period"]!["text"] = "6 maanden";
        })), "months.json").Retention.First(r => r.PeriodUnit == PeriodUnit.Months);
        Assert.Equal("6 months", rule.PeriodInWords);
        Assert.Equal(new DateTime(2026, 7, 31, 0, 0, 0, DateTimeKind.Utc), rule.WithAsOf(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)).StatedPeriodEndsAt);
    }
}
