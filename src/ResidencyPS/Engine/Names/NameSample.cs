using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Names;

/// <summary>What a message lists as accepted: the first names, and how many there are, never a whole large index.</summary>
internal static class NameSample
{
    /// <summary>The most names a message lists.</summary>
    public const int Max = 20;

    public static string Of<T>(IReadOnlyList<T> items) =>
        string.Join(", ", items.Take(Max)) + (items.Count > Max ? ", ... (" + items.Count + " in all)" : string.Empty);
}
