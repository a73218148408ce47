using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Waivers;

/// <summary>
/// Reads a waiver file (Get-Help about_ResidencyPS_Waivers, waiver.schema.json) against a policy: every problem
/// (unknown property, missing justification or expiry, a name the policy does not know) at its line, all at once.
/// </summary>
internal static class WaiverLoader
{
    /// <summary>What the file is called in messages.</summary>
    public const string What = "waiver file";

    /// <summary>The verdicts a waiver may name: Within needs no waiver; NotEvaluated rows are faults of the input.</summary>
    public static readonly Verdict[] WaivableVerdicts = { Verdict.Transient, Verdict.Outside, Verdict.Unknown };

    /// <summary>
    /// A statement a waiver was reviewed against: its id and the SHA-256 of its words then (Get-PolicyStatement shows both).
    /// A blank value is refused where it stands, so only an absent field is reported as missing.
    /// </summary>
    public static readonly ObjectSpec ReviewedStatementSpec = new ObjectSpec("reviewed statement", new FieldSpec("id", FieldKind.Text, Shape: TextShape.Text),
        new FieldSpec("sha256", FieldKind.Text, Shape: TextShape.Text));

    public static readonly ObjectSpec WaiverSpec = new ObjectSpec("waiver", new FieldSpec("product", FieldKind.Text), new FieldSpec("dataCategory", FieldKind.Text),
        new FieldSpec("verdict", FieldKind.Text), new FieldSpec("justification", FieldKind.Text), new FieldSpec("approvedBy", FieldKind.Text),
        new FieldSpec("expires", FieldKind.Text), new FieldSpec("policySha256", FieldKind.Text), new FieldSpec("statements", FieldKind.List, ReviewedStatementSpec));

    public static readonly ObjectSpec Document = new ObjectSpec("waiver file", new FieldSpec("waivers", FieldKind.List, WaiverSpec));

    /// <summary>
    /// Loads <paramref name="path"/>; <paramref name="wildcard"/> turns a pattern into a name test (PowerShell's wildcard
    /// rules, given by the caller so the engine needs no PowerShell type); <paramref name="now"/> decides which waivers
    /// have expired (see <see cref="WaiverSet"/>). Throws <see cref="PolicyValidationException"/>.
    /// </summary>
    public static WaiverSet LoadFile(string path, ResidencyPolicy policy, Func<string, Func<string, bool>?> wildcard, DateTime now)
    {
        var json = PolicyLoader.ReadObjectFile(path, What, out var sha256);
        var origin = new System.IO.FileInfo(path).FullName;
        var problems = new ProblemList();
        var document = PolicyNode.Read(json, Document, problems);
        var waivers = new List<Waiver>();
        var items = document.List("waivers");
        if (items == null)
        {
            document.Problem("waivers", "A waiver file holds a list 'waivers' (it may be empty).");
        }

        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var node = items![i];
            var product = PlainName(node, "product", Text(node, "product", "A product (a name, an alias or a wildcard such as *) is required."));
            var category = PlainName(node, "dataCategory", Text(node, "dataCategory", "A data category (a name, an alias or a wildcard such as *) is required."));
            var justification = Text(node, "justification", "A justification is required: say why the result was accepted.");
            var products = Names(policy.ProductIndex, node, "product", product, "product", p => p.Name, wildcard);
            var categories = Names(policy.CategoryIndex, node, "dataCategory", category, "data category", c => c.DataCategory, wildcard);
            Verdict? verdict = null;

            // "verdict": null would read as absent and cover every verdict; the schema refuses it, and so does the loader.
            if (node.IsNull("verdict"))
            {
                node.Problem("verdict", "null is not a verdict a waiver covers; accepted: " + string.Join(", ", WaivableVerdicts) + " (or leave it out).");
            }
            else if (node.Text("verdict") is string verdictText)
            {
                // One name exactly, as in a policy: Enum.TryParse adds up a comma list ("Transient,Outside" is Unknown, a
                // verdict the author never named) and forgives blanks and numbers.
                var named = WaivableVerdicts.Where(v => string.Equals(v.ToString(), verdictText, StringComparison.Ordinal)).ToList();
                if (named.Count == 1)
                {
                    verdict = named[0];
                }
                else
                {
                    node.Problem("verdict", "'" + verdictText + "' is not a verdict a waiver covers; accepted: " + string.Join(", ", WaivableVerdicts) + " (or leave it out).");
                }
            }

            var expires = DateTime.MinValue;
            var expiresText = Text(node, "expires", "An expiry date (yyyy-MM-dd) is required: a waiver is reviewed again when it expires.");
            if (expiresText.Length > 0 && !IsoDate.TryParseDay(expiresText, out expires))
            {
                node.Problem("expires", "'" + expiresText + "' is not a date; write it as yyyy-MM-dd, for example 2027-06-30.");
            }

            waivers.Add(new Waiver(i, product, category, verdict, justification, node.Text("approvedBy"), expires, products, categories, Invalidated(node, policy)));
        }

