using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

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
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Interlocked.Increment(ref _embeddedLoads);
        return Load(reader, new PolicySource("embedded:" + EmbeddedResourceName, IsEmbedded: true));
    }

    /// <summary>Loads a policy file; a file over <see cref="MaxBytes"/> is refused before it is read.</summary>
    public static ResidencyPolicy LoadFile(string path) =>
        Build(ReadObjectFile(path, "policy file"), new PolicySource(new FileInfo(path).FullName, IsEmbedded: false));

    /// <summary>Loads a policy from bytes: at most <see cref="MaxBytes"/>, strict UTF-8 (a byte order mark is allowed).</summary>
    internal static ResidencyPolicy Load(Stream stream, string origin)
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw new PolicyValidationException(origin, new[] { TooLarge(stream.Length, "policy file") });
        }

        using var reader = Utf8(stream);
        return Load(reader, new PolicySource(origin, IsEmbedded: false));
    }

    /// <summary>Parses and validates policy JSON; throws <see cref="PolicyValidationException"/> naming every problem.</summary>
    public static ResidencyPolicy Load(TextReader reader, string origin) => Load(reader, new PolicySource(origin, IsEmbedded: false));

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
    /// Reads a JSON file of this module (a policy, a waiver file) as one object with line numbers: at most
    /// <see cref="MaxBytes"/>, strict UTF-8, no duplicate keys, at most <see cref="MaxDepth"/> deep.
    /// </summary>
    internal static JObject ReadObjectFile(string path, string what)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The " + what + " '" + path + "' does not exist.", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new PolicyValidationException(path, new[] { TooLarge(info.Length, what) }, what);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = Utf8(stream);
        return ReadObject(reader, info.FullName, what);
    }

    /// <summary>Parses JSON text as one object with line numbers; every syntax problem is a <see cref="PolicyValidationException"/>.</summary>
    internal static JObject ReadObject(TextReader reader, string origin, string what)
    {
        JToken token;
        try
        {
            token = Parse(reader);
        }
        catch (JsonException ex)
        {
            throw new PolicyValidationException(origin, new[] { ToProblem(ex) }, what);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, "The file is not valid UTF-8: " + ex.Message) }, what);
        }

        return token as JObject
            ?? throw new PolicyValidationException(origin, new[] { new PolicyProblem(string.Empty, "The file must hold one JSON object, not " + token.Type + ".") }, what);
    }

    private static PolicyProblem TooLarge(long length, string what) =>
        new PolicyProblem(string.Empty, $"The file is {length:N0} bytes; a {what} may be at most {MaxBytes:N0} bytes.");

    // Strict UTF-8: an invalid byte is an error, not a replacement character; a byte order mark is allowed.
    private static StreamReader Utf8(Stream stream) =>
        new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private static ResidencyPolicy Load(TextReader reader, PolicySource source) => Build(ReadObject(reader, source.Name, "policy"), source);

    private static ResidencyPolicy Build(JObject token, PolicySource source)
    {
        // Reading checks every property against the format; only a well-typed file goes on to the builder.
        var problems = new ProblemList();
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
            CommentHandling = CommentHandling.Ignore,
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
