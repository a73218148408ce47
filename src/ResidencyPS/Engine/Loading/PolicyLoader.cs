using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ResidencyPS.Engine.Loading;

/// <summary>Reads policy JSON into a validated <see cref="ResidencyPolicy"/>, or names every problem of it.</summary>
internal static class PolicyLoader
{
    /// <summary>The deepest nesting a policy file may have; the format itself needs four levels.</summary>
    public const int MaxDepth = 16;

    /// <summary>The largest policy file accepted (the embedded policy is under 100 KB).</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    internal const string EmbeddedResourceName = "ResidencyPS.Data.freshworks.policy.json";

    private static int _embeddedLoads;

    /// <summary>How often this process parsed the embedded policy (the tests check it is once).</summary>
    internal static int EmbeddedLoads => Volatile.Read(ref _embeddedLoads);

    /// <summary>Loads the policy embedded in the module (the Freshworks data-hosting policy).</summary>
    public static ResidencyPolicy LoadEmbedded()
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException("The embedded policy resource '" + EmbeddedResourceName + "' is missing from the assembly.");
        Interlocked.Increment(ref _embeddedLoads);
        var source = new PolicySource("embedded:" + EmbeddedResourceName, IsEmbedded: true);
        // The embedded policy is the module's own file, checked against the strict rules by a test (StrictInputTests):
        // the first answer of every process does not pay for checking it again.
        return Build(ReadObject(ReadBounded(stream, source.Name, "policy", default), source.Name, "policy", strict: false), source);
    }

    /// <summary>
    /// Loads a policy file: only a regular file, read through a bounded stream (a file over <see cref="MaxBytes"/> is
    /// refused, even one that grows while it is read), stopping when <paramref name="cancel"/> is signalled.
    /// </summary>
    public static ResidencyPolicy LoadFile(string path, CancellationToken cancel = default) =>
        Build(ReadObjectFile(path, "policy file", cancel), new PolicySource(new FileInfo(path).FullName, IsEmbedded: false), cancel);

    /// <summary>Loads a policy from bytes: at most <see cref="MaxBytes"/>, strict UTF-8 (a byte order mark is allowed).</summary>
    internal static ResidencyPolicy Load(Stream stream, string origin) =>
        Build(ReadObject(ReadBounded(stream, origin, "policy file", default), origin, "policy"), new PolicySource(origin, IsEmbedded: false));

    /// <summary>Parses and validates policy JSON; throws <see cref="PolicyValidationException"/> naming every problem.</summary>
    public static ResidencyPolicy Load(TextReader reader, string origin, CancellationToken cancel = default) =>
        Build(ReadObject(reader, origin, "policy"), new PolicySource(origin, IsEmbedded: false), cancel);

    /// <summary>The policy as canonical, indented JSON: what Export-ResidencyPolicy writes and the SHA-256 covers.</summary>
    internal static string ToJson(PolicyNode document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            document.WriteTo(json);
        }

        return text.ToString().Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// Canonical JSON naming the schema that ships in the module folder by a relative path, as waiver files do: an absolute
    /// file:// address would carry one machine's folders into a file that is shared. Copy the schema beside the file and
    /// editors check it while someone edits it; the reader ignores $schema, and the SHA-256 covers the JSON without it.
    /// </summary>
    internal static string WithSchema(string canonicalJson) =>
        "{\n  \"$schema\": " + JsonConvert.ToString("./" + PolicyFormat.SchemaFileName) + "," + canonicalJson.Substring(canonicalJson.IndexOf('{') + 1);

    /// <summary>
    /// Reads a JSON file of this module (a policy, a waiver file) as one object with line numbers: at most
    /// <see cref="MaxBytes"/>, strict UTF-8, no duplicate keys, at most <see cref="MaxDepth"/> deep.
    /// </summary>
    internal static JObject ReadObjectFile(string path, string what, CancellationToken cancel = default) => ReadObjectFile(path, what, out _, cancel);

    /// <summary>As <see cref="ReadObjectFile(string, string, CancellationToken)"/>, with the SHA-256 of the very bytes parsed (lowercase hex).</summary>
    internal static JObject ReadObjectFile(string path, string what, out string sha256, CancellationToken cancel = default) =>
        ReadObjectFile(path, what, MaxBytes, out sha256, cancel);

    /// <summary>As <see cref="ReadObjectFile(string, string, out string, CancellationToken)"/>, with a limit of its own (a lock file holds several policies).</summary>
    internal static JObject ReadObjectFile(string path, string what, long maxBytes, out string sha256, CancellationToken cancel = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The " + what + " '" + path + "' does not exist.", path);
        }

        // A device, a pipe or a socket reports no length, and reading one may never end (/dev/zero) or never
        // start (a FIFO without a writer): only a regular file with content is opened at all. A link is judged by
        // its final target, since its own length is that of the target's name.
        if (FinalTarget(info).Length == 0)
        {
            throw new NotRegularFileException(path, what);
        }

        if (info.Length > maxBytes)
        {
            throw new PolicyValidationException(path, new[] { TooLarge(info.Length, what, maxBytes) }, what);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var bytes = ReadBounded(stream, path, what, cancel, maxBytes);
        sha256 = Hashing.Sha256Hex(bytes.Array!, bytes.Offset, bytes.Count);

        return ReadObject(bytes, info.FullName, what);
    }

    // FileSystemInfo.ResolveLinkTarget (.NET 6 and later, so PowerShell 7) is not in netstandard2.0: found once, by name.
    // Windows PowerShell 5.1 has no FIFOs or device files to link to, so without it a file is judged as it is.
    private static readonly System.Reflection.MethodInfo? ResolveLinkTarget =
        typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });

    /// <summary>The file a link finally points to (a missing target reads as missing); the file itself when it is no link.</summary>
    internal static FileInfo FinalTarget(FileInfo info)
    {
        if ((info.Attributes & FileAttributes.ReparsePoint) == 0 || ResolveLinkTarget == null)
        {
            return info;
        }

        try
        {
            var target = ResolveLinkTarget.Invoke(info, new object[] { true }) as FileSystemInfo;
            return target == null ? info : new FileInfo(target.FullName);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
        {
            // A loop of links, or a target that may not be read: the same error a direct open would give.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Parses JSON text as one object with line numbers; every syntax problem is a <see cref="PolicyValidationException"/>.</summary>
    internal static JObject ReadObject(TextReader reader, string origin, string what)
    {
        var bytes = new UTF8Encoding(false).GetBytes(reader.ReadToEnd());
        return ReadObject(new ArraySegment<byte>(bytes), origin, what);
    }

    /// <summary>How to save a file as UTF-8, for every refusal of a file in another encoding.</summary>
    internal const string SaveAsUtf8 = "Save it as UTF-8: PowerShell 7's Set-Content and Out-File write UTF-8 by default; in Windows PowerShell 5.1 use "
        + "Set-Content -Encoding UTF8 (Get-Content -Raw old.json | Set-Content -Encoding UTF8 new.json).";

    /// <summary>
    /// The problem of a file that is not UTF-8, at the line and position of its first invalid byte, naming the byte and, where
    /// every byte above 0x7F stands alone, the encoding it most likely is: Windows-1252 ("ANSI"), which Windows PowerShell
    /// 5.1's Set-Content writes. Without this the user saw .NET's "Unable to translate bytes [F6] at index 149".
    /// </summary>
    internal static PolicyProblem NotUtf8(byte[] bytes, int start, int end)
    {
        var at = Math.Min(Utf8Scan.FirstInvalid(bytes, start, end), end - 1);
        var line = 1;
        var position = 1;
        for (var i = start; i < at; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                position = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                position++;
            }
        }

        var found = Utf8Scan.LooksLikeSingleByte(bytes, start, end)
            ? "it looks like Windows-1252 (\"ANSI\") text, as Windows PowerShell 5.1's Set-Content and Out-File -Encoding Default write"
            : "its encoding is not UTF-8";
        var message = "The file is not UTF-8: the byte 0x" + bytes[at].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
            + " cannot start or continue a UTF-8 character (" + found + "). " + SaveAsUtf8;
        return new PolicyProblem(string.Empty, message, line, position);
    }

    /// <summary>
    /// Parses strict UTF-8 JSON (RFC 8259, nothing Newtonsoft would also forgive) as one object with line numbers. A UTF-8
    /// byte order mark is allowed; any other (UTF-16, UTF-32) is named, since such a file is otherwise only a puzzling error.
    /// </summary>
    internal static JObject ReadObject(ArraySegment<byte> file, string origin, string what, bool strict = true)
    {
        // The bytes are read where they lie (a buffer from ReadBounded is longer than the file): no copy of a large file.
        var bytes = file.Array!;
        var end = file.Offset + file.Count;
        var first = file.Offset;
        var length = file.Count;
        var start = first + (length >= 3 && bytes[first] == 0xEF && bytes[first + 1] == 0xBB && bytes[first + 2] == 0xBF ? 3 : 0);
        if ((length >= 2 && ((bytes[first] == 0xFF && bytes[first + 1] == 0xFE) || (bytes[first] == 0xFE && bytes[first + 1] == 0xFF)))
            || (length >= 4 && bytes[first] == 0 && bytes[first + 1] == 0 && bytes[first + 2] == 0xFE && bytes[first + 3] == 0xFF)
            || Array.IndexOf(bytes, (byte)0, first, length) >= 0)
        {
            throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, "The file is not UTF-8 (it looks like UTF-16 or UTF-32, or holds NUL bytes). " + SaveAsUtf8) }, what);
        }

        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        if (strict)
        {
            try
            {
                strictUtf8.GetCharCount(bytes, start, end - start);
            }
            catch (DecoderFallbackException)
            {
                throw new PolicyValidationException(origin, new[] { NotUtf8(bytes, start, end) }, what);
            }

            if (StrictJson.Check(bytes, start, end, MaxDepth) is PolicyProblem problem)
            {
                throw new PolicyValidationException(origin, new[] { problem }, what);
            }
        }

        JToken token;
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes, start, end - start, writable: false), strictUtf8, false);
            token = Parse(reader);
        }
        catch (JsonException ex)
        {
            throw new PolicyValidationException(origin, new[] { ToProblem(ex) }, what);
        }

        return token as JObject
            ?? throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, "The file must hold one JSON object, not " + token.Type + ".") }, what);
    }

    // Reads at most one byte more than the limit, a block at a time, checking for a stop request between blocks. A stream
    // that knows its length is read into one buffer of that size (plus one byte, to notice a file that grew meanwhile).
    private static ArraySegment<byte> ReadBounded(Stream stream, string origin, string what, CancellationToken cancel, long maxBytes = MaxBytes)
    {
        var expected = stream.CanSeek ? stream.Length - stream.Position : 0;
        if (expected > maxBytes)
        {
            throw new PolicyValidationException(origin, new[] { TooLarge(expected, what, maxBytes) }, what);
        }

        var buffer = new byte[Math.Max(expected + 1, 4096)];
        var length = 0;
        int read;
        while ((read = stream.Read(buffer, length, (int)Math.Min(81920, buffer.Length - length))) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            length += read;
            if (length > maxBytes)
            {
                throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, $"The file holds more than {maxBytes:N0} bytes; a {what} may be at most {maxBytes:N0} bytes.") }, what);
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxBytes + 1));
            }
        }

        return new ArraySegment<byte>(buffer, 0, length);
    }

    private static PolicyProblem TooLarge(long length, string what, long maxBytes) =>
        new PolicyProblem(string.Empty, $"The file is {length:N0} bytes; a {what} may be at most {maxBytes:N0} bytes.");

    private static ResidencyPolicy Build(JObject token, PolicySource source, CancellationToken cancel = default)
    {
        // Reading checks every property against the format; only a well-typed file goes on to the builder.
        var problems = new ProblemList(cancel);
        var document = PolicyNode.Read(token, PolicyFormat.Document, problems);
        if (problems.Count > 0)
        {
            throw new PolicyValidationException(source.Name, problems.ToReport());
        }

        return PolicyBuilder.Build(document, problems, source, () => ToJson(document))
            ?? throw new PolicyValidationException(source.Name, problems.ToReport());
    }

    private static JToken Parse(TextReader reader)
    {
        using var json = new JsonTextReader(reader) { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None };
        var settings = new JsonLoadSettings
        {
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            LineInfoHandling = LineInfoHandling.Load,
            CommentHandling = CommentHandling.Load,
        };
        var token = JToken.ReadFrom(json, settings);
        while (json.Read())
        {
            if (json.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Additional text found after the end of the JSON object.", json.Path, json.LineNumber, json.LinePosition, null);
            }
        }

        return token;
    }

    private static PolicyProblem ToProblem(Exception ex)
    {
        switch (ex)
        {
            case JsonReaderException reader:
                return new PolicyProblem(reader.Path ?? string.Empty, FirstSentence(reader.Message), reader.LineNumber, reader.LinePosition);
            case JsonSerializationException serialization:
                return new PolicyProblem(serialization.Path ?? string.Empty, FirstSentence(serialization.Message), serialization.LineNumber, serialization.LinePosition);
            default:
                return new PolicyProblem(string.Empty, ex.Message);
        }
    }

    // Newtonsoft appends "Path 'x', line 1, position 2." which PolicyProblem already reports.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }
}
