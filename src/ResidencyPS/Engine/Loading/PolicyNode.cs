using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// One object of a policy file, checked against <see cref="PolicyFormat"/> as it is read: unknown properties and
/// values of the wrong type become problems at their own line and position, and only well-typed values remain.
/// No serializer is involved (42 is not "42"), and nothing in a file can name a .NET type to create.
/// </summary>
internal sealed class PolicyNode
{
    private readonly JObject _object;
    private readonly List<PolicyProblem> _problems;
    private readonly Dictionary<string, JToken> _values = new Dictionary<string, JToken>(System.StringComparer.Ordinal);
    private readonly Dictionary<string, object> _children = new Dictionary<string, object>(System.StringComparer.Ordinal);

    private PolicyNode(JObject value, ObjectSpec spec, List<PolicyProblem> problems)
    {
        // Validation honours Stop between objects, as the read honours it between blocks: a 4 MB file never holds Ctrl+C.
        (problems as ProblemList)?.Cancel.ThrowIfCancellationRequested();
        _object = value;
        Spec = spec;
        _problems = problems;
    }

    public ObjectSpec Spec { get; }

    /// <summary>The JSON path of this object, for example <c>residency[3]</c> (empty for the whole file).</summary>
    public string Path => _object.Path;

    /// <summary>Reads <paramref name="value"/> as a <paramref name="spec"/> object, adding what is wrong to <paramref name="problems"/>.</summary>
    public static PolicyNode Read(JObject value, ObjectSpec spec, List<PolicyProblem> problems)
    {
        var node = new PolicyNode(value, spec, problems);
        foreach (var property in value.Properties())
        {
            if (value.Parent == null && property.Name == PolicyFormat.SchemaReference)
            {
                node.Expect(property.Value, property.Value.Type == JTokenType.String, "a string");
                continue;
            }

            if (spec.Find(property.Name) is FieldSpec field)
            {
                node.Accept(field, property.Value);
            }
            else
            {
                node.Add(property, "Unknown property '" + property.Name + "' in a " + spec.Name + "; accepted: " + string.Join(", ", spec.Fields.Select(f => f.Name)) + ".");
            }
        }

        return node;
    }

    public string? Text(string name)
    {
        (_problems as ProblemList)?.Cancel.ThrowIfCancellationRequested();
        return _values.TryGetValue(name, out var token) ? (string?)token : null;
    }

    public int Integer(string name) => _values.TryGetValue(name, out var token) ? (int)(long)token : 0;

    /// <summary>The strings of a list (items of another type are problems and left out); null when absent.</summary>
    public IReadOnlyList<string>? Texts(string name) => _children.TryGetValue(name, out var list) ? (List<string>)list : null;

    public PolicyNode? Object(string name) => _children.TryGetValue(name, out var node) ? (PolicyNode)node : null;

    /// <summary>The objects of a list (items of another type are problems and left out); null when absent.</summary>
    public IReadOnlyList<PolicyNode>? List(string name) => _children.TryGetValue(name, out var list) ? (List<PolicyNode>)list : null;

    /// <summary>A problem with a property: at its value when present, else at this object.</summary>
    public void Problem(string field, string message)
    {
        if (_object.Property(field) is JProperty property)
        {
            Add(property.Value, message);
        }
        else
        {
            Add(_object, message, PathOf(field));
        }
    }

    /// <summary>A problem with one item of a list property.</summary>
    public void Problem(string field, int index, string message)
    {
        if (_object[field] is JArray array && index < array.Count)
        {
            Add(array[index], message);
        }
        else
        {
            Problem(field, message);
        }
    }

    /// <summary>
    /// The text of a required property, or empty when there is none: <paramref name="missing"/> is the problem of an absent
    /// one, while a value that is there but was refused (blank, wrong type) was reported by the reader at its own line.
    /// </summary>
    public string Required(string field, string missing)
    {
        var value = Text(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (!Has(field))
            {
                Problem(field, missing);
            }

            return string.Empty;
        }

        return value!;
    }

    /// <summary>Whether the property is present with a value other than null: a value the reader refused was reported where it stands.</summary>
    public bool Has(string field) => _object.Property(field) is JProperty property && property.Value.Type != JTokenType.Null;

    /// <summary>Whether the property is present with the value null (which the format otherwise reads as absent).</summary>
    public bool IsNull(string field) => _object.Property(field)?.Value.Type == JTokenType.Null;

    /// <summary>Whether the file's problems are already as many as are reported: a caller may skip costly words (suggestions) for one more.</summary>
    public bool ProblemsFull => _problems is ProblemList bounded && bounded.IsFull;

    /// <summary>A problem with this object as a whole.</summary>
    public void Problem(string message) => Add(_object, message);

    public string PathOf(string field) => Path.Length == 0 ? field : Path + "." + field;

    /// <summary>Writes this object in the format's order: the canonical JSON that Export-ResidencyPolicy writes and the SHA-256 covers.</summary>
    public void WriteTo(JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var field in Spec.Fields)
        {
            if (_values.TryGetValue(field.Name, out var token))
            {
                writer.WritePropertyName(field.Name);
                token.WriteTo(writer);
            }
            else if (_children.TryGetValue(field.Name, out var child))
            {
                writer.WritePropertyName(field.Name);
                switch (child)
                {
                    case PolicyNode node:
                        node.WriteTo(writer);
                        break;
                    case List<string> texts:
                        writer.WriteStartArray();
                        texts.ForEach(writer.WriteValue);
                        writer.WriteEndArray();
                        break;
                    case List<PolicyNode> nodes:
                        writer.WriteStartArray();
                        nodes.ForEach(n => n.WriteTo(writer));
                        writer.WriteEndArray();
                        break;
                }
            }
        }

