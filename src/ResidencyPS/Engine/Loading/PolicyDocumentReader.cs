using System.Collections.Generic;
using System;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// Maps a parsed JSON tree onto <see cref="PolicyDocument"/> by hand. Unlike the reflection-based
/// serializer it costs almost nothing on first use, refuses wrong types instead of converting them
/// (42 is not "42"), and reports every unknown property and wrong type with its path and line.
/// </summary>
internal sealed class PolicyDocumentReader
{
    private readonly List<PolicyProblem> _problems = new List<PolicyProblem>();

    private PolicyDocumentReader()
    {
    }

    public static (PolicyDocument Document, IReadOnlyList<PolicyProblem> Problems) Read(JObject root)
    {
        var reader = new PolicyDocumentReader();
        var document = reader.Read(root, DocumentMap);
        return (document, reader._problems);
    }

    // One table per object of the format: property name to setter. A name not in the table is an error.
    private static readonly Dictionary<string, Action<PolicyDocumentReader, SourceDocumentDto, JProperty>> SourceMap = new Dictionary<string, Action<PolicyDocumentReader, SourceDocumentDto, JProperty>>
    {
        ["title"] = (r, d, p) => d.Title = r.Text(p),
        ["language"] = (r, d, p) => d.Language = r.Text(p),
        ["document"] = (r, d, p) => d.Document = r.Text(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, StatementDto, JProperty>> StatementMap = new Dictionary<string, Action<PolicyDocumentReader, StatementDto, JProperty>>
    {
        ["id"] = (r, d, p) => d.Id = r.Text(p),
        ["line"] = (r, d, p) => d.Line = r.Integer(p),
        ["section"] = (r, d, p) => d.Section = r.Text(p),
        ["kind"] = (r, d, p) => d.Kind = r.Text(p),
        ["text"] = (r, d, p) => d.Text = r.Text(p),
        ["english"] = (r, d, p) => d.English = r.Text(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, RegionDto, JProperty>> RegionMap = new Dictionary<string, Action<PolicyDocumentReader, RegionDto, JProperty>>
    {
        ["code"] = (r, d, p) => d.Code = r.Text(p),
        ["name"] = (r, d, p) => d.Name = r.Text(p),
        ["nameNl"] = (r, d, p) => d.NameNl = r.Text(p),
        ["aliases"] = (r, d, p) => d.Aliases = r.Texts(p),
        ["countries"] = (r, d, p) => d.Countries = r.Texts(p),
        ["basis"] = (r, d, p) => d.Basis = r.Text(p),
        ["notes"] = (r, d, p) => d.Notes = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, ProductDto, JProperty>> ProductMap = new Dictionary<string, Action<PolicyDocumentReader, ProductDto, JProperty>>
    {
        ["name"] = (r, d, p) => d.Name = r.Text(p),
        ["aliases"] = (r, d, p) => d.Aliases = r.Texts(p),
        ["basis"] = (r, d, p) => d.Basis = r.Text(p),
        ["notes"] = (r, d, p) => d.Notes = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, CategoryDto, JProperty>> CategoryMap = new Dictionary<string, Action<PolicyDocumentReader, CategoryDto, JProperty>>
    {
        ["id"] = (r, d, p) => d.Id = r.Text(p),
        ["name"] = (r, d, p) => d.Name = r.Text(p),
        ["nameNl"] = (r, d, p) => d.NameNl = r.Text(p),
        ["aliases"] = (r, d, p) => d.Aliases = r.Texts(p),
        ["definition"] = (r, d, p) => d.Definition = r.Text(p),
        ["notes"] = (r, d, p) => d.Notes = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, ResidencyDto, JProperty>> ResidencyMap = new Dictionary<string, Action<PolicyDocumentReader, ResidencyDto, JProperty>>
    {
        ["product"] = (r, d, p) => d.Product = r.Text(p),
        ["category"] = (r, d, p) => d.Category = r.Text(p),
        ["term"] = (r, d, p) => d.Term = r.Text(p),
        ["regions"] = (r, d, p) => d.Regions = r.Texts(p),
        ["basis"] = (r, d, p) => d.Basis = r.Text(p),
        ["notes"] = (r, d, p) => d.Notes = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, SubjectDto, JProperty>> SubjectMap = new Dictionary<string, Action<PolicyDocumentReader, SubjectDto, JProperty>>
    {
        ["id"] = (r, d, p) => d.Id = r.Text(p),
        ["name"] = (r, d, p) => d.Name = r.Text(p),
        ["nameNl"] = (r, d, p) => d.NameNl = r.Text(p),
        ["aliases"] = (r, d, p) => d.Aliases = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, PeriodDto, JProperty>> PeriodMap = new Dictionary<string, Action<PolicyDocumentReader, PeriodDto, JProperty>>
    {
        ["value"] = (r, d, p) => d.Value = r.Integer(p),
        ["unit"] = (r, d, p) => d.Unit = r.Text(p),
        ["text"] = (r, d, p) => d.Text = r.Text(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, RetentionDto, JProperty>> RetentionMap = new Dictionary<string, Action<PolicyDocumentReader, RetentionDto, JProperty>>
    {
        ["id"] = (r, d, p) => d.Id = r.Text(p),
        ["subject"] = (r, d, p) => d.Subject = r.Text(p),
        ["products"] = (r, d, p) => d.Products = r.Texts(p),
        ["hostingRegions"] = (r, d, p) => d.HostingRegions = r.Texts(p),
        ["storage"] = (r, d, p) => d.Storage = r.Text(p),
        ["period"] = (r, d, p) => d.Period = r.Object(p, PeriodMap),
        ["after"] = (r, d, p) => d.After = r.Text(p),
        ["afterRegion"] = (r, d, p) => d.AfterRegion = r.Text(p),
        ["basis"] = (r, d, p) => d.Basis = r.Text(p),
        ["notes"] = (r, d, p) => d.Notes = r.Texts(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, RuleDto, JProperty>> RuleMap = new Dictionary<string, Action<PolicyDocumentReader, RuleDto, JProperty>>
    {
        ["id"] = (r, d, p) => d.Id = r.Text(p),
        ["when"] = (r, d, p) => d.When = r.Text(p),
        ["products"] = (r, d, p) => d.Products = r.Texts(p),
        ["categories"] = (r, d, p) => d.Categories = r.Texts(p),
        ["hostingRegions"] = (r, d, p) => d.HostingRegions = r.Texts(p),
        ["effect"] = (r, d, p) => d.Effect = r.Text(p),
        ["destination"] = (r, d, p) => d.Destination = r.Text(p),
        ["duration"] = (r, d, p) => d.Duration = r.Object(p, PeriodMap),
        ["message"] = (r, d, p) => d.Message = r.Text(p),
        ["basis"] = (r, d, p) => d.Basis = r.Text(p),
        ["sources"] = (r, d, p) => d.Sources = r.Texts(p),
    };

    private static readonly Dictionary<string, Action<PolicyDocumentReader, PolicyDocument, JProperty>> DocumentMap = new Dictionary<string, Action<PolicyDocumentReader, PolicyDocument, JProperty>>
    {
        ["$schema"] = (r, d, p) => r.Text(p), // lets editors find docs/policy.schema.json; not part of the policy
        ["schemaVersion"] = (r, d, p) => d.SchemaVersion = r.Text(p),
        ["vendor"] = (r, d, p) => d.Vendor = r.Text(p),
        ["policyVersion"] = (r, d, p) => d.PolicyVersion = r.Text(p),
        ["effectiveDate"] = (r, d, p) => d.EffectiveDate = r.Text(p),
        ["source"] = (r, d, p) => d.Source = r.Object(p, SourceMap),
        ["statements"] = (r, d, p) => d.Statements = r.List(p, StatementMap),
        ["regions"] = (r, d, p) => d.Regions = r.List(p, RegionMap),
        ["products"] = (r, d, p) => d.Products = r.List(p, ProductMap),
        ["categories"] = (r, d, p) => d.Categories = r.List(p, CategoryMap),
        ["residency"] = (r, d, p) => d.Residency = r.List(p, ResidencyMap),
        ["subjects"] = (r, d, p) => d.Subjects = r.List(p, SubjectMap),
        ["retention"] = (r, d, p) => d.Retention = r.List(p, RetentionMap),
        ["rules"] = (r, d, p) => d.Rules = r.List(p, RuleMap),
    };

    private T Read<T>(JObject o, Dictionary<string, Action<PolicyDocumentReader, T, JProperty>> map)
        where T : new()
    {
        var item = new T();
        foreach (var p in o.Properties())
        {
            if (map.TryGetValue(p.Name, out var set))
            {
                set(this, item, p);
            }
            else
            {
                Unknown(p);
            }
        }

        return item;
    }

    private void Problem(JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        _problems.Add(info.HasLineInfo()
            ? new PolicyProblem(token.Path, message, info.LineNumber, info.LinePosition)
            : new PolicyProblem(token.Path, message));
    }

    private void Unknown(JProperty p) => Problem(p, "Unknown property '" + p.Name + "'; see docs/policy-format.md for the properties a policy file has.");

    private string? Text(JProperty p)
    {
        switch (p.Value.Type)
        {
            case JTokenType.String:
                return (string?)p.Value;
            case JTokenType.Null:
                return null;
            default:
                Problem(p.Value, "Expected a string, found " + Describe(p.Value) + ".");
                return null;
        }
    }

    private int Integer(JProperty p)
    {
        if (p.Value.Type == JTokenType.Integer && p.Value is JValue value && value.Value is long number && number >= int.MinValue && number <= int.MaxValue)
        {
            return (int)number;
        }

        Problem(p.Value, "Expected a whole number, found " + Describe(p.Value) + ".");
        return 0;
    }

    private List<string>? Texts(JProperty p)
    {
        if (p.Value.Type == JTokenType.Null)
        {
            return null;
        }

        if (!(p.Value is JArray array))
        {
            Problem(p.Value, "Expected a list of strings, found " + Describe(p.Value) + ".");
            return null;
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String)
            {
                result.Add((string)item!);
            }
            else
            {
                Problem(item, "Expected a string, found " + Describe(item) + ".");
            }
        }

        return result;
    }

    private T? Object<T>(JProperty p, Dictionary<string, Action<PolicyDocumentReader, T, JProperty>> map)
        where T : class, new()
    {
        if (p.Value.Type == JTokenType.Null)
        {
            return null;
        }

        if (p.Value is JObject o)
        {
            return Read(o, map);
        }

        Problem(p.Value, "Expected an object, found " + Describe(p.Value) + ".");
        return null;
    }

    private List<T>? List<T>(JProperty p, Dictionary<string, Action<PolicyDocumentReader, T, JProperty>> map)
        where T : class, new()
    {
        if (p.Value.Type == JTokenType.Null)
        {
            return null;
        }

        if (!(p.Value is JArray array))
        {
            Problem(p.Value, "Expected a list of objects, found " + Describe(p.Value) + ".");
            return null;
        }

        var result = new List<T>(array.Count);
        foreach (var item in array)
        {
            if (item is JObject o)
            {
                result.Add(Read(o, map));
            }
            else
            {
                Problem(item, "Expected an object, found " + Describe(item) + ".");
            }
        }

        return result;
    }

    private static string Describe(JToken token) =>
        token.Type switch
        {
            JTokenType.Integer => "the number " + token.ToString(Formatting.None),
            JTokenType.Float => "the number " + token.ToString(Formatting.None),
            JTokenType.String => "the string " + token.ToString(Formatting.None),
            JTokenType.Boolean => token.ToString(Formatting.None),
            JTokenType.Array => "a list",
            JTokenType.Object => "an object",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
}
