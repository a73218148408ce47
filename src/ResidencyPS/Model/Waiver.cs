using System;
using System.Collections.Generic;
using ResidencyPS.Engine.Text;

namespace ResidencyPS;

/// <summary>
/// One reviewed exception from a waiver file: results of these products and data categories (and, when given, this
/// verdict) pass until <see cref="Expires"/>, for the reason in <see cref="Justification"/>.
/// </summary>
/// <param name="Index">The position in the file's <c>waivers</c> list.</param>
/// <param name="Product">The product as the file names it (a name, alias or wildcard).</param>
/// <param name="DataCategory">The data category as the file names it (a name, alias or wildcard).</param>
/// <param name="Verdict">Only results with this verdict are covered; null covers any verdict that does not pass by itself.</param>
/// <param name="Justification">Why the result was accepted.</param>
/// <param name="ApprovedBy">Who accepted it, when the file says.</param>
/// <param name="Expires">The last day the waiver applies.</param>
/// <param name="Products">The product names the waiver covers.</param>
/// <param name="Categories">The data category names (English) the waiver covers.</param>
/// <param name="Invalidated">
/// Why the waiver no longer applies although it has not expired: the policy, or a statement it was reviewed against,
/// changed since (its <c>policySha256</c> or <c>statements</c>); null while what it reviewed stands.
/// </param>
internal sealed record Waiver(int Index, string Product, string DataCategory, Verdict? Verdict, string Justification, string? ApprovedBy,
    DateTime Expires, HashSet<string> Products, HashSet<string> Categories, string? Invalidated = null)
{
    /// <summary>
    /// Whether the waiver still applies at <paramref name="now"/>: through the end of its expiry date in UTC, the same
    /// instant for a runner in UTC and a server on local time (a local time is converted first, an unspecified one is UTC).
    /// </summary>
    public bool CurrentOn(DateTime now) => DaysLeft(now) >= 0;

    /// <summary>How many days after <paramref name="now"/>'s UTC day the waiver's last day is: 0 on its last day, negative once expired.</summary>
    public int DaysLeft(DateTime now) => (Expires.Date - (now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : now).Date).Days;

    /// <summary>How the waiver is named in warnings: its position and what it covers.</summary>
    public override string ToString() =>
        "waivers[" + Index + "] (" + Product + " / " + DataCategory + (Verdict is Verdict v ? " / " + v : string.Empty) + ", expires " + IsoDate.Day(Expires) + ")";
}
