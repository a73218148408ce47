using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Text;
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
    /// <summary>The document shape of one policy's results.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The document shape of several vendors' results (issue 22): a <c>policies</c> list, and each result naming its policy.</summary>
    public const string EstateSchemaVersion = "1.1";

    /// <summary>A policy whose results the file holds.</summary>
    /// <param name="Vendor">The policy's vendor.</param>
    /// <param name="Version">The policy's version.</param>
    /// <param name="Sha256">The policy's SHA-256.</param>
    internal sealed record RunPolicy(string Vendor, string Version, string Sha256);

    /// <summary>What the file says about its run.</summary>
    /// <param name="Policies">The policies whose results it holds (one, or several vendors'), each result naming its own by SHA-256.</param>
    /// <param name="Results">What each result carried.</param>
    /// <param name="Waivers">The run's waiver registers; null when the file says they were not known (results that travelled before it was written).</param>
    internal sealed record Run(IReadOnlyList<RunPolicy> Policies, IReadOnlyList<CarriedResult.Values> Results, IReadOnlyList<WaiverLedger>? Waivers);

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

        // Streamed: the document's small parts are read as JSON values, the results one at a time, so memory follows the
        // results, not the file (a whole 157 MB file as one token tree took over 1 GB).
        var document = new JObject();
        var results = new List<CarriedResult.Values>();
        var hasResults = false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 32 };
            if (!json.Read() || json.TokenType != JsonToken.StartObject)
            {
                throw new ResultFileException("It is not one JSON object in UTF-8: it does not start with '{'.");
            }

            while (Next(json) && json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)json.Value!;
                if (document.ContainsKey(name) || (name == "results" && hasResults))
                {
                    throw new ResultFileException("It names '" + name + "' twice (line " + json.LineNumber + "); a result file has each property once.");
                }

                Next(json);
                if (name != "results")
                {
                    document[name] = JToken.ReadFrom(json, Strict);
                    continue;
                }

                if (json.TokenType != JsonToken.StartArray)
                {
                    throw new ResultFileException("It has no results array.");
                }

                hasResults = true;
                while (Next(json) && json.TokenType != JsonToken.EndArray)
                {
                    if (json.TokenType != JsonToken.StartObject)
                    {
                        throw new ResultFileException("results[" + results.Count + "] is not an object.");
                    }

                    // Each result is read, checked and reduced to what it carried before the next one is read.
                    results.Add(ReadResult(json, results.Count));
                }
            }

            if (json.TokenType != JsonToken.EndObject)
            {
                throw new ResultFileException("It is not one JSON object in UTF-8: it ends early.");
            }

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
        var estate = version?.Type == JTokenType.String && (string?)version == EstateSchemaVersion;
        if (!estate && (version?.Type != JTokenType.String || (string?)version != SchemaVersion))
        {
            throw new ResultFileException("Its schemaVersion is " + (version == null ? "missing" : version.ToString(Formatting.None)) + "; this version of ResidencyPS reads \""
                + SchemaVersion + "\" (one policy) and \"" + EstateSchemaVersion + "\" (several vendors).");
        }

        var generated = Text(document, "generatedUtc");
        if (generated == null || !IsoDate.TryParseUtc(generated, out var runTime))
        {
            throw new ResultFileException("Its generatedUtc is missing or not an ISO 8601 UTC time (yyyy-MM-ddTHH:mm:ssZ).");
        }

        var policies = estate ? Policies(document) : new[] { Policy(document["policy"] as JObject, "policy") };
        if (!hasResults)
        {
            throw new ResultFileException("It has no results array.");
        }

        if (results.Count == 0)
        {
            throw new ResultFileException("Its results array is empty; a run always has at least one result.");
        }

        // The policy and the run's time may come after the results (a file written by hand): each result gets them now. In a
        // file of several vendors each result names its policy, which must be one of the file's.
        for (var i = 0; i < results.Count; i++)
        {
            var sha = estate ? results[i].PolicySha256 : policies[0].Sha256;
            if (!policies.Any(p => string.Equals(p.Sha256, sha, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ResultFileException("results[" + i + "] names " + (sha.Length == 0 ? "no policy (policySha256)" : "the policy " + InertText.Escape(sha)) + ", which is not among the file's policies.");
            }

            results[i] = results[i] with { PolicySha256 = sha, RunUtc = runTime };
        }

        var waivers = Waivers(document);
        CheckAgainstItself(document, results, waivers, sha => estate ? policies.First(p => string.Equals(p.Sha256, sha, StringComparison.OrdinalIgnoreCase)).Vendor : string.Empty);
        return new Run(policies, results, waivers);
    }

    private static RunPolicy Policy(JObject? policy, string at)
    {
        var sha = (policy == null ? null : Text(policy, "sha256")) ?? throw new ResultFileException("It names no policy (" + at + ".sha256).");
        return new RunPolicy(Text(policy!, "vendor") ?? string.Empty, Text(policy!, "version") ?? string.Empty, sha);
    }

    // A file of several vendors: each policy once, each vendor once (the summary names results by vendor).
    private static RunPolicy[] Policies(JObject document)
    {
        var list = document["policies"] as JArray;
        if (list == null || list.Count == 0)
        {
            throw new ResultFileException("It names no policies (policies[].sha256).");
        }

        var policies = list.Select((p, i) => Policy(p as JObject, "policies[" + i + "]")).ToArray();
        if (policies.GroupBy(p => p.Vendor, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1) || policies.GroupBy(p => p.Sha256, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new ResultFileException("Its policies name a vendor or a SHA-256 twice; a file holds one policy per vendor.");
        }

        return policies;
    }

    // The file is not signed, but it must agree with itself: the summary counts the results it holds, so a row removed
    // or added by hand is refused; and where the run's waiver register is known, a waived result needs a waiver of it
    // that applied, so a waiver added to a result by hand is refused too.
    private static void CheckAgainstItself(JObject document, List<CarriedResult.Values> results, IReadOnlyList<WaiverLedger>? waivers, Func<string, string> vendorOf)
    {
        // Counted by vendor too in a file of several vendors, whose products may share a name; the vendor is "" in a file of one.
        var summary = document["summary"] as JArray ?? throw new ResultFileException("It has no summary array.");
        var counted = results.GroupBy(r => (vendorOf(r.PolicySha256), r.Product, r.HostingRegion)).ToDictionary(g => g.Key, g => g.Count());
        var listed = new HashSet<(string, string, string)>();
        var byVendor = counted.Keys.Any(k => k.Item1.Length > 0);
        for (var i = 0; i < summary.Count; i++)
        {
            var entry = summary[i] as JObject ?? throw new ResultFileException("summary[" + i + "] is not an object.");
            var key = (byVendor ? Text(entry, "vendor") ?? string.Empty : string.Empty, Text(entry, "product") ?? string.Empty, Text(entry, "hostingRegion") ?? string.Empty);
            var tested = entry["tested"] is JValue { Type: JTokenType.Integer } v && v.Value is long n ? n : -1;
            counted.TryGetValue(key, out var held);
            if (!listed.Add(key) || tested != held)
            {
                throw new ResultFileException("Its summary counts " + tested + " results of " + (key.Item1.Length > 0 ? key.Item1 + " " : string.Empty) + key.Item2 + " hosted in " + key.Item3
                    + ", but it holds " + held + ": results were removed or added after it was written.");
            }
        }

        if (counted.Keys.FirstOrDefault(k => !listed.Contains(k)) is var missing && missing.Item2 != null)
        {
            throw new ResultFileException("It holds results of " + (missing.Item1.Length > 0 ? missing.Item1 + " " : string.Empty) + missing.Item2 + " hosted in " + missing.Item3
                + " that its summary does not count: results were added after it was written.");
        }

        if (waivers == null)
        {
            return;
        }

        var entries = waivers.SelectMany(l => l.Entries).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Waived && !entries.Any(w => w.Covered(r.WaiverJustification, r.WaiverApprovedBy, r.WaiverExpires)))
            {
                throw new ResultFileException("results[" + i + "] is waived, but no waiver of the file's waiver register applied to it: a waiver was added after the file was written.");
            }
        }
    }

    private static readonly JsonLoadSettings Strict = new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    // What one result carried, read token by token (a token tree per result cost more than the tokens): the values a
    // result needs are checked as strictly as before, every other value is walked for duplicate keys and skipped. The
    // policy's SHA-256 and the run's time are added once the whole file is read.
    private static CarriedResult.Values ReadResult(JsonTextReader json, int i)
    {
        var at = "results[" + i + "]";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? product = null, category = null, region = null, verdict = null, justification = null, approvedBy = null, firstFinding = null, policySha256 = null;
        bool usesIntegrations = false, customMailbox = false, waived = false;
        DateTime? expires = null;
        int? row = null;
        List<KeyValuePair<string, string>>? columns = null;
        while (Next(json) && json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)json.Value!;
            if (!seen.Add(name))
            {
                throw new ResultFileException(at + " names '" + name + "' twice.");
            }

            Next(json);
            switch (name)
            {
                case "product": product = Text(json); break;
                case "dataCategory": category = Text(json); break;
                case "hostingRegion": region = Text(json); break;
                case "verdict": verdict = Text(json); break;
                case "policySha256": policySha256 = Text(json); break;
                case "usesIntegrations": usesIntegrations = Flag(json, at + "." + name); break;
                case "customMailbox": customMailbox = Flag(json, at + "." + name); break;
                case "waived": waived = Flag(json, at + "." + name); break;
                case "inputRow": row = Row(json, at); break;
                case "inputColumns":
                    // Held to result.schema.json: an object of at most 64 texts of at most 500 characters, each name once.
                    if (json.TokenType != JsonToken.StartObject)
                    {
                        throw new ResultFileException(at + ".inputColumns is not an object of column names and texts.");
                    }

                    columns = new List<KeyValuePair<string, string>>();
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    ReadObject(json, at + ".inputColumns", (field, value) =>
                    {
                        var text = Text(value) ?? throw new ResultFileException(at + ".inputColumns." + InertText.Escape(field) + " is not text.");
                        if (!names.Add(field) || names.Count > InputColumns.MaxColumns || text.Length > InputColumns.MaxLength)
                        {
                            throw new ResultFileException(at + ".inputColumns." + InertText.Escape(field) + " is a column named twice, a column past the "
                                + InputColumns.MaxColumns + "th, or a text of more than " + InputColumns.MaxLength + " characters: the file was not written so.");
                        }

                        columns.Add(new KeyValuePair<string, string>(field, text));
                        return true;
                    });
                    break;
                case "waiver" when json.TokenType == JsonToken.StartObject:
                    ReadObject(json, at + ".waiver", (field, value) =>
                    {
                        switch (field)
                        {
                            case "justification": justification = Text(value); return true;
                            case "approvedBy": approvedBy = Text(value); return true;
                            case "expires":
                                if (Text(value) is string date)
                                {
                                    expires = IsoDate.TryParseDay(date, out var parsed) ? parsed
                                        : throw new ResultFileException(at + ".waiver.expires '" + date + "' is not a date (yyyy-MM-dd).");
                                }

                                return true;
                            default: return false;
                        }
                    });
                    break;
                case "findings" when json.TokenType == JsonToken.StartArray:
                    var first = true;
                    while (Next(json) && json.TokenType != JsonToken.EndArray)
                    {
                        if (first && json.TokenType == JsonToken.StartObject)
                        {
                            ReadObject(json, at + ".findings[0]", (field, value) =>
                            {
                                if (field != "message")
                                {
                                    return false;
                                }

                                firstFinding = Text(value);
                                return true;
                            });
                        }
                        else
                        {
                            Skip(json);
                        }

                        first = false;
                    }

                    break;
                default:
                    Skip(json);
                    break;
            }
        }

        return new CarriedResult.Values(product ?? Missing(at, "product"), category ?? Missing(at, "dataCategory"), region ?? Missing(at, "hostingRegion"),
            verdict ?? Missing(at, "verdict"), policySha256 ?? string.Empty, usesIntegrations, customMailbox, waived, justification, approvedBy, expires, firstFinding, row,
            InputColumns: columns);
    }

    // The next token; the end of the file inside the document is an error, so a file cut off after any result is never
    // read as a shorter run.
    private static bool Next(JsonReader json) =>
        json.Read() ? true : throw new ResultFileException("It ends early (line " + ((IJsonLineInfo)json).LineNumber + "): the file was cut off, so rows may be missing.");

    private static string Missing(string at, string name) => throw new ResultFileException(at + "." + name + " is missing or not text.");

    // The reader is on a value: its text when it is a string, else null (the value is left for the caller to skip).
    private static string? Text(JsonReader json) => json.TokenType == JsonToken.String ? (string)json.Value! : null;

    // A value of the wrong type is an error, never read as false or null: "waived": "true" must not drop a waiver silently.
    private static bool Flag(JsonReader json, string at) =>
        json.TokenType == JsonToken.Boolean ? (bool)json.Value! : throw new ResultFileException(at + " is not true or false.");

    // A row number, or null; "inputRow": 4294967297 must not become row 1.
    private static int? Row(JsonReader json, string at) => json.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.Integer when json.Value is long n && n >= 1 && n <= int.MaxValue => (int)n,
        _ => throw new ResultFileException(at + ".inputRow is not a row number (a whole number from 1)."),
    };

    // Reads the object the reader is on: each property once; read(name, reader) takes the ones it knows (returning true),
    // the rest are skipped. A value read must be consumed whole: only scalar values are taken.
    private static void ReadObject(JsonReader json, string at, Func<string, JsonReader, bool> read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(json) && json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)json.Value!;
            if (!seen.Add(name))
            {
                throw new ResultFileException(at + " names '" + name + "' twice.");
            }

            Next(json);
            if (json.TokenType == JsonToken.StartObject || json.TokenType == JsonToken.StartArray || !read(name, json))
            {
                Skip(json);
            }
        }
    }

    // Skips the value the reader is on, refusing a key named twice in any object inside it.
    private static void Skip(JsonReader json)
    {
        if (json.TokenType == JsonToken.StartObject)
        {
            ReadObject(json, "An object at line " + ((IJsonLineInfo)json).LineNumber, (_, _) => false);
        }
        else if (json.TokenType == JsonToken.StartArray)
        {
            while (Next(json) && json.TokenType != JsonToken.EndArray)
            {
                Skip(json);
            }
        }
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
                if (expires == null || !IsoDate.TryParseDay(expires, out var date))
                {
                    throw new ResultFileException(where + ".expires is missing or not a date (yyyy-MM-dd).");
                }

                var status = Text(w, "status");
                if (status == null || !Enum.TryParse<WaiverStatus>(status, false, out var state) || status != state.ToString())
                {
                    throw new ResultFileException(where + ".status is not " + string.Join(", ", Enum.GetNames(typeof(WaiverStatus))) + ".");
                }

                entries.Add(new WaiverLedgerEntry(index, Text(w, "product") ?? throw new ResultFileException(where + ".product is missing."),
                    Text(w, "dataCategory") ?? throw new ResultFileException(where + ".dataCategory is missing."), verdict,
                    Text(w, "justification") ?? throw new ResultFileException(where + ".justification is missing."), Text(w, "approvedBy"), date, state, Text(w, "reason")));
            }

            ledgers.Add(new WaiverLedger(Text(file, "path") ?? throw new ResultFileException(at + ".path is missing."), Text(file, "sha256"), entries));
        }

        return (bool)known! ? ledgers : null;
    }

    private static string? Text(JObject o, string name) => o[name]?.Type == JTokenType.String ? (string?)o[name] : null;
}
