using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>A person or body the Article 30 record names: the controller, its representative or its DPO.</summary>
internal sealed record Party(string Name, string Contact)
{
    /// <summary>As the record shows the party: "Example B.V., privacy@example.com".</summary>
    public override string ToString() => Name + ", " + Contact;
}

/// <summary>The controller's answers for one product, or for every product ("*"); a field left out is null.</summary>
internal sealed record ProcessingAnswers(string? Purposes, string? DataSubjects, string? Recipients, string? LegalBasis)
{
    /// <summary>This product's answers, each field falling back to <paramref name="all"/>'s.</summary>
    public ProcessingAnswers Over(ProcessingAnswers? all) =>
        all == null ? this : new ProcessingAnswers(Purposes ?? all.Purposes, DataSubjects ?? all.DataSubjects, Recipients ?? all.Recipients, LegalBasis ?? all.LegalBasis);
}

/// <summary>
/// What only the controller knows for its GDPR Article 30 record (Art. 30(1)(a)-(d)): its name and contact details,
/// its representative and DPO, and per product (or for all, "*") the purposes, the categories of data subjects, the
/// recipients and the legal basis of the transfers. Read from an answers file (controller.schema.json); every fact in
/// the record that comes from it is marked as the controller's.
/// </summary>
internal sealed class ControllerAnswers
{
    /// <summary>What the file is called in messages.</summary>
    public const string What = "controller answers file";

    /// <summary>The product entry that answers for every product.</summary>
    public const string AllProducts = "*";

    private static readonly ObjectSpec PartySpec = new ObjectSpec("party", Text("name"), Text("contact"));

    private static readonly ObjectSpec ProcessingSpec = new ObjectSpec("processing", Text("product"), Text("purposes"), Text("dataSubjects"), Text("recipients"), Text("legalBasis"));

    /// <summary>The file's format, checked as a policy is: unknown properties, wrong types and blank texts at their line.</summary>
    public static readonly ObjectSpec Document = new ObjectSpec("controller answers file", new FieldSpec("controller", FieldKind.Object, PartySpec),
        new FieldSpec("representative", FieldKind.Object, PartySpec), new FieldSpec("dpo", FieldKind.Object, PartySpec), new FieldSpec("processing", FieldKind.List, ProcessingSpec));

    private readonly Dictionary<string, ProcessingAnswers> _byProduct;

    private ControllerAnswers(string origin, string sha256, Party controller, Party? representative, Party? dpo, Dictionary<string, ProcessingAnswers> byProduct)
    {
        Origin = origin;
        Sha256 = sha256;
        Controller = controller;
        Representative = representative;
        Dpo = dpo;
        _byProduct = byProduct;
    }

    /// <summary>The file's full path.</summary>
    public string Origin { get; }

    /// <summary>The SHA-256 of the bytes read.</summary>
    public string Sha256 { get; }

    public Party Controller { get; }

    public Party? Representative { get; }

    public Party? Dpo { get; }

    /// <summary>The answers for <paramref name="product"/>: its own entry over the "*" entry; null when neither answers.</summary>
    public ProcessingAnswers? For(string product)
    {
        _byProduct.TryGetValue(AllProducts, out var all);
        return _byProduct.TryGetValue(product, out var own) ? own.Over(all) : all;
    }

    /// <summary>Loads <paramref name="path"/> against <paramref name="policy"/>'s products. Throws <see cref="PolicyValidationException"/> naming every problem.</summary>
    public static ControllerAnswers LoadFile(string path, ResidencyPolicy policy)
    {
        var json = PolicyLoader.ReadObjectFile(path, What, out var sha256);
        var problems = new ProblemList();
        var document = PolicyNode.Read(json, Document, problems);
        // The controller cannot be left out: its null is told once, as the controller being required (below).
        foreach (var field in Document.Fields.Select(f => f.Name).Where(f => f != "controller" && document.IsNull(f)))
        {
            document.Problem(field, "null is not a value here; leave the property out instead.");
        }

        var controller = Party(document, "controller", required: true);
        var representative = Party(document, "representative", required: false);
        var dpo = Party(document, "dpo", required: false);
        var byProduct = new Dictionary<string, ProcessingAnswers>(StringComparer.OrdinalIgnoreCase);
        var items = document.List("processing") ?? Array.Empty<PolicyNode>();
        foreach (var node in items)
        {
            var given = node.Text("product")?.Trim();
            if (given == null)
            {
                if (!node.Has("product"))
                {
                    node.Problem("product", "A product is required: a product of the policy, or * for every product.");
                }

                continue;
            }

            var product = given == AllProducts ? AllProducts : policy.ProductIndex.Find(given)?.Name;
            if (product == null)
            {
                node.Problem("product", "The policy has no product named '" + InertText.Escape(given) + "'; accepted: " + AllProducts + ", "
                    + NameSample.Of(policy.ProductIndex.Items) + ".");
                continue;
            }

            var answers = new ProcessingAnswers(Visible(node, "purposes"), Visible(node, "dataSubjects"), Visible(node, "recipients"), Visible(node, "legalBasis"));
            if (answers.Purposes == null && answers.DataSubjects == null && answers.Recipients == null && answers.LegalBasis == null)
            {
                // A field that is there but was refused has its own problem already.
                if (!Answers.Any(node.Has))
                {
                    node.Problem("An entry answers at least one of purposes, dataSubjects, recipients and legalBasis.");
                }
            }
            else if (byProduct.ContainsKey(product))
            {
                node.Problem("product", "'" + product + "' is answered twice; give each product (and *) one entry.");
            }
            else
            {
                byProduct.Add(product, answers);
            }
        }

        var origin = new System.IO.FileInfo(path).FullName;
        if (problems.Count > 0)
        {
            throw new PolicyValidationException(origin, problems, What);
        }

        return new ControllerAnswers(origin, sha256, controller!, representative, dpo, byProduct);
    }

    private static Party? Party(PolicyNode document, string field, bool required)
    {
        if (document.Object(field) is not PolicyNode node)
        {
            if (required && !document.Has(field))
            {
                document.Problem(field, "The controller (its name and contact details, GDPR Art. 30(1)(a)) is required.");
            }

            return null;
        }

        var name = Visible(node, "name");
        var contact = Visible(node, "contact");
        foreach (var missing in new[] { ("name", name), ("contact", contact) }.Where(p => p.Item2 == null && !node.Has(p.Item1)))
        {
            node.Problem(missing.Item1, "A " + missing.Item1 + " is required for the " + field + ".");
        }

        return name == null || contact == null ? null : new Party(name, contact);
    }

    private static readonly string[] Answers = { "purposes", "dataSubjects", "recipients", "legalBasis" };

    // An answer the record shows as the controller's must say something: text of only invisible characters (zero-width
    // spaces) is refused, null too; format characters elsewhere (a right-to-left override) are shown as \uXXXX.
    private static string? Visible(PolicyNode node, string field)
    {
        if (node.IsNull(field))
        {
            node.Problem(field, "null is not a value here; leave the property out instead.");
            return null;
        }

        var text = node.Text(field);
        if (text == null)
        {
            return null;
        }

        if (!InertText.HasVisibleText(text))
        {
            node.Problem(field, "The text shows nothing (only invisible characters); write the answer, or leave the property out.");
            return null;
        }

        return InertText.Escape(text);
    }

    private static FieldSpec Text(string name) => new FieldSpec(name, FieldKind.Text, Shape: TextShape.Text);
}
