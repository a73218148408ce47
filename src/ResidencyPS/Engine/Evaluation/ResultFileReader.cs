using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>A result file that cannot be read back, with what is wrong with it.</summary>
internal sealed class ResultFileException : Exception
{
    public ResultFileException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Reads a result file (Export-ResidencyReport -Format Json) into what each result carried; the results are made
/// whole by <see cref="CarriedResult"/> on the policy the file names. No serializer and no type names: the file is
/// read as JSON values, and anything it holds beyond them is not looked at.
/// </summary>
internal static class ResultFileReader
{
    /// <summary>The one document shape this version reads.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>What the file says about its run.</summary>
    internal sealed record Run(string Vendor, string Version, string Sha256, IReadOnlyList<CarriedResult.Values> Results);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ResultFileException"/> saying what is wrong.</summary>
    public static Run Read(string path)
    {
        JObject document;
        try
        {
            using var stream = File.OpenRead(path);
            using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 };
            document = JObject.Load(json);
        }
        catch (Exception e) when (e is JsonException || e is DecoderFallbackException || e is InvalidCastException)
        {
            throw new ResultFileException("It is not a JSON object in UTF-8: " + e.Message);
        }

        var version = (string?)document["schemaVersion"];
        if (version != SchemaVersion)
        {
            throw new ResultFileException("Its schemaVersion is " + (version == null ? "missing" : "'" + version + "'") + "; this version of ResidencyPS reads " + SchemaVersion + ".");
        }

        var policy = document["policy"] as JObject ?? throw new ResultFileException("It names no policy (policy.sha256).");
        var sha = Text(policy, "sha256") ?? throw new ResultFileException("It names no policy (policy.sha256).");
        var results = new List<CarriedResult.Values>();
        var items = document["results"] as JArray ?? throw new ResultFileException("It has no results array.");
        for (var i = 0; i < items.Count; i++)
        {
            if (!(items[i] is JObject r))
            {
                throw new ResultFileException("results[" + i + "] is not an object.");
            }

            var waiver = r["waiver"] as JObject;
            DateTime? expires = null;
            if (waiver != null && Text(waiver, "expires") is string date)
            {
                if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new ResultFileException("results[" + i + "].waiver.expires '" + date + "' is not a date (yyyy-MM-dd).");
                }

                expires = parsed;
            }

            var findings = r["findings"] as JArray;
            results.Add(new CarriedResult.Values(Required(r, "product", i), Required(r, "dataCategory", i), Required(r, "hostingRegion", i), Required(r, "verdict", i), sha,
                Flag(r, "usesIntegrations"), Flag(r, "customMailbox"), Flag(r, "waived"), waiver == null ? null : Text(waiver, "justification"),
                waiver == null ? null : Text(waiver, "approvedBy"), expires, findings != null && findings.Count > 0 && findings[0] is JObject first ? Text(first, "message") : null,
                r["inputRow"]?.Type == JTokenType.Integer ? (int?)(long)r["inputRow"]! : null));
        }

        return new Run(Text(policy, "vendor") ?? string.Empty, Text(policy, "version") ?? string.Empty, sha, results);
    }

    private static string? Text(JObject o, string name) => o[name]?.Type == JTokenType.String ? (string?)o[name] : null;

    private static string Required(JObject o, string name, int index) =>
        Text(o, name) ?? throw new ResultFileException("results[" + index + "]." + name + " is missing or not text.");

    private static bool Flag(JObject o, string name) => o[name]?.Type == JTokenType.Boolean && (bool)o[name]!;
}
