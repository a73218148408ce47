using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Engine.Authoring;

/// <summary>One non-blank line of the vendor's text as a statement of a starting policy: verbatim, at its 1-based line.</summary>
internal sealed record DraftStatement(string Id, int Line, string Section, string Kind, string Text);

/// <summary>What a starting policy says about its source, besides the statements: all of it given by the author, none of it read.</summary>
internal sealed record DraftSource(string Vendor, string Language, string Document, string? Url, DateTime? Retrieved);

/// <summary>
/// Writes a starting policy from a vendor's own words (New-ResidencyPolicy): every non-blank line of the text is one
/// statement, verbatim with its line, and nothing else is read from it. No English rendering, title, product, region,
/// residency, retention or rule is made up: the file leaves them out (the lists empty), so the loader names each one that
/// is missing at its own line and JSON path. The file is otherwise of the format in every property it has, so those
/// refusals are all the loader has to say about it.
/// </summary>
internal static class PolicyFromText
{
    /// <summary>The section of a statement with no heading above it, as the embedded policy writes it.</summary>
    public const string NoHeading = "(no heading)";

    /// <summary>The kind of a line that is a marked heading.</summary>
    public const string HeadingKind = "Heading";

    /// <summary>The kind of every other line: the author corrects it where a line is a table cell or a footnote.</summary>
    public const string LineKind = "Sentence";

    /// <summary>The lists of the format a starting policy writes empty, for the author to fill in.</summary>
    public static readonly string[] RecordLists = { "regions", "products", "categories", "residency", "subjects", "retention", "rules" };

    // A Markdown heading (ATX: one to six #, a blank, the words, optionally closing #s) is marked as a heading in the text
    // itself. A plain-text heading is not: in the Freshworks text "Gegevensmigratie" (a heading) and "Chatgesprekken" (a
    // table cell) are both a short line between blank lines, so no plain line is taken for one.
    private static readonly Regex MarkdownHeading = new Regex(@"^ {0,3}#{1,6}[ \t]+(?<title>.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant);

    // ISO 639-1, the codes of iso-codes' iso_639-2.json that have an alpha-2 code (184).
    private static readonly HashSet<string> Languages = new HashSet<string>((
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu "
        + "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn "
        + "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os "
        + "pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
        + "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu").Split(' '), StringComparer.Ordinal);

    private const string SaveAsUtf8 = "Save the text as UTF-8: PowerShell 7's Set-Content writes UTF-8 by default; in Windows PowerShell 5.1 use "
        + "Get-Content -Raw -Encoding Default text.txt | Set-Content -Encoding UTF8 text-utf8.txt.";

    /// <summary>The ISO 639-1 code in lower case, or a problem (target: <paramref name="language"/> as given) when it is none.</summary>
    public static Problem? CheckLanguage(string language, out string code)
    {
        code = (language ?? string.Empty).Trim().ToLowerInvariant();
        if (Languages.Contains(code))
        {
            return null;
        }

        return new Problem(ProblemKind.InvalidLanguage, ProblemClass.InvalidArgument,
            "'" + InertText.Escape(language ?? string.Empty) + "' is not an ISO 639-1 language code; write the two letters of the language of the vendor's text, such as nl, de or en.",
            language ?? string.Empty, "Give -Language the ISO 639-1 code of the text's language.");
    }

    /// <summary>A problem (target: <paramref name="vendor"/>) when the vendor's name cannot be a policy's vendor.</summary>
    public static Problem? CheckVendor(string vendor)
    {
        string? why = null;
        if (string.IsNullOrWhiteSpace(vendor))
        {
            why = "The vendor's name is blank.";
        }
        else if (vendor.Trim().Length != vendor.Length)
        {
            why = "The vendor's name '" + InertText.Escape(vendor) + "' begins or ends with a blank.";
        }
        else if (vendor.Any(char.IsControl) || InertText.FirstInvisible(vendor) >= 0)
        {
            why = "The vendor's name '" + InertText.Escape(vendor) + "' holds a control, invisible or direction-changing character.";
        }

        return why == null ? null : new Problem(ProblemKind.InvalidVendorName, ProblemClass.InvalidArgument, why + " Write the name in plain text.", vendor);
    }

    /// <summary>A problem (target: <paramref name="given"/>) when <paramref name="uri"/> is not an absolute http or https address.</summary>
    public static Problem? CheckSourceUri(Uri uri, object given)
    {
        if (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !uri.OriginalString.Any(char.IsControl))
        {
            return null;
        }

        return new Problem(ProblemKind.InvalidSourceUri, ProblemClass.InvalidArgument,
            "'" + InertText.Escape(uri.OriginalString) + "' is not an http or https address; give the full address the vendor's text was published at, such as https://example.com/hosting.",
            given);
    }

    /// <summary>
    /// Reads the vendor's text from a regular file: at most <see cref="PolicyLoader.MaxBytes"/> (as a policy file), strict
    /// UTF-8 (a byte order mark is allowed), and no control character but tab and line breaks, since a policy's text may hold
    /// no other. Null, with the problem (target: <paramref name="given"/>, the path as the user gave it), when it is not such a text.
    /// </summary>
    public static string? ReadText(string path, object given, out Problem? problem, System.Threading.CancellationToken cancel = default)
    {
        problem = null;
        var info = new FileInfo(path);
        if (PolicyLoader.FinalTarget(info).Length == 0)
        {
            // A device, a pipe or a socket reports no length and is never opened: reading one may never end.
            problem = Refused(ProblemKind.SourceTextEmpty, given, "The vendor's text '" + path + "' is empty or is not a regular file (a device, a pipe and a socket are never read): there is no line to quote.");
            return null;
        }

        if (info.Length > PolicyLoader.MaxBytes)
        {
            problem = TooLarge(given, path, info.Length);
            return null;
        }

        var bytes = new byte[Math.Min(info.Length, PolicyLoader.MaxBytes) + 1];
        var length = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan))
        {
            // At most one byte more than the limit is read, so a file that grew since its length was taken is refused too.
            int read;
            while ((read = stream.Read(bytes, length, Math.Min(81920, bytes.Length - length))) > 0)
            {
                cancel.ThrowIfCancellationRequested();
                length += read;
                if (length > PolicyLoader.MaxBytes)
                {
                    problem = TooLarge(given, path, length);
                    return null;
                }

                if (length == bytes.Length)
                {
                    Array.Resize(ref bytes, (int)Math.Min(bytes.Length * 2L, PolicyLoader.MaxBytes + 1));
                }
            }
        }