        writer.WriteEndObject();
    }

    private void Accept(FieldSpec field, JToken value)
    {
        if (value.Type == JTokenType.Null)
        {
            return; // null is the same as absent
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                if (Expect(value, value.Type == JTokenType.String, "a string") && Printable(value) && Shaped(value, field.Shape))
                {
                    _values[field.Name] = value;
                }

                break;
            case FieldKind.Integer:
                if (Expect(value, value.Type == JTokenType.Integer && value is JValue { Value: long number } && number >= int.MinValue && number <= int.MaxValue, "a whole number"))
                {
                    _values[field.Name] = value;
                }

                break;
            case FieldKind.Texts:
                if (Expect(value, value is JArray, "a list of strings"))
                {
                    var texts = new List<string>();
                    foreach (var item in (JArray)value)
                    {
                        if (Expect(item, item.Type == JTokenType.String, "a string") && Printable(item) && Shaped(item, field.Shape))
                        {
                            texts.Add((string)item!);
                        }
                    }

                    _children[field.Name] = texts;
                }

                break;
            case FieldKind.Object:
                if (Expect(value, value is JObject, "an object"))
                {
                    _children[field.Name] = Read((JObject)value, field.Element!, _problems);
                }

                break;
            case FieldKind.List:
                if (Expect(value, value is JArray, "a list of objects"))
                {
                    var nodes = new List<PolicyNode>();
                    foreach (var item in (JArray)value)
                    {
                        if (Expect(item, item is JObject, "an object"))
                        {
                            nodes.Add(Read((JObject)item, field.Element!, _problems));
                        }
                    }

                    _children[field.Name] = nodes;
                }

                break;
        }
    }

    // Every text reaches a console, a report or a spreadsheet: a terminal escape (clear the screen, set the window
    // title) or a carriage return that overwrites a line must not ride along. Tab and newline are ordinary text.
    private bool Printable(JToken value)
    {
        var text = (string)value!;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t' && c != '\n')
            {
                Add(value, "The text holds the control character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                    + "; only tab and newline are allowed.");
                return false;
            }
        }

        return true;
    }

    // The schema's $defs/text, $defs/id and country pattern, checked here so that what an editor marks red never loads.
    private bool Shaped(JToken value, TextShape shape)
    {
        var text = (string)value!;
        switch (shape)
        {
            case TextShape.Text when string.IsNullOrWhiteSpace(text):
            case TextShape.Id when string.IsNullOrWhiteSpace(text):
                Add(value, "The text is blank; write a value, or leave the property out where it is optional.");
                return false;
            case TextShape.Id when text.Trim().Length != text.Length:
                Add(value, "The id " + Shorten(value.ToString(Formatting.None)) + " begins or ends with a blank; remove it.");
                return false;
            case TextShape.Id when text.Any(char.IsWhiteSpace):
                Add(value, "The id " + Shorten(value.ToString(Formatting.None)) + " holds a blank; an id is one word, such as 'hosting-1'.");
                return false;
            case TextShape.Country when !(text.Length == 2 && text.All(c => c >= 'A' && c <= 'Z')):
                Add(value, "The country " + Shorten(value.ToString(Formatting.None)) + " is not an ISO 3166-1 alpha-2 code; write two capital letters, such as NO or DE.");
                return false;
            default:
                return true;
        }
    }

    private bool Expect(JToken value, bool ok, string expected)
    {
        if (!ok)
        {
            Add(value, "Expected " + expected + ", found " + Describe(value) + ".");
        }

        return ok;
    }

    private void Add(JToken token, string message, string? path = null)
    {
        // A problem past the reported ones costs a count: its JSON path (a search of every list it is in, so quadratic
        // over a file of bad references: 412,000 of them took 140 s) is never computed.
        if (_problems is ProblemList full && full.IsFull)
        {
            full.CountDropped();
            return;
        }

        var info = (IJsonLineInfo)token;
        var problem = info.HasLineInfo()
            ? new PolicyProblem(path ?? token.Path, message, info.LineNumber, info.LinePosition)
            : new PolicyProblem(path ?? token.Path, message);
        if (_problems is ProblemList bounded)
        {
            bounded.Report(problem);
        }
        else
        {
            _problems.Add(problem);
        }
    }

    // A refused value is quoted so the author can find it, never in full: a 300 KB string is not a message.
    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 60) + "... (" + text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters)";

    private static string Describe(JToken token) =>
        token.Type switch
        {
            JTokenType.Integer => "the number " + token.ToString(Formatting.None),
            JTokenType.Float => "the number " + token.ToString(Formatting.None),
            JTokenType.String => "the string " + Shorten(token.ToString(Formatting.None)),
            JTokenType.Boolean => token.ToString(Formatting.None),
            JTokenType.Array => "a list",
            JTokenType.Object => "an object",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
}
