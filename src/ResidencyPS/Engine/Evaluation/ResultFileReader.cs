using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Waivers;

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
    /// <param name="Vendor">The policy's vendor.</param>
    /// <param name="Version">The policy's version.</param>
    /// <param name="Sha256">The policy's SHA-256.</param>
    /// <param name="Results">What each result carried.</param>
    /// <param name="Waivers">The run's waiver registers; null when the file says they were not known (results that travelled before it was written).</param>
    internal sealed record Run(string Vendor, string Version, string Sha256, IReadOnlyList<CarriedResult.Values> Results, IReadOnlyList<WaiverLedger>? Waivers);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ResultFileException"/> saying what is wrong.</summary>
    public static Run Read(string path)
    {
        // A device or a pipe reports no length and may never end (/dev/zero) or never start (a FIFO): only a regular
        // file is opened. No report is written past BoundedWriter's cap, so no result file of ours is larger.
        var info = new FileInfo(path);
        var length = ResidencyPS.Engine.Loading.PolicyLoader.FinalTarget(info).Length;
        if (length == 0)
        {
            throw new ResultFileException("It is empty, or not a regular file (a device, a pipe or a folder).");
        }

        if (length > ResidencyPS.IO.BoundedWriter.MaxBytes)
        {
            throw new ResultFileException("It is " + length + " bytes; no result file is written larger than " + ResidencyPS.IO.BoundedWriter.MaxBytes + ".");
        }

        JObject document;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 32 };
            document = JObject.Load(json, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });

            // One document and nothing after it: two files joined would otherwise read as the first alone.
            if (json.Read())
            {
                throw new ResultFileException("It holds more after its JSON object (line " + json.LineNumber + "); a result file is one object.");
            }
        }
        catch (Exception e) when (e is JsonException || e is DecoderFallbackException || e is InvalidCastException)
        {
            throw new ResultFileException("It is not one JSON object in UTF-8: " + e.Message);
        }

        var version = document["schemaVersion"];
        if (version?.Type != JTokenType.String || (string?)version != SchemaVersion)
        {
            throw new ResultFileException("Its schemaVersion is " + (version == null ? "missing" : version.ToString(Formatting.None)) + "; this version of ResidencyPS reads \"" + SchemaVersion + "\".");
        }

        var generated = Text(document, "generatedUtc");
        if (generated == null || !DateTime.TryParseExact(generated, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var runTime))
        {
            throw new ResultFileException("Its generatedUtc is missing or not an ISO 8601 UTC time (yyyy-MM-ddTHH:mm:ssZ).");
        }

        var policy = document["policy"] as JObject ?? throw new ResultFileException("It names no policy (policy.sha256).");
        var sha = Text(policy, "sha256") ?? throw new ResultFileException("It names no policy (policy.sha256).");
        var results = new List<CarriedResult.Values>();
        var items = document["results"] as JArray ?? throw new ResultFileException("It has no results array.");
        if (items.Count == 0)
        {
            throw new ResultFileException("Its results array is empty; a run always has at least one result.");
        }

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
                Flag(r, "usesIntegrations", i), Flag(r, "customMailbox", i), Flag(r, "waived", i), waiver == null ? null : Text(waiver, "justification"),
                waiver == null ? null : Text(waiver, "approvedBy"), expires, findings != null && findings.Count > 0 && findings[0] is JObject first ? Text(first, "message") : null,
                Row(r, i), runTime));
        }

        return new Run(Text(policy, "vendor") ?? string.Empty, Text(policy, "version") ?? string.Empty, sha, results, Waivers(document));
    }

    // The waiver registers, read as strictly as the results: a status or date that is not one is an error, never dropped.
    private static IReadOnlyList<WaiverLedger>? Waivers(JObject document)
    {
        var known = document["waiverFilesKnown"];
        if (known?.Type != JTokenType.Boolean)
        {
            throw new ResultFileException("Its waiverFilesKnown is missing or not true or false.");
        }

        var files = document["waiverFiles"] as JArray ?? throw new ResultFileException("It has no waiverFiles array.");
        var ledgers = new List<WaiverLedger>();
        for (var f = 0; f < files.Count; f++)
        {
            var at = "waiverFiles[" + f + "]";
            var file = files[f] as JObject ?? throw new ResultFileException(at + " is not an object.");
            var entries = new List<WaiverLedgerEntry>();
            var items = file["waivers"] as JArray ?? throw new ResultFileException(at + ".waivers is missing.");
            for (var i = 0; i < items.Count; i++)
            {
                var w = items[i] as JObject ?? throw new ResultFileException(at + ".waivers[" + i + "] is not an object.");
                var where = at + ".waivers[" + i + "]";
                var index = w["index"] is JValue { Type: JTokenType.Integer } v && v.Value is long n && n >= 0 && n <= int.MaxValue ? (int)n
                    : throw new ResultFileException(where + ".index is not a position (a whole number from 0).");
                Verdict? verdict = null;
                if (Text(w, "verdict") is string named)
                {
                    verdict = Enum.TryParse<Verdict>(named, false, out var parsed) && Array.IndexOf(WaiverLoader.WaivableVerdicts, parsed) >= 0 && named == parsed.ToString()
                        ? parsed : throw new ResultFileException(where + ".verdict '" + named + "' is not a verdict a waiver covers.");
                }

                var expires = Text(w, "expires");
                if (expires == null || !DateTime.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new ResultFileException(where + ".expires is missing or not a date (yyyy-MM-dd).");
                }

                var status = Text(w, "status");
                if (status == null || !Enum.TryParse<WaiverStatus>(status, false, out var state) || status != state.ToString())
                {
                    throw new ResultFileException(where + ".status is not Applied, Unused or Expired.");
                }

                entries.Add(new WaiverLedgerEntry(index, Text(w, "product") ?? throw new ResultFileException(where + ".product is missing."),
                    Text(w, "dataCategory") ?? throw new ResultFileException(where + ".dataCategory is missing."), verdict,
                    Text(w, "justification") ?? throw new ResultFileException(where + ".justification is missing."), Text(w, "approvedBy"), date, state));
            }

            ledgers.Add(new WaiverLedger(Text(file, "path") ?? throw new ResultFileException(at + ".path is missing."), Text(file, "sha256"), entries));
        }

        return (bool)known! ? ledgers : null;
    }

    private static string? Text(JObject o, string name) => o[name]?.Type == JTokenType.String ? (string?)o[name] : null;

    private static string Required(JObject o, string name, int index) =>
        Text(o, name) ?? throw new ResultFileException("results[" + index + "]." + name + " is missing or not text.");

    // A value of the wrong type is an error, never read as false or null: "waived": "true" must not drop a waiver
    // silently, nor "inputRow": 4294967297 become row 1.
    private static bool Flag(JObject o, string name, int index) => o[name]?.Type switch
    {
        JTokenType.Boolean => (bool)o[name]!,
        null => false,
        _ => throw new ResultFileException("results[" + index + "]." + name + " is not true or false."),
    };

    private static int? Row(JObject o, int index) => o["inputRow"] switch
    {
        null => null,
        { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer } v when v.Value is long n && n >= 1 && n <= int.MaxValue => (int)n,
        _ => throw new ResultFileException("results[" + index + "].inputRow is not a row number (a whole number from 1)."),
    };
}