        return Decode(bytes, length, path, given, out problem);
    }

    /// <summary>The text of <paramref name="count"/> bytes, or null with the problem: not UTF-8 (or binary), or holding a control character.</summary>
    public static string? Decode(byte[] bytes, int count, string path, object given, out Problem? problem)
    {
        problem = null;
        var start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if ((count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) || Array.IndexOf(bytes, (byte)0, 0, count) >= 0)
        {
            problem = Refused(ProblemKind.InvalidSourceText, given, "The vendor's text '" + path + "' is not UTF-8 text: it looks like UTF-16 or UTF-32, or holds NUL bytes as a binary file does. " + SaveAsUtf8);
            return null;
        }

        var invalid = Utf8Scan.FirstInvalid(bytes, start, count);
        if (invalid < count)
        {
            var (line, position) = Place(bytes, start, invalid);
            var found = Utf8Scan.LooksLikeSingleByte(bytes, start, count)
                ? "it looks like Windows-1252 (\"ANSI\") text, as Windows PowerShell 5.1's Set-Content writes"
                : "its encoding is not UTF-8";
            problem = Refused(ProblemKind.InvalidSourceText, given, "The vendor's text '" + path + "' is not UTF-8: line " + line + ", position " + position + ", the byte 0x"
                + bytes[invalid].ToString("X2", CultureInfo.InvariantCulture) + " cannot start or continue a UTF-8 character (" + found + "). " + SaveAsUtf8);
            return null;
        }

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, count - start);
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var at = FirstControl(lines[i]);
            if (at >= 0)
            {
                problem = Refused(ProblemKind.InvalidSourceText, given, "The vendor's text '" + path + "': line " + (i + 1) + ", position " + (at + 1)
                    + ", holds the control character U+" + ((int)lines[i][at]).ToString("X4", CultureInfo.InvariantCulture)
                    + ", which a policy's text may not hold (tab and line breaks only); remove it from the text, or replace it with a blank.");
                return null;
            }
        }

        return text;
    }

    /// <summary>The lines of a text, as an editor numbers them: a line ends at CR LF, LF or CR, and a last empty line after the final break is none.</summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text.Substring(from, i - from));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                from = i + 1;
            }
        }

        if (from < text.Length)
        {
            lines.Add(text.Substring(from));
        }

        return lines;
    }

    /// <summary>
    /// Every non-blank line of <paramref name="text"/> as a statement, verbatim: the id <c>line-0007</c> (as many digits as
    /// the last line needs, at least four), the 1-based line, the section (the nearest Markdown heading at or above it, else
    /// <see cref="NoHeading"/>) and the kind (Heading for such a heading, else Sentence).
    /// </summary>
    public static IReadOnlyList<DraftStatement> Statements(string text)
    {
        var lines = Lines(text);
        var digits = Math.Max(4, lines.Count.ToString(CultureInfo.InvariantCulture).Length);
        var result = new List<DraftStatement>();
        var section = NoHeading;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var kind = LineKind;
            if (Heading(line) is string title)
            {
                section = title;
                kind = HeadingKind;
            }

            var number = i + 1;
            result.Add(new DraftStatement("line-" + number.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), number, section, kind, line));
        }

        return result;
    }

    /// <summary>The title of a Markdown heading line (<c>## Data hosting</c>: Data hosting); null for any other line.</summary>
    public static string? Heading(string line)
    {
        var match = MarkdownHeading.Match(line);
        return match.Success && !string.IsNullOrWhiteSpace(match.Groups["title"].Value) ? match.Groups["title"].Value.Trim() : null;
    }

    /// <summary>
    /// The starting policy as the canonical JSON Export-ResidencyPolicy writes (the format's order, indented, LF), naming
    /// the shipped schema; null, with a problem (target: <paramref name="given"/>), when it would be larger than a policy may be.
    /// </summary>
    public static string? ToJson(DraftSource source, IReadOnlyList<DraftStatement> statements, object given, out Problem? problem)
    {
        problem = null;
        var sourceObject = new JObject
        {
            ["language"] = source.Language,
            ["document"] = source.Document,
        };
        if (source.Url != null)
        {
            sourceObject["url"] = source.Url;
        }

        if (source.Retrieved is DateTime retrieved)
        {
            sourceObject["retrieved"] = IsoDate.Day(retrieved);
        }

        var document = new JObject
        {
            ["schemaVersion"] = PolicyBuilder.SupportedSchemaVersions[PolicyBuilder.SupportedSchemaVersions.Length - 1],
            ["vendor"] = source.Vendor,
            ["source"] = sourceObject,
            ["statements"] = new JArray(statements.Select(s => new JObject
            {
                ["id"] = s.Id,
                ["line"] = s.Line,
                ["section"] = s.Section,
                ["kind"] = s.Kind,
                ["text"] = s.Text,
            })),
        };
        foreach (var list in RecordLists)
        {
            document[list] = new JArray();
        }

        // Read back as any policy file is: a starting policy holds nothing the format refuses, only gaps.
        var problems = new List<PolicyProblem>();
        var node = PolicyNode.Read(document, PolicyFormat.Document, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("A starting policy broke the format: " + problems[0]);
        }

        var json = PolicyLoader.WithSchema(PolicyLoader.ToJson(node));
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > PolicyLoader.MaxBytes)
        {
            problem = Refused(ProblemKind.SourceTextTooLarge, given, "The policy written from the vendor's text '" + source.Document + "' would be " + bytes.ToString("N0", CultureInfo.InvariantCulture)
                + " bytes, and a policy file may be at most " + PolicyLoader.MaxBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes; write a policy from a part of the text.");
            return null;
        }

        return json;
    }

    private static int FirstControl(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsControl(line[i]) && line[i] != '\t')
            {
                return i;
            }
        }

        return -1;
    }

    private static Problem TooLarge(object given, string path, long length) =>
        Refused(ProblemKind.SourceTextTooLarge, given, "The vendor's text '" + path + "' is " + length.ToString("N0", CultureInfo.InvariantCulture) + " bytes; it may be at most "
            + PolicyLoader.MaxBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes, as a policy file may. Write a policy from a part of the text.");

    private static Problem Refused(ProblemKind kind, object given, string message) => new Problem(kind, ProblemClass.InvalidData, message, given);

    private static (int Line, int Position) Place(byte[] bytes, int start, int at)
    {
        var line = 1;
        var position = 1;
        for (var i = start; i < at; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= at || bytes[i + 1] != (byte)'\n')))
            {
                line++;
                position = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                position++;
            }
        }

        return (line, position);
    }
}
