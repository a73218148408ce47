namespace ResidencyPS;

/// <summary>
/// One sentence, table cell or heading of the source document, verbatim, with an English rendering.
/// Every fact the module returns cites the statements it was read from.
/// </summary>
public sealed class PolicyStatement : IPolicyItem
{
    /// <summary>Creates a statement.</summary>
    public PolicyStatement(string id, int line, string section, string kind, string text, string english)
    {
        Id = id;
        Line = line;
        Section = section;
        Kind = kind;
        Text = text;
        English = english;
    }

    /// <summary>The vendor whose policy this comes from.</summary>
    public string Vendor => Owner?.Vendor ?? string.Empty;

    // Set once by the policy that holds it, so an object piped on knows its vendor and policy.
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>Stable identifier, for example <c>logs-one-year</c>.</summary>
    public string Id { get; }

    /// <summary>The line of the source document the text stands on (1-based).</summary>
    public int Line { get; }

    /// <summary>The section heading of the source document the text belongs to.</summary>
    public string Section { get; }

    /// <summary>Sentence, TableCell, TableRow, TableHeader, Heading or Footnote.</summary>
    public string Kind { get; }

    /// <summary>The source's own (Dutch) text, verbatim.</summary>
    public string Text { get; }

    /// <summary>An English rendering of <see cref="Text"/>.</summary>
    public string English { get; }

    /// <summary>
    /// The SHA-256 of <see cref="Text"/> (UTF-8, lowercase hex): the vendor's words a waiver was reviewed against. A waiver
    /// naming this statement and hash stops applying when the words change (Get-Help about_ResidencyPS_Waivers).
    /// </summary>
    public string Sha256 => _sha256 ??= Hashing.Sha256Hex(Text);

    private string? _sha256;

    /// <summary>The Dutch source text, so a statement prints as what it quotes.</summary>
    public override string ToString() => Text;
}
