using System.Globalization;
using System.Text;

namespace ResidencyPS.Engine.Text;

/// <summary>
/// Text from a file or an inventory made safe to print to a console or a log, and names held to plain text. Control
/// characters (a newline that would forge a "PASS:" line, an escape sequence that recolours the terminal or opens an
/// OSC 8 link), format characters (zero-width spaces, a soft hyphen, bidirectional overrides that reorder what is
/// shown, tag characters) and blank fillers are written as \uXXXX (\UXXXXXXXX above U+FFFF). Everything else is kept.
/// </summary>
internal static class InertText
{
    /// <summary><paramref name="text"/> with every invisible or control character shown as an escape; the same string when it has none.</summary>
    public static string Escape(string text) => Escape(text, keepLines: false);

    /// <summary>
    /// As <see cref="Escape(string)"/>; with <paramref name="keepLines"/> a newline and a tab stay as they are (an inventory's
    /// free-text cell spread over lines), every other invisible character is still shown.
    /// </summary>
    public static string Escape(string text, bool keepLines)
    {
        if (text == null)
        {
            return string.Empty;
        }

        if (FirstInvisible(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (Invisible(text, i) && !(keepLines && (text[i] == '\n' || text[i] == '\t')))
            {
                var code = length == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
                builder.Append(code > 0xFFFF ? "\\U" + code.ToString("X8", CultureInfo.InvariantCulture) : "\\u" + code.ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(text, i, length);
            }

            i += length - 1;
        }

        return builder.ToString();
    }

    /// <summary>The index of the first control, format or filler character of <paramref name="text"/>; -1 when it has none.</summary>
    public static int FirstInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Invisible(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> has something a reader can see: a justification of only U+200B says nothing.</summary>
    public static bool HasVisibleText(string? text)
    {
        if (text == null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            // A combining mark alone (U+0301, a variation selector) shows nothing either.
            if (!char.IsWhiteSpace(text[i]) && !Invisible(text, i) && !char.IsLowSurrogate(text[i]) && !IsMark(CharUnicodeInfo.GetUnicodeCategory(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The character at <paramref name="index"/> as U+XXXX, for messages.</summary>
    public static string CodePoint(string text, int index)
    {
        var code = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index];
        return "U+" + code.ToString(code > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);
    }

    private static bool IsMark(UnicodeCategory category) =>
        category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark || category == UnicodeCategory.SpacingCombiningMark;

    // Control (Cc) and format (Cf: zero-width, soft hyphen, bidi controls, BOM, tags) characters; the default-ignorable
    // marks that render as nothing (the combining grapheme joiner, Khmer and Mongolian fillers, variation selectors);
    // the blank fillers (Hangul fillers, the Braille blank); and every blank other than the plain space (no-break,
    // ideographic and line separators look like a space, or like nothing, and are not one).
    private static bool Invisible(string text, int index)
    {
        var c = text[index];
        if (c < 0x7F && c >= 0x20)
        {
            return false;
        }

        if (char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]))
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        // A lone surrogate (half of a pair, from a string built in a script) shows as nothing or a replacement sign.
        if (category == UnicodeCategory.Control || category == UnicodeCategory.Format || category == UnicodeCategory.SpaceSeparator
            || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator || category == UnicodeCategory.Surrogate)
        {
            return true;
        }

        var code = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? char.ConvertToUtf32(c, text[index + 1]) : c;
        return code == 0x034F || code == 0x17B4 || code == 0x17B5 || (code >= 0x180B && code <= 0x180F) || (code >= 0xFE00 && code <= 0xFE0F)
            || (code >= 0xE0100 && code <= 0xE01EF) || code == 0x115F || code == 0x1160 || code == 0x3164 || code == 0xFFA0 || code == 0x2800;
    }
}
