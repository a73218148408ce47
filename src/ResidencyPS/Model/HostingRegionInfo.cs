using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>A hosting region the vendor offers. Prints as its code, so it binds to -Region and -HostingRegion.</summary>
public sealed class HostingRegionInfo : IPolicyItem
{
    internal HostingRegionInfo(int index, string code, string name, string nameNl, IReadOnlyList<string> aliases,
        IReadOnlyList<string> countries, Basis basis, IReadOnlyList<string> notes, IReadOnlyList<PolicyStatement> source)
    {
        Index = index;
        Code = code;
        Name = name;
        NameNl = nameNl;
        Aliases = NameList.From(aliases);
        Countries = NameList.From(countries);
        Basis = basis;
        Notes = NameList.From(notes, " ");
        Source = SourceList.From(source);
    }

    /// <summary>The vendor whose policy this comes from.</summary>
    public string Vendor => Owner?.Vendor ?? string.Empty;

    // Set once by the policy that holds it, so an object piped on knows its vendor and policy.
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>The region code: US, EEA, IND or AU.</summary>
    public string Code { get; }

    /// <summary>The English name.</summary>
    public string Name { get; }

    /// <summary>The Dutch name.</summary>
    public string NameNl { get; }

    /// <summary>Other names accepted as input, such as the seed's VS and EER.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries in the region.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Whether the region is the European Economic Area.</summary>
    public bool IsEea => Code == RegionCodes.Eea;

    /// <summary>How the region was read from the source.</summary>
    public Basis Basis { get; }

    /// <summary>Readings and caveats, in English.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The statements of the source that name the region.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <summary>The region code.</summary>
    public override string ToString() => Code;

    /// <summary>The region's position in its policy, for the evaluation cache.</summary>
    internal int Index { get; }
}

/// <summary>Region codes the engine itself relies on.</summary>
public static class RegionCodes
{
    /// <summary>The European Economic Area.</summary>
    public const string Eea = "EEA";
}
