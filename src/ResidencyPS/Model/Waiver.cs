using System;
using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>
/// One reviewed exception from a waiver file: results of these products and data categories (and, when given, this
/// verdict) pass until <see cref="Expires"/>, for the reason in <see cref="Justification"/>.
/// </summary>
internal sealed class Waiver
{
    public Waiver(int index, string product, string dataCategory, Verdict? verdict, string justification, string? approvedBy, DateTime expires,
        HashSet<string> products, HashSet<string> categories)
    {
        Index = index;
        Product = product;
        DataCategory = dataCategory;
        Verdict = verdict;
        Justification = justification;
        ApprovedBy = approvedBy;
        Expires = expires;
        Products = products;
        Categories = categories;
    }

    /// <summary>The position in the file's <c>waivers</c> list.</summary>
    public int Index { get; }

    /// <summary>The product as the file names it (a name, alias or wildcard).</summary>
    public string Product { get; }

    /// <summary>The data category as the file names it (a name, alias or wildcard).</summary>
    public string DataCategory { get; }

    /// <summary>Only results with this verdict are covered; null covers any verdict that does not pass by itself.</summary>
    public Verdict? Verdict { get; }

    public string Justification { get; }

    public string? ApprovedBy { get; }

    /// <summary>The last day the waiver applies.</summary>
    public DateTime Expires { get; }

    /// <summary>The product names the waiver covers.</summary>
    public HashSet<string> Products { get; }

    /// <summary>The data category names (English) the waiver covers.</summary>
    public HashSet<string> Categories { get; }

    /// <summary>How the waiver is named in warnings: its position and what it covers.</summary>
    public override string ToString() =>
        "waivers[" + Index + "] (" + Product + " / " + DataCategory + (Verdict is Verdict v ? " / " + v : string.Empty) + ", expires " + Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ")";
}
