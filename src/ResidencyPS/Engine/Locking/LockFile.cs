using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Locking;

/// <summary>
/// Reads and writes lock files. A pin's policy is read as a policy file is, every problem at its line; a pin whose
/// SHA-256 is not that of its own policy (a hand edit) is refused, so a lock cannot claim a pin it does not hold.
/// </summary>
internal static class LockFile
{
    // Text fields refuse a blank value where it stands, as a policy's do (the schema's minLength), so Required reports only an absent one.
    private static readonly ObjectSpec PinSpec = new ObjectSpec("pin", new FieldSpec("vendor", FieldKind.Text, Shape: TextShape.Text),
        new FieldSpec("policyVersion", FieldKind.Text, Shape: TextShape.Text), new FieldSpec("sha256", FieldKind.Text, Shape: TextShape.Text),
        new FieldSpec("pinnedOn", FieldKind.Text, Shape: TextShape.Text), new FieldSpec("policy", FieldKind.Object, PolicyFormat.Document));

    private static readonly ObjectSpec Document = new ObjectSpec(PolicyLock.What, new FieldSpec("lockVersion", FieldKind.Text), new FieldSpec("policies", FieldKind.List, PinSpec));

    /// <summary>Reads <paramref name="path"/>; throws <see cref="PolicyValidationException"/> naming every problem.</summary>
    public static PolicyLock Read(string path, CancellationToken cancel = default)
    {
        var json = PolicyLoader.ReadObjectFile(path, PolicyLock.What, PolicyLock.MaxBytes, out _, cancel);
        var origin = new FileInfo(path).FullName;
        var problems = new ProblemList(cancel);
        var document = PolicyNode.Read(json, Document, problems);
        var pins = new List<Pin>();
        var items = document.List("policies");
        if (items == null)
        {
            document.Problem("policies", "A lock file holds a list 'policies' (it may be empty).");
        }

        foreach (var node in items ?? Array.Empty<PolicyNode>())
        {
            if (Pin(node, origin, problems) is Pin pin)
            {
                if (pins.Any(p => PolicyStore.SameVendor(p.Vendor, pin.Vendor)))
                {
                    node.Problem("vendor", "The lock pins '" + pin.Vendor + "' twice; a lock holds one pin per vendor.");
                }

                pins.Add(pin);
            }
        }

        // After the pins: a policy is built only while no problem is known, and each pin is checked as far as it goes.
        var version = document.Text("lockVersion");
        if (version != PolicyLock.FormatVersion && !(version == null && document.Has("lockVersion")))
        {
            // (A lockVersion of another type is already a problem of its own.)
            document.Problem("lockVersion", (version == null ? "The lock file version is missing" : "Lock file version '" + version + "' is not one this module reads")
                + "; accepted: " + PolicyLock.FormatVersion + ". Delete the file and pin the policies again with Update-ResidencyLock.");
        }

        if (problems.Count > 0)
        {
            throw new PolicyValidationException(origin, problems.ToReport(), PolicyLock.What);
        }

        return new PolicyLock(origin, pins);
    }

    private static Pin? Pin(PolicyNode node, string origin, ProblemList problems)
    {
        var before = problems.Count;
        var vendor = Required(node, "vendor");
        var version = Required(node, "policyVersion");
        var sha256 = Required(node, "sha256");
        if (sha256.Length > 0 && !Hashing.IsSha256(sha256))
        {
            node.Problem("sha256", "'" + sha256 + "' is not a SHA-256: 64 hexadecimal digits, lowercase.");
        }

        var pinnedOnText = Required(node, "pinnedOn");
        if (!IsoDate.TryParseUtc(pinnedOnText, out var pinnedOn) && pinnedOnText.Length > 0)
        {
            node.Problem("pinnedOn", "'" + pinnedOnText + "' is not a UTC time; write it as yyyy-MM-ddTHH:mm:ssZ.");
        }

        var policyNode = node.Object("policy");
        if (policyNode == null)
        {
            node.Problem("policy", "A pin holds the policy it pins (Update-ResidencyLock writes it).");
        }

        if (problems.Count > before || policyNode == null)
        {
            return null;
        }

        var policy = PolicyBuilder.Build(policyNode, problems, new PolicySource(origin + " (" + vendor + "'s pin)", IsEmbedded: false), () => PolicyLoader.ToJson(policyNode));
        if (policy == null)
        {
            return null;
        }

        // The pin's own fields are what a reader of the lock sees; they must be its policy's.
        if (policy.Sha256 != sha256)
        {
            node.Problem("sha256", "The pinned policy's SHA-256 is " + policy.Sha256 + ", not " + sha256 + ": the lock was edited by hand. Pin the policy again with Update-ResidencyLock.");
        }
        else if (!PolicyStore.SameVendor(policy.Vendor, vendor) || policy.PolicyVersion != version)
        {
            node.Problem(PolicyStore.SameVendor(policy.Vendor, vendor) ? "policyVersion" : "vendor",
                "The pin names " + vendor + " " + version + ", but its policy is " + policy.Vendor + " " + policy.PolicyVersion + ": the lock was edited by hand.");
        }

        return problems.Count > before ? null : new Pin(vendor, version, sha256, pinnedOn, policy);
    }

    private static string Required(PolicyNode node, string field) => node.Required(field, "'" + field + "' is required.");

    /// <summary>The lock as the file holds it: indented JSON, pins in vendor order, each with its whole canonical policy.</summary>
    public static string ToJson(PolicyLock policyLock)
    {
        var pins = new JArray();
        foreach (var pin in policyLock.Pins)
        {
            pins.Add(new JObject
            {
                ["vendor"] = pin.Vendor,
                ["policyVersion"] = pin.PolicyVersion,
                ["sha256"] = pin.Sha256,
                ["pinnedOn"] = IsoDate.Utc(pin.PinnedOn),
                ["policy"] = Parse(pin.Policy.CanonicalJson),
            });
        }

        var document = new JObject
        {
            [PolicyFormat.SchemaReference] = "./" + PolicyLock.SchemaFileName,
            ["lockVersion"] = PolicyLock.FormatVersion,
            ["policies"] = pins,
        };
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            document.WriteTo(writer);
        }

        return text.ToString().Replace("\r\n", "\n") + "\n";
    }

    // Dates stay the strings they are ("2024-05-01" is not a DateTime to re-format): the SHA-256 covers these very values.
    private static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }
}
