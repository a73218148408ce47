using System;
using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>Allocation-free look-ups in the short code lists the model carries (a handful of region codes).</summary>
internal static class ListExtensions
{
    public static bool ContainsCode(this IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
