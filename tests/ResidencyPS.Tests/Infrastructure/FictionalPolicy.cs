using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>
/// A small policy of a fictional vendor, written for the tests and never shipped: "Acme Widgets (fictional)", one product
/// (Widgetry), regions EEA, US and APAC, and whatever residency records and rules a test adds. It tests the engine on
/// its own, apart from any fact of Freshworks' text.
/// </summary>
public sealed class FictionalPolicy
{
    private readonly JArray _statements = new();
    private readonly JArray _categories = new();
    private readonly JArray _residency = new();
    private readonly JArray _rules = new();
    private readonly List<string> _products = new() { "Widgetry" };
    private readonly string _vendor;

    /// <summary>A fictional vendor's policy; two of them with different <paramref name="vendor"/> names share the product Widgetry.</summary>
    public FictionalPolicy(string vendor = "Acme Widgets (fictional)") => _vendor = vendor;

    /// <summary>Adds a data category of Widgetry hosted in <paramref name="regions"/> (none: the text states no place).</summary>
    public FictionalPolicy Data(string category, string basis = "Stated", params string[] regions) => DataOf("Widgetry", category, basis, regions);

    /// <summary>Adds a data category of <paramref name="product"/> (a second product joins the policy after Widgetry).</summary>
    public FictionalPolicy DataOf(string product, string category, string basis = "Stated", params string[] regions)
    {
        if (!_products.Contains(product))
        {
            _products.Add(product);
        }

        var statement = Statement(product + " " + category + " is kept in " + (regions.Length == 0 ? "a place not named" : string.Join(", ", regions)) + ".");
        // A category two products hold is one category of the policy.
        if (!_categories.Any(c => (string?)c["id"] == category))
        {
            _categories.Add(new JObject { ["id"] = category, ["name"] = category, ["nameNl"] = category + " (nl)", ["sources"] = new JArray(statement) });
        }

        _residency.Add(new JObject
        {
            ["product"] = product,
            ["category"] = category,
            ["term"] = category,
            ["regions"] = new JArray(regions),
            ["basis"] = basis,
            ["sources"] = new JArray(statement),
        });
        return this;
    }

    /// <summary>Adds a rule; empty lists mean every category and every hosting region.</summary>
    public FictionalPolicy Rule(string id, string when, string effect, string? destination = null, string basis = "Stated", string[]? categories = null, string[]? hostingRegions = null)
    {
        _rules.Add(new JObject
        {
            ["id"] = id,
            ["when"] = when,
            ["products"] = new JArray(),
            ["categories"] = new JArray(categories ?? Array.Empty<string>()),
            ["hostingRegions"] = new JArray(hostingRegions ?? Array.Empty<string>()),
            ["effect"] = effect,
            ["destination"] = destination,
            ["message"] = "Rule " + id + ".",
            ["basis"] = basis,
            ["sources"] = new JArray(Statement("Rule " + id + " of the fictional text.")),
        });
        return this;
    }

    private string Statement(string text)
    {
        var id = "s" + (_statements.Count + 1);
        _statements.Add(new JObject { ["id"] = id, ["line"] = _statements.Count + 1, ["section"] = "Hosting", ["kind"] = "Sentence", ["text"] = text, ["english"] = text });
        return id;
    }

    /// <summary>The policy, loaded as a user's policy file would be.</summary>
    public ResidencyPolicy Load()
    {
        var region = Statement("Widgetry is offered in the EEA, the US and APAC.");
        var logs = Statement("Logs are kept for 30 days in the hosting region.");
        // The format asks for at least one subject, retention rule and boundary rule: an Info note for APAC, which the
        // tests never host in, keeps the rules the tests add the only ones that apply.
        var rules = new JArray(_rules);
        rules.Add(new JObject
        {
            ["id"] = "ApacNote",
            ["when"] = "Always",
            ["products"] = new JArray(),
            ["categories"] = new JArray(),
            ["hostingRegions"] = new JArray("APAC"),
            ["effect"] = "Info",
            ["destination"] = null,
            ["message"] = "A note for APAC.",
            ["basis"] = "Stated",
            ["sources"] = new JArray(region),
        });
        JObject Region(string code, params string[] countries) => new()
        {
            ["code"] = code,
            ["name"] = code + " region",
            ["nameNl"] = code + " regio",
            ["countries"] = new JArray(countries),
            ["basis"] = "Stated",
            ["sources"] = new JArray(region),
        };
        var doc = new JObject
        {
            ["schemaVersion"] = "1.0",
            ["vendor"] = _vendor,
            ["policyVersion"] = "test",
            ["source"] = new JObject { ["title"] = "A fictional text written for the tests", ["language"] = "en", ["document"] = "acme.txt" },
            ["statements"] = _statements,
            ["regions"] = new JArray(Region("EEA", "NO", "DE"), Region("US", "US"), Region("APAC", "JP")),
            ["products"] = new JArray(_products.Select(name => new JObject { ["name"] = name, ["basis"] = "Stated", ["sources"] = new JArray(region) })),
            ["categories"] = _categories,
            ["residency"] = _residency,
            ["subjects"] = new JArray(new JObject { ["id"] = "Logs", ["name"] = "Logs", ["nameNl"] = "Logboeken", ["activity"] = "Logging", ["sources"] = new JArray(logs) }),
            ["retention"] = new JArray(new JObject
            {
                ["id"] = "logs-30-days",
                ["subject"] = "Logs",
                ["products"] = new JArray("Widgetry"),
                ["hostingRegions"] = new JArray(),
                ["storage"] = "HostRegion",
                ["period"] = new JObject { ["value"] = 30, ["unit"] = "Days", ["text"] = "30 days" },
                ["after"] = "Deleted",
                ["basis"] = "Stated",
                ["sources"] = new JArray(logs),
            }),
            ["rules"] = rules,
        };
        return PolicyLoader.Load(new StringReader(doc.ToString()), "acme.json");
    }
}