        if (problems.Count > 0)
        {
            throw new PolicyValidationException(origin, problems.ToReport(), What);
        }

        return new WaiverSet(origin, waivers, now, sha256);
    }

    // What a waiver was reviewed against and no longer holds: the policy's SHA-256, or a statement's words (its SHA-256),
    // or a statement that is gone. A reviewed exception stops applying when what was reviewed changes; it says why.
    private static string? Invalidated(PolicyNode node, ResidencyPolicy policy)
    {
        var reasons = new List<string>();

        // null would read as absent, and the waiver would apply whatever changed: refused, as "verdict": null is.
        foreach (var field in new[] { "policySha256", "statements" })
        {
            if (node.IsNull(field))
            {
                node.Problem(field, "null is not what a waiver was reviewed against; name it, or leave '" + field + "' out.");
            }
        }

        if (node.Text("policySha256") is string pinned)
        {
            if (!Hashing.IsSha256(pinned))
            {
                node.Problem("policySha256", "'" + pinned + "' is not a SHA-256: 64 hexadecimal digits, lowercase, as Get-ResidencyPolicy shows the policy's Sha256.");
            }
            else if (pinned != policy.Sha256)
            {
                reasons.Add("it was reviewed against the policy with SHA-256 " + Hashing.Short(pinned) + "..., and the policy now has " + Hashing.Short(policy.Sha256) + "...");
            }
        }

        if (node.List("statements") is IReadOnlyList<PolicyNode> statements)
        {
            if (statements.Count == 0)
            {
                node.Problem("statements", "The list of reviewed statements is empty: name each statement the waiver was reviewed against (its id and sha256), or leave 'statements' out.");
            }

            foreach (var reviewed in statements)
            {
                var id = reviewed.Required("id", "A reviewed statement names its id, as Get-PolicyStatement shows it.");
                const string Sha256Form = ": 64 hexadecimal digits, lowercase, as Get-PolicyStatement shows the statement's Sha256 when it is reviewed.";
                var sha256 = reviewed.Required("sha256", "A reviewed statement names its sha256" + Sha256Form);
                if (sha256.Length > 0 && !Hashing.IsSha256(sha256))
                {
                    reviewed.Problem("sha256", "'" + sha256 + "' is not a SHA-256" + Sha256Form);
                }
                else if (sha256.Length > 0 && id.Length > 0)
                {
                    // Ids are matched exactly, as the hash is: s3 and S3 may be two statements.
                    var statement = policy.Statements.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
                    if (statement == null)
                    {
                        reasons.Add("statement '" + id + "' it was reviewed against is not in the policy (removed since, or misspelt)");
                    }
                    else if (statement.Sha256 != sha256)
                    {
                        reasons.Add("statement '" + id + "' (line " + statement.Line + ") changed since it was reviewed");
                    }
                }
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    // A name with an invisible character matches nothing it seems to name: refused as in a policy, not left to match nothing.
    private static string PlainName(PolicyNode node, string field, string value)
    {
        if (value.Length > 0 && PolicyBuilder.Invisible(value) is string problem)
        {
            node.Problem(field, problem);
            return string.Empty;
        }

        return value;
    }

    private static string Text(PolicyNode node, string field, string message)
    {
        var value = node.Text(field);

        // Zero-width spaces and the like are no text: a justification of only U+200B is no justification.
        if (!ResidencyPS.Engine.Text.InertText.HasVisibleText(value))
        {
            node.Problem(field, message);
            return string.Empty;
        }

        return value!.Trim();
    }

    private static HashSet<string> Names<T>(NameIndex<T> index, PolicyNode node, string field, string pattern, string what, Func<T, string> name,
        Func<string, Func<string, bool>?> wildcard)
        where T : class
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (pattern.Length == 0)
        {
            return result;
        }

        Func<string, bool>? isMatch;
        try
        {
            isMatch = wildcard(pattern);

            // A pattern is parsed when first used: use it once here, so a bad one (Fresh[) is a located problem, not a crash later.
            isMatch?.Invoke(string.Empty);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            node.Problem(field, "'" + pattern + "' is not a valid wildcard pattern: " + ex.Message);
            return result;
        }

        if (isMatch != null)
        {
            result.UnionWith(index.Match(isMatch).Select(name));
        }
        else if (index.Find(pattern) is T item)
        {
            result.Add(name(item));
        }
        else if (node.ProblemsFull)
        {
            node.Problem(field, string.Empty); // only counted: no suggestions are computed for a problem nobody is shown
        }
        else
        {
            var suggestions = index.Suggest(pattern);
            node.Problem(field, "No " + what + " is named '" + pattern + "' in the policy" + (suggestions.Count > 0 ? "; did you mean " + string.Join(" or ", suggestions.Select(s => "'" + s + "'")) + "?" : ".")
                + " Accepted: " + NameSample.Of(index.Items) + ", their aliases, or a wildcard.");
        }

        return result;
    }
}
