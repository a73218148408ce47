using System.Text.RegularExpressions;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>
/// A wildcard language of the tests' own (only '*'; '[' does not parse), so engine tests see the engine take the
/// language it is given rather than PowerShell's.
/// </summary>
internal sealed class StarWildcards : IWildcards
{
    public bool IsWildcard(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('[', StringComparison.Ordinal);

    public string Unescape(string name) => name;

    public Func<string, bool>? Compile(string pattern, out string? whyNot)
    {
        whyNot = pattern.Contains('[', StringComparison.Ordinal) ? "'[' is not supported." : null;
        if (whyNot != null)
        {
            return null;
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase);
        return regex.IsMatch;
    }
}
