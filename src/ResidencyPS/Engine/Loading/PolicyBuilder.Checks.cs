using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Loading;

internal sealed partial class PolicyBuilder
{
    private static string Required(PolicyNode node, string field) =>
        node.Required(field, Missing.TryGetValue(node.Spec.Name + "." + field, out var what) ? "A value is required here: " + what + "." : "A value is required here.");

    /// <summary>
    /// A required name (a product, region, category or subject name, id or code). Lookups ignore surrounding blanks,
    /// so a name that has them could never be asked for literally: it is refused, not trimmed behind the author's back.
    /// </summary>
    private static string Name(PolicyNode node, string field)
    {
        var value = Required(node, field);
        if (value.Length > 0 && value.Trim().Length != value.Length)
        {
            node.Problem(field, "The name '" + value + "' begins or ends with a blank; remove it.");
        }
        else if (Invisible(value) is string problem)
        {
            node.Problem(field, problem);
        }

        return value;
    }

    /// <summary>
    /// Why a name holding an invisible character (zero-width, soft hyphen, a bidirectional override that shows
    /// "\u202eedsehserF" as "Freshesde", a tag character) is refused; null for plain text. Such a name looks like another one.
    /// </summary>
    internal static string? Invisible(string name)
    {
        var at = Text.InertText.FirstInvisible(name);
        return at < 0 ? null : "The name '" + Text.InertText.Escape(name) + "' holds the invisible or direction-changing character "
            + Text.InertText.CodePoint(name, at) + ", so it would show as another name; write it in plain text.";
    }

