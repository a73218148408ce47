using System.Globalization;
using System.Text;

namespace ResidencyPS.Engine.Text;

/// <summary>
/// Text from a file or an inventory made safe to print to a console or a log: control characters (a newline that would
/// forge a "PASS:" line, an escape sequence that recolours the terminal or opens an OSC 8 link) and the bidirectional
/// controls that reorder what is shown are written as \uXXXX. Everything else is kept as it is.
/// </summary>
internal static class InertText
{
    /// <summary><paramref name="text"/> with every control and bidirectional formatting character shown as \uXXXX; the same string when it has none.</summary>
    public static string Escape(string text)
    {
        if (text == null)
        {
            return string.Empty;
        }

        var i = 0;
        while (i < text.Length && !Unsafe(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (Unsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A control character, or one that overrides or isolates the direction of the text around it.</summary>
    public static bool Unsafe(char c) =>
        char.IsControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
