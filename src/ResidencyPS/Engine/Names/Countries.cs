using System;
using System.Collections.Generic;
using System.Globalization;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// Country codes (ISO 3166-1 alpha-2) and English country names, from .NET's own region data, so a user may write
/// DE or Germany. Empty where .NET runs without globalization data; then only the policy's own codes are known.
/// </summary>
internal static class Countries
{
    private static readonly Lazy<Dictionary<string, string>> NameByCode = new Lazy<Dictionary<string, string>>(Load);

    private static readonly Lazy<Dictionary<string, string>> CodeByName = new Lazy<Dictionary<string, string>>(() =>
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in NameByCode.Value)
        {
            byName[NameIndex<string>.Fold(pair.Value)] = pair.Key;
        }

        return byName;
    });

    /// <summary>The English name of an ISO code (CH: Switzerland); null for a code .NET does not know.</summary>
    public static string? NameOf(string code) =>
        NameByCode.Value.TryGetValue((code ?? string.Empty).Trim(), out var name) ? name : null;

    /// <summary>The ISO code of a code or an English country name (Germany: DE), ignoring case and diacritics; null when unknown.</summary>
    public static string? CodeOf(string codeOrName)
    {
        var text = (codeOrName ?? string.Empty).Trim();
        if (text.Length == 2 && NameByCode.Value.ContainsKey(text))
        {
            return text.ToUpperInvariant();
        }

        return CodeByName.Value.TryGetValue(NameIndex<string>.Fold(text), out var code) ? code : null;
    }

    private static Dictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                try
                {
                    var region = new RegionInfo(culture.Name);
                    if (region.TwoLetterISORegionName.Length == 2 && !names.ContainsKey(region.TwoLetterISORegionName))
                    {
                        names.Add(region.TwoLetterISORegionName, region.EnglishName);
                    }
                }
                catch (ArgumentException)
                {
                    // A culture without a region of its own.
                }
            }
        }
        catch (PlatformNotSupportedException)
        {
            // Invariant globalization: no region data.
        }

        return names;
    }
}