    /// <summary>Optional names (aliases, countries), each held to the same rule as <see cref="Name"/>.</summary>
    private static IReadOnlyList<string> NameValues(PolicyNode node, string field)
    {
        var values = node.Texts(field) ?? Array.Empty<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Trim().Length != values[i].Length && values[i].Trim().Length > 0)
            {
                node.Problem(field, i, "The name '" + values[i] + "' begins or ends with a blank; remove it.");
            }
            else if (Invisible(values[i]) is string problem)
            {
                node.Problem(field, i, problem);
            }
        }

        return Strings(node, field);
    }

    /// <summary>
    /// What a missing value or an empty list of the format holds, by object and property, so that the loader's refusal of a
    /// file with gaps (a starting policy from New-ResidencyPolicy has them all) says what to add as well as where.
    /// </summary>
    private static readonly Dictionary<string, string> Missing = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["policy.vendor"] = "the vendor's name",
        ["policy.policyVersion"] = "the version of this policy's content, yours to choose, such as 1.0",
        ["source.title"] = "the title of the vendor's document, as it was published",
        ["source.language"] = "the ISO 639-1 code of the language of the vendor's text, such as nl",
        ["source.document"] = "the file name of the vendor's text",
        ["statement.id"] = "an id of one word, such as line-0007, that facts cite in their sources",
        ["statement.section"] = "the heading the statement stands under in the vendor's text, or (no heading)",
        ["statement.kind"] = "Sentence, TableCell, TableRow, TableHeader, Heading or Footnote",
        ["statement.text"] = "the statement's words, verbatim from the vendor's text",
        ["statement.english"] = "the statement's text in English",
        ["residency.term"] = "the vendor's own words for this data",
        ["rule.message"] = "what the rule means for the data, in English",
        ["policy.statements"] = "a statement quotes a sentence, table cell or heading of the vendor's text (id, line, section, kind, text, english)",
        ["policy.regions"] = "add each hosting region the vendor's text names (code, name, nameNl, countries, basis, sources)",
        ["policy.products"] = "add each product the vendor's text names (name, basis, sources)",
        ["policy.categories"] = "add each kind of data the vendor's text names (id, name, nameNl, and a definition or sources)",
        ["policy.residency"] = "add where the vendor's text hosts each product's data (product, category, term, regions, basis, sources; regions [] where the text names no place)",
        ["policy.subjects"] = "add what the text's retention periods are about, such as logs or backups (id, name, nameNl, sources)",
        ["policy.retention"] = "add how long and where the text says each subject is kept (id, subject, products, storage, period, after, basis, sources)",
        ["policy.rules"] = "add the EEA boundary rules the text states (id, when, effect, message, basis, sources)",
    };

    private static IReadOnlyList<PolicyNode> Each(PolicyNode node, string field)
    {
        var items = node.List(field);
        if (items == null || items.Count == 0)
        {
            node.Problem(field, Missing.TryGetValue(node.Spec.Name + "." + field, out var what) ? "At least one entry is required: " + what + "." : "At least one entry is required.");
            return Array.Empty<PolicyNode>();
        }

        return items;
    }

    private static IReadOnlyList<string> Strings(PolicyNode node, string field) =>
        node.Texts(field) is IReadOnlyList<string> values ? values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray() : Array.Empty<string>();

    private static IEnumerable<string> Names(string first, string? second, string? third, IReadOnlyList<string> aliases)
    {
        yield return first;
        if (second != null)
        {
            yield return second;
        }

        if (third != null)
        {
            yield return third;
        }

        foreach (var alias in aliases)
        {
            yield return alias;
        }
    }

    /// <summary>An optional enum field: <paramref name="absent"/> when the field is not there, else exactly one accepted name.</summary>
    private static T OptionalEnum<T>(PolicyNode node, string field, T absent)
        where T : struct => node.Text(field) == null ? absent : ParseEnum<T>(node, field);

    private static T ParseEnum<T>(PolicyNode node, string field)
        where T : struct
    {
        // Basis.NotEvaluated marks results of inputs that could not be evaluated; a fact of a policy always has a basis.
        var accepted = Enum.GetNames(typeof(T)).Where(n => !(typeof(T) == typeof(Basis) && n == nameof(Basis.NotEvaluated))).ToArray();
        var value = node.Text(field);
        if (value != null && accepted.Contains(value, StringComparer.Ordinal) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed))
        {
            return parsed;
        }

        node.Problem(field, (value == null ? "A value is required here" : "'" + value + "' is not valid") + "; accepted: " + string.Join(", ", accepted) + ".");
        return default;
    }

    private PolicyStatement? Statement(PolicyNode node, string field, string id, int? index = null)
    {
        if (_statements.TryGetValue(id, out var statement))
        {
            return statement;
        }

        Problem(node, field, index, "No statement has the id '" + id + "'.");
        return null;
    }

    private IReadOnlyList<PolicyStatement> Sources(PolicyNode node, bool required)
    {
        var ids = node.Texts("sources");
        if (ids == null || ids.Count == 0)
        {
            if (required)
            {
                node.Problem("sources", "Every fact must cite at least one statement of the source document.");
            }

            return Array.Empty<PolicyStatement>();
        }

        return Statements(node, "sources", ids);
    }

    /// <summary>The statements a list of ids names, each id the policy lacks a problem at its place in the list.</summary>
    private IReadOnlyList<PolicyStatement> Statements(PolicyNode node, string field, IReadOnlyList<string> ids) =>
        ids.Select((id, i) => Statement(node, field, id, i)).Where(s => s != null).Select(s => s!).ToArray();

    private static T? Reference<T>(NameIndex<T> index, PolicyNode node, string field, string what)
        where T : class => Reference(index, node, field, null, node.Text(field), what);

    private static T? Reference<T>(NameIndex<T> index, PolicyNode node, string field, int? position, string? name, string what)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem(node, field, position, "A " + what + " is required here.");
            return null;
        }

        var item = index.Find(name!);
        if (item == null)
        {
            Problem(node, field, position, "No " + what + " is named '" + name + "'; accepted: " + NameSample.Of(index.Items) + ".");
        }

        return item;
    }

    /// <summary>The items a list of names refers to, each checked at its own position; unknown names are problems and left out.</summary>
    private static List<T> References<T>(NameIndex<T> index, PolicyNode node, string field, string what)
        where T : class =>
        (node.Texts(field) ?? Array.Empty<string>()).Select((name, i) => Reference(index, node, field, i, name, what)).Where(r => r != null).Select(r => r!).ToList();

    private string? RegionCode(PolicyNode node, string field) => node.Text(field) is string name ? Reference(_regions, node, field, "region")?.Code : null;

    private IReadOnlyList<string> RegionCodes(PolicyNode node, string field) => References(_regions, node, field, "region").Select(r => r.Code).ToArray();

    private static void Problem(PolicyNode node, string field, int? index, string message)
    {
        if (index is int i)
        {
            node.Problem(field, i, message);
        }
        else
        {
            node.Problem(field, message);
        }
    }
}
