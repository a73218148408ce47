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

/// <summary>
/// What a string value (or each string of a list) must look like, as the schema's <c>$defs</c> say: <c>Text</c> is
/// <c>#/$defs/text</c> (not blank), <c>Id</c> is <c>#/$defs/id</c> (not blank, no blanks inside), <c>Country</c> an
/// ISO 3166-1 alpha-2 code in capitals; <c>Any</c> leaves the check to the builder (dates, enums, references).
/// </summary>
internal enum TextShape
{
    Any,
    Text,
    Id,
    Country,
}

/// <summary>One property of an object of the policy format; <c>Element</c> is the object every value is, for objects and lists.</summary>
internal sealed record FieldSpec(string Name, FieldKind Kind, ObjectSpec? Element = null, TextShape Shape = TextShape.Any);

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

    public static readonly ObjectSpec Source = new ObjectSpec("source", Text("title"), Text("language"), Text("document"), Text("url"), Plain("retrieved"));

    /// <summary>The kinds of statement a source document has (the schema's enum for statements[].kind; a test ties them).</summary>
    public static readonly string[] StatementKinds = { "Sentence", "TableCell", "TableRow", "TableHeader", "Heading", "Footnote" };

    public static readonly ObjectSpec Statement = new ObjectSpec("statement", Id("id"), Integer("line"), Text("section"), Plain("kind"), Text("text"), Text("english"));

    public static readonly ObjectSpec Region = new ObjectSpec("region", Id("code"), Text("name"), Text("nameNl"), Texts("aliases"), Countries("countries"), Plain("basis"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Product = new ObjectSpec("product", Text("name"), Texts("aliases"), Plain("basis"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Category = new ObjectSpec("category", Id("id"), Text("name"), Text("nameNl"), Texts("aliases"), Plain("definition"), Texts("notes"), Texts("sources"));

    public static readonly ObjectSpec Residency = new ObjectSpec("residency", Text("product"), Text("category"), Text("term"), Texts("regions"), Plain("activity"), Texts("platforms"), Plain("basis"), Texts("notes"), Text("conflict"), Texts("sources"));

    public static readonly ObjectSpec Subject = new ObjectSpec("subject", Id("id"), Text("name"), Text("nameNl"), Texts("aliases"), Plain("activity"), Texts("sources"));

    public static readonly ObjectSpec Period = new ObjectSpec("period", Integer("value"), Plain("unit"), Text("text"));

    public static readonly ObjectSpec Retention = new ObjectSpec("retention", Id("id"), Text("subject"), Texts("products"), Texts("hostingRegions"), Text("storage"),
        Object("period", Period), Plain("after"), Plain("afterRegion"), Text("afterDelay"), Plain("basis"), Texts("notes"), Text("conflict"), Texts("sources"));

    public static readonly ObjectSpec Rule = new ObjectSpec("rule", Id("id"), Plain("when"), Texts("products"), Texts("categories"), Texts("hostingRegions"), Plain("effect"),
        Plain("destination"), Object("duration", Period), Plain("activity"), Text("message"), Plain("basis"), Texts("sources"));

    public static readonly ObjectSpec Document = new ObjectSpec("policy", Plain("schemaVersion"), Text("vendor"), Text("policyVersion"), Plain("effectiveDate"),
        Object("source", Source), List("statements", Statement), List("regions", Region), List("products", Product), List("categories", Category),
        List("residency", Residency), List("subjects", Subject), List("retention", Retention), List("rules", Rule), Texts("securityMeasures"));

    private static FieldSpec Plain(string name) => new FieldSpec(name, FieldKind.Text);

    private static FieldSpec Text(string name) => new FieldSpec(name, FieldKind.Text, Shape: TextShape.Text);

    private static FieldSpec Id(string name) => new FieldSpec(name, FieldKind.Text, Shape: TextShape.Id);

    private static FieldSpec Countries(string name) => new FieldSpec(name, FieldKind.Texts, Shape: TextShape.Country);

    private static FieldSpec Texts(string name) => new FieldSpec(name, FieldKind.Texts);

    private static FieldSpec Integer(string name) => new FieldSpec(name, FieldKind.Integer);

    private static FieldSpec Object(string name, ObjectSpec element) => new FieldSpec(name, FieldKind.Object, element);

    private static FieldSpec List(string name, ObjectSpec element) => new FieldSpec(name, FieldKind.List, element);
}
