using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ResidencyPS.Engine
{
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
            var document = reader.Document(root);
            return (document, reader._problems);
        }

        private PolicyDocument Document(JObject o)
        {
            var d = new PolicyDocument();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "schemaVersion": d.SchemaVersion = Text(p); break;
                    case "vendor": d.Vendor = Text(p); break;
                    case "policyVersion": d.PolicyVersion = Text(p); break;
                    case "effectiveDate": d.EffectiveDate = Text(p); break;
                    case "source": d.Source = Object(p, SourceDocument); break;
                    case "statements": d.Statements = List(p, Statement); break;
                    case "regions": d.Regions = List(p, Region); break;
                    case "products": d.Products = List(p, Product); break;
                    case "categories": d.Categories = List(p, Category); break;
                    case "residency": d.Residency = List(p, Residency); break;
                    case "subjects": d.Subjects = List(p, Subject); break;
                    case "retention": d.Retention = List(p, Retention); break;
                    case "rules": d.Rules = List(p, Rule); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private SourceDocumentDto SourceDocument(JObject o)
        {
            var d = new SourceDocumentDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "title": d.Title = Text(p); break;
                    case "language": d.Language = Text(p); break;
                    case "document": d.Document = Text(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private StatementDto Statement(JObject o)
        {
            var d = new StatementDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "id": d.Id = Text(p); break;
                    case "line": d.Line = Integer(p); break;
                    case "section": d.Section = Text(p); break;
                    case "kind": d.Kind = Text(p); break;
                    case "text": d.Text = Text(p); break;
                    case "english": d.English = Text(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private RegionDto Region(JObject o)
        {
            var d = new RegionDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "code": d.Code = Text(p); break;
                    case "name": d.Name = Text(p); break;
                    case "nameNl": d.NameNl = Text(p); break;
                    case "aliases": d.Aliases = Texts(p); break;
                    case "countries": d.Countries = Texts(p); break;
                    case "basis": d.Basis = Text(p); break;
                    case "notes": d.Notes = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private ProductDto Product(JObject o)
        {
            var d = new ProductDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "name": d.Name = Text(p); break;
                    case "aliases": d.Aliases = Texts(p); break;
                    case "basis": d.Basis = Text(p); break;
                    case "notes": d.Notes = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private CategoryDto Category(JObject o)
        {
            var d = new CategoryDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "id": d.Id = Text(p); break;
                    case "name": d.Name = Text(p); break;
                    case "nameNl": d.NameNl = Text(p); break;
                    case "aliases": d.Aliases = Texts(p); break;
                    case "definition": d.Definition = Text(p); break;
                    case "notes": d.Notes = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private ResidencyDto Residency(JObject o)
        {
            var d = new ResidencyDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "product": d.Product = Text(p); break;
                    case "category": d.Category = Text(p); break;
                    case "term": d.Term = Text(p); break;
                    case "regions": d.Regions = Texts(p); break;
                    case "basis": d.Basis = Text(p); break;
                    case "notes": d.Notes = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private SubjectDto Subject(JObject o)
        {
            var d = new SubjectDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "id": d.Id = Text(p); break;
                    case "name": d.Name = Text(p); break;
                    case "nameNl": d.NameNl = Text(p); break;
                    case "aliases": d.Aliases = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private PeriodDto Period(JObject o)
        {
            var d = new PeriodDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "value": d.Value = Integer(p); break;
                    case "unit": d.Unit = Text(p); break;
                    case "text": d.Text = Text(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private RetentionDto Retention(JObject o)
        {
            var d = new RetentionDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "id": d.Id = Text(p); break;
                    case "subject": d.Subject = Text(p); break;
                    case "products": d.Products = Texts(p); break;
                    case "hostingRegions": d.HostingRegions = Texts(p); break;
                    case "storage": d.Storage = Text(p); break;
                    case "period": d.Period = Object(p, Period); break;
                    case "after": d.After = Text(p); break;
                    case "afterRegion": d.AfterRegion = Text(p); break;
                    case "basis": d.Basis = Text(p); break;
                    case "notes": d.Notes = Texts(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
        }

        private RuleDto Rule(JObject o)
        {
            var d = new RuleDto();
            foreach (var p in o.Properties())
            {
                switch (p.Name)
                {
                    case "id": d.Id = Text(p); break;
                    case "when": d.When = Text(p); break;
                    case "products": d.Products = Texts(p); break;
                    case "categories": d.Categories = Texts(p); break;
                    case "hostingRegions": d.HostingRegions = Texts(p); break;
                    case "effect": d.Effect = Text(p); break;
                    case "destination": d.Destination = Text(p); break;
                    case "duration": d.Duration = Object(p, Period); break;
                    case "message": d.Message = Text(p); break;
                    case "basis": d.Basis = Text(p); break;
                    case "sources": d.Sources = Texts(p); break;
                    default: Unknown(p); break;
                }
            }

            return d;
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

        private T? Object<T>(JProperty p, Func<JObject, T> read)
            where T : class
        {
            if (p.Value.Type == JTokenType.Null)
            {
                return null;
            }

            if (p.Value is JObject o)
            {
                return read(o);
            }

            Problem(p.Value, "Expected an object, found " + Describe(p.Value) + ".");
            return null;
        }

        private List<T>? List<T>(JProperty p, Func<JObject, T> read)
            where T : class
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
                    result.Add(read(o));
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
}
