using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Loading;

/// <summary>What kind of JSON value a property of the policy format holds.</summary>
internal enum FieldKind
{
    Text,
    Texts,
    Integer,
    Object,
    List,
}

/// <summary>One property of an object of the policy format; <c>Element</c> is the object every value is, for objects and lists.</summary>
internal sealed record FieldSpec(string Name, FieldKind Kind, ObjectSpec? Element = null);

/// <summary>One object of the policy format: its properties, in the order the canonical JSON writes them.</summary>
internal sealed class ObjectSpec
{
    private readonly Dictionary<string, FieldSpec> _byName;

    public ObjectSpec(string name, params FieldSpec[] fields)
    {
        Name = name;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, System.StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<FieldSpec> Fields { get; }

    public FieldSpec? Find(string name) => _byName.TryGetValue(name, out var field) ? field : null;
}

/// <summary>
/// The one description of the policy file format in code: the reader checks every file against it (unknown
/// properties, wrong types, each with its line) and the writer writes the canonical JSON in its order.
/// policy.schema.json (shipped in the module folder) is the contract for editors and other tools; a test holds the two together.
/// </summary>
internal static class PolicyFormat
{
    /// <summary>A property editors use to find the schema; accepted anywhere at the top level, never written back.</summary>
    public const string SchemaReference = "$schema";

    /// <summary>The file name of the policy format's JSON Schema, shipped in the module folder.</summary>
    public const string SchemaFileName = "policy.schema.json";

    public static readonly ObjectSpec Source = new ObjectSpec("source", Text("title"), Text("language"), Text("document"), Text("url"), Text("retrieved"));

    /// <summary>The kinds of statement a source document has (the schema's enum for statements[].kind; a test ties them).</summary>
    public static readonly string[] StatementKinds = { "Sentence", "TableCell", "TableRow", "TableHeader", "Heading", "Footnote" };

    public static readonly ObjectSpec Statement = new ObjectSpec("statement", Text("id"), Integer("line"), Text("section"), Text("kind"), Text("text"), Text("english"));

    public static readonly ObjectSpec Region = new ObjectSpec("region", Text("code"), Text("name"), Text("nameNl"), Texts("aliases"), Texts("countries"), Text("basis"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Product = new ObjectSpec("product", Text("name"), Texts("aliases"), Text("basis"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Category = new ObjectSpec("category", Text("id"), Text("name"), Text("nameNl"), Texts("aliases"), Text("definition"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Residency = new ObjectSpec("residency", Text("product"), Text("category"), Text("term"), Texts("regions"), Text("activity"), Texts("platforms"), Text("basis"), Texts("notes"), Text("conflict"), Texts("sources"));

    public static readonly ObjectSpec Subject = new ObjectSpec("subject", Text("id"), Text("name"), Text("nameNl"), Texts("aliases"), Texts("sources"));

    public static readonly ObjectSpec Period = new ObjectSpec("period", Integer("value"), Text("unit"), Text("text"));

    public static readonly ObjectSpec Retention = new ObjectSpec("retention", Text("id"), Text("subject"), Texts("products"), Texts("hostingRegions"), Text("storage"),
        Object("period", Period), Text("after"), Text("afterRegion"), Text("afterDelay"), Text("basis"), Texts("notes"), Text("conflict"), Texts("sources"));

    public static readonly ObjectSpec Rule = new ObjectSpec("rule", Text("id"), Text("when"), Texts("products"), Texts("categories"), Texts("hostingRegions"), Text("effect"),
        Text("destination"), Object("duration", Period), Text("activity"), Text("message"), Text("basis"), Texts("sources"));

    public static readonly ObjectSpec Document = new ObjectSpec("policy", Text("schemaVersion"), Text("vendor"), Text("policyVersion"), Text("effectiveDate"),
        Object("source", Source), List("statements", Statement), List("regions", Region), List("products", Product), List("categories", Category),
        List("residency", Residency), List("subjects", Subject), List("retention", Retention), List("rules", Rule));

    private static FieldSpec Text(string name) => new FieldSpec(name, FieldKind.Text);

    private static FieldSpec Texts(string name) => new FieldSpec(name, FieldKind.Texts);

    private static FieldSpec Integer(string name) => new FieldSpec(name, FieldKind.Integer);

    private static FieldSpec Object(string name, ObjectSpec element) => new FieldSpec(name, FieldKind.Object, element);

    private static FieldSpec List(string name, ObjectSpec element) => new FieldSpec(name, FieldKind.List, element);
}
