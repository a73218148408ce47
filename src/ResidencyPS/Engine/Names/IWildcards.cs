using System;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// The wildcard language of names (PowerShell's <c>WildcardPattern</c> at the prompt, a simpler one in tests), given to
/// the engine so it matches names without a PowerShell type.
/// </summary>
internal interface IWildcards
{
    /// <summary>Whether <paramref name="pattern"/> holds wildcard characters (otherwise it is a name).</summary>
    bool IsWildcard(string pattern);

    /// <summary>A typed name with its escapes removed (<c>Fresh`[EU`]</c> for <c>Fresh[EU]</c>).</summary>
    string Unescape(string name);

    /// <summary>A case-insensitive test for names matching <paramref name="pattern"/>; null, with the reason, when it does not parse.</summary>
    Func<string, bool>? Compile(string pattern, out string? whyNot);
}
