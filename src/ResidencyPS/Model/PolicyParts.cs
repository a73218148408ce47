using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System;

namespace ResidencyPS;

/// <summary>What a policy is: vendor, versions and the document it was read from.</summary>
internal sealed class PolicyHeader
{
    public PolicyHeader(string schemaVersion, string vendor, string policyVersion, DateTime? effectiveDate, string sourceTitle, string sourceLanguage, string sourceDocument)
    {
        SchemaVersion = schemaVersion;
        Vendor = vendor;
        PolicyVersion = policyVersion;
        EffectiveDate = effectiveDate;
        SourceTitle = sourceTitle;
        SourceLanguage = sourceLanguage;
        SourceDocument = sourceDocument;
    }

    public string SchemaVersion { get; }

    public string Vendor { get; }

    public string PolicyVersion { get; }

    public DateTime? EffectiveDate { get; }

    public string SourceTitle { get; }

    public string SourceLanguage { get; }

    public string SourceDocument { get; }
}

/// <summary>Where a policy came from.</summary>
internal sealed class PolicySource
{
    public PolicySource(string name, bool isEmbedded)
    {
        Name = name;
        IsEmbedded = isEmbedded;
    }

    public string Name { get; }

    public bool IsEmbedded { get; }
}

internal static class Hashing
{
    public static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>What a retention rule is about: logs, backups or call recordings.</summary>
internal sealed class SubjectInfo
{
    internal SubjectInfo(string id, string name, string nameNl, IReadOnlyList<string> aliases)
    {
        Id = id;
        Name = name;
        NameNl = nameNl;
        Aliases = aliases;
    }

    /// <summary>Stable identifier.</summary>
    public string Id { get; }

    /// <summary>English name.</summary>
    public string Name { get; }

    /// <summary>Dutch name.</summary>
    public string NameNl { get; }

    /// <summary>Other accepted names.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// A rule an EEA boundary test applies besides where the data is hosted: when it applies (condition, products,
/// categories, hosting regions) and the finding it adds, built once when the policy loads.
/// </summary>
internal sealed class BoundaryRule
{
    public BoundaryRule(RuleCondition when, HashSet<string> products, HashSet<string> categories, HashSet<string> hostingRegions, BoundaryFinding finding)
    {
        When = when;
        Products = products;
        Categories = categories;
        HostingRegions = hostingRegions;
        Finding = finding;
    }

    public string Id => Finding.Rule;

    public RuleCondition When { get; }

    /// <summary>Product names; empty means every product.</summary>
    public HashSet<string> Products { get; }

    /// <summary>Category ids; empty means every category.</summary>
    public HashSet<string> Categories { get; }

    /// <summary>Region codes; empty means every hosting region.</summary>
    public HashSet<string> HostingRegions { get; }

    /// <summary>What the rule adds to a result it applies to (immutable, so every result shares it).</summary>
    public BoundaryFinding Finding { get; }
}
