using System;
using System.Management.Automation;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Binding;

/// <summary>PowerShell's wildcard language for the engine's name look-ups: case-insensitive, culture-invariant, backtick escapes.</summary>
internal sealed class PowerShellWildcards : IWildcards
{
    /// <summary>The one instance: it holds no state.</summary>
    public static readonly PowerShellWildcards Instance = new PowerShellWildcards();

    private PowerShellWildcards()
    {
    }

    /// <inheritdoc />
    public bool IsWildcard(string pattern) => NameFilter.IsWildcard(pattern);

    /// <inheritdoc />
    public string Unescape(string name) => WildcardPattern.Unescape(name);

    /// <inheritdoc />
    public Func<string, bool>? Compile(string pattern, out string? whyNot)
    {
        var wildcard = NameFilter.Wildcard(pattern);
        try
        {
            // WildcardPattern parses on first use: a pattern such as "Fresh[" fails here, not in the middle of a match.
            wildcard.IsMatch(string.Empty);
            whyNot = null;
            return wildcard.IsMatch;
        }
        catch (WildcardPatternException ex)
        {
            whyNot = ex.Message;
            return null;
        }
    }
}
