using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>A product of the vendor, with the names it is also sold under.</summary>
public sealed class ProductInfo : IPolicyItem
{
    internal ProductInfo(string name, IReadOnlyList<string> aliases, Basis basis, IReadOnlyList<string> notes, IReadOnlyList<PolicyStatement> source)
    {
        Name = name;
        Aliases = NameList.From(aliases);
        Basis = basis;
        Notes = NameList.From(notes, " ");
        Source = SourceList.From(source);
    }

    /// <summary>The vendor whose policy this comes from.</summary>
    public string Vendor => Owner?.Vendor ?? string.Empty;

    // Set once by the policy that holds it, so an object piped on knows its vendor and policy.
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>The product's name.</summary>
    public string Name { get; }

    /// <summary>Other names accepted as input.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>How the product was identified in the source.</summary>
    public Basis Basis { get; }

    /// <summary>Readings and caveats, in English.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The statements of the source that identify the product.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
