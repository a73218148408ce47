using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ResidencyPS;

/// <summary>What a policy is: vendor, versions and the document it was read from.</summary>
internal sealed record PolicyHeader(string SchemaVersion, string Vendor, string PolicyVersion, DateTime? EffectiveDate,
    string SourceTitle, string SourceLanguage, string SourceDocument, string? SourceUrl = null, DateTime? SourceRetrieved = null);

/// <summary>Where a policy came from.</summary>
internal sealed record PolicySource(string Name, bool IsEmbedded);

internal static class Hashing
{
    /// <summary>The first 12 hex digits of a SHA-256, as messages and logs show it beside the policy or file it names.</summary>
    public static string Short(string sha256) => sha256.Substring(0, Math.Min(12, sha256.Length));

    public static string Sha256Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Sha256Hex(bytes, 0, bytes.Length);
    }

    /// <summary>Whether <paramref name="text"/> is a SHA-256 as <see cref="Sha256Hex(string)"/> writes one: 64 lowercase hex digits.</summary>
    public static bool IsSha256(string? text)
    {
        if (text == null || text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The SHA-256 of these bytes, as lowercase hex (the waiver file's bytes as read).</summary>
    public static string Sha256Hex(byte[] buffer, int offset, int count)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(buffer, offset, count);
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>
/// What a retention rule is about (logs, backups or call recordings): an id, English and Dutch names, aliases, and
/// what keeping it is (<see cref="DataActivity.Logging"/>, <see cref="DataActivity.Backup"/>), as the policy says;
/// only a subject with an activity is a data flow of its own.
/// </summary>
internal sealed record SubjectInfo(string Id, string Name, string NameNl, IReadOnlyList<string> Aliases, DataActivity? Activity = null)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// A rule an EEA boundary test applies besides where the data is hosted: when it applies (condition, products,
/// categories, hosting regions) and the finding it adds, built once when the policy loads.
/// </summary>
internal sealed record BoundaryRule(RuleCondition When, HashSet<string> Products, HashSet<string> Categories, HashSet<string> HostingRegions, BoundaryFinding Finding,
    DataActivity? Activity = null)
{
    public string Id => Finding.Rule;

    /// <summary>Whether the rule's products, categories and hosting regions (each empty: all) include this record hosted there.</summary>
    public bool Covers(DataResidencyInfo record, HostingRegionInfo hosting) =>
        (Products.Count == 0 || Products.Contains(record.Product))
        && (Categories.Count == 0 || Categories.Contains(record.Category.Id))
        && (HostingRegions.Count == 0 || HostingRegions.Contains(hosting.Code));
}
