using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using Newtonsoft.Json;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;

/// <summary>
/// The result file: one JSON document of a run that any tool can read and Import-ResidencyResult reads back into
/// typed results (issue 21). Enum names, ISO 8601 dates and durations, no .NET type names; its contract is
/// result.schema.json, shipped in the module folder and named by <c>$schema</c>.
/// </summary>
internal static class ResultFile
{
    /// <summary>The version of the document's shape for one policy's results.</summary>
    public const string SchemaVersion = Engine.Evaluation.ResultFileReader.SchemaVersion;

    /// <summary>The version of the document's shape for several vendors' results: a <c>policies</c> list, each result naming its policy.</summary>
    public const string EstateSchemaVersion = Engine.Evaluation.ResultFileReader.EstateSchemaVersion;

    /// <summary>The schema's file name in the module folder.</summary>
    public const string SchemaFileName = "result.schema.json";

    /// <summary>Writes the run of <paramref name="data"/> as the result file.</summary>
    public static void Write(ReportData data, TextWriter text, Guid runId) =>
        Write(text, runId, data.GeneratedUtc, new[] { data }, data.Results, estate: false);

    /// <summary>
    /// Writes the run of several vendors' results (issue 22, point 3): schemaVersion 1.1, every policy's provenance in
    /// <c>policies</c>, the summary by vendor, and each result, in input order, naming its policy by SHA-256.
    /// </summary>
    public static void WriteEstate(EstateData estate, TextWriter text, Guid runId) =>
        Write(text, runId, estate.GeneratedUtc, estate.Parts, estate.Results, estate: true);

    private static void Write(TextWriter text, Guid runId, DateTime generatedUtc, IReadOnlyList<ReportData> parts, IReadOnlyList<EeaBoundaryResult> results, bool estate)
    {
        using var json = new JsonTextWriter(text) { Formatting = Newtonsoft.Json.Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartObject();
        Property(json, "$schema", "./" + SchemaFileName);
        Property(json, "schemaVersion", estate ? EstateSchemaVersion : SchemaVersion);
        Property(json, "runId", runId.ToString("D"));
        Property(json, "generatedUtc", IsoDate.Utc(generatedUtc));
        json.WritePropertyName(estate ? "policies" : "policy", false);
        if (estate)
        {
            json.WriteStartArray();
        }

        foreach (var p in parts.Select(part => part.Policy))
        {
            json.WriteStartObject();
            Property(json, "vendor", p.Vendor);
            Property(json, "version", p.PolicyVersion);
            Property(json, "sha256", p.Sha256);
            Property(json, "sourceTitle", p.SourceTitle);
            Property(json, "sourceUrl", p.SourceUrl);
            Property(json, "sourceRetrieved", IsoDate.Day(p.SourceRetrieved));
            json.WriteEndObject();
        }

        if (estate)
        {
            json.WriteEndArray();
        }

        WriteWaivers(json, parts);
        json.WritePropertyName("summary", false);
        json.WriteStartArray();
        foreach (var s in parts.SelectMany(part => part.Summaries))
        {
            json.WriteStartObject();
            if (estate)
            {
                Property(json, "vendor", s.PolicyVendor);
            }

            Property(json, "product", s.Product);
            Property(json, "hostingRegion", s.HostingRegion);
            Count(json, "tested", s.Tested);
            Count(json, "within", s.Within);
            Count(json, "transient", s.Transient);
            Count(json, "outside", s.Outside);
            Count(json, "unknown", s.Unknown);
            Count(json, "notEvaluated", s.NotEvaluated);
            Count(json, "waived", s.Waived);
            json.WritePropertyName("passed", false);
            json.WriteValue(s.Passed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        // One result per line, compact: a 100,000-row file is a third smaller and quicker to write and read, and a line
        // is still one result for grep and diff. The rest of the document is indented.
        json.WritePropertyName("results", false);
        json.WriteStartArray();
        var line = new System.Text.StringBuilder(2048);
        using (var lineWriter = new StringWriter(line, CultureInfo.InvariantCulture))
        {
            foreach (var r in results)
            {
                line.Clear();
                using (var compact = new JsonTextWriter(lineWriter) { Formatting = Newtonsoft.Json.Formatting.None, CloseOutput = false })
                {
                    WriteResult(compact, r, estate);
                }

                json.WriteRawValue(line.ToString());
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        text.WriteLine();
    }

    // The waiver register of every run the results came from: each waiver file once, each waiver applied, unused or
    // expired. "waiverFilesKnown" is false when some results travelled without theirs (Start-Job, Import-Clixml).
    private static void WriteWaivers(JsonTextWriter json, IReadOnlyList<ReportData> parts)
    {
        json.WritePropertyName("waiverFilesKnown", false);
        json.WriteValue(parts.All(p => p.WaiverRegistersKnown));
        json.WritePropertyName("waiverFiles", false);
        json.WriteStartArray();
        foreach (var ledger in parts.SelectMany(p => p.WaiverRegisters).GroupBy(l => l.Path + "\n" + l.Sha256, StringComparer.Ordinal).Select(g => g.First()))
        {
            json.WriteStartObject();
            Property(json, "path", ledger.Path);
            Property(json, "sha256", ledger.Sha256);
            json.WritePropertyName("waivers", false);
            json.WriteStartArray();
            foreach (var w in ledger.Entries)
            {
                json.WriteStartObject();
                Count(json, "index", w.Index);
                Property(json, "product", w.Product);
                Property(json, "dataCategory", w.DataCategory);
                Property(json, "verdict", w.Verdict?.ToString());
                Property(json, "justification", w.Justification);
                Property(json, "approvedBy", w.ApprovedBy);
                Property(json, "expires", IsoDate.Day(w.Expires));
                Property(json, "status", w.Status.ToString());
                if (w.Reason != null)
                {
                    Property(json, "reason", w.Reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteResult(JsonTextWriter json, EeaBoundaryResult r, bool withPolicy)
    {
        json.WriteStartObject();
        if (withPolicy)
        {
            Property(json, "policySha256", r.PolicySha256);
        }

        json.WritePropertyName("inputRow", false);
        if (r.InputRow is int row)
        {
            json.WriteValue(row);
        }
        else
        {
            json.WriteNull();
        }

        if (r.InputColumns.Count > 0)
        {
            // The row's own columns, in its order, so a result read back still names its owner or tenant.
            json.WritePropertyName("inputColumns", false);
            json.WriteStartObject();
            foreach (var name in r.InputColumns.Names)
            {
                json.WritePropertyName(name);
                json.WriteValue(r.InputColumns[name]);
            }

            json.WriteEndObject();
        }

        Property(json, "product", r.Product);
        Property(json, "dataCategory", r.DataCategory);
        Property(json, "hostingRegion", r.HostingRegion);
        Property(json, "verdict", Names<Verdict>.Of(r.Verdict));
        Flag(json, "staysInEea", r.StaysInEea);
        Flag(json, "passed", r.Passed);
        Flag(json, "waived", r.Waived);
        json.WritePropertyName("waiver", false);
        if (r.Waived)
        {
            json.WriteStartObject();
            Property(json, "justification", r.WaiverJustification);
            Property(json, "approvedBy", r.WaiverApprovedBy);
            Property(json, "expires", IsoDate.Day(r.WaiverExpires));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        Property(json, "basis", Names<Basis>.Of(r.Basis));
        Flag(json, "hasConflict", r.HasConflict);
        Property(json, "conflict", r.Conflict);
        Flag(json, "usesIntegrations", r.UsesIntegrations);
        Flag(json, "customMailbox", r.CustomMailbox);
        json.WritePropertyName("findings", false);
        json.WriteStartArray();
        foreach (var f in r.Findings)
        {
            json.WriteStartObject();
            Property(json, "rule", f.Rule);
            Property(json, "effect", Names<FindingEffect>.Of(f.Effect));
            Property(json, "message", f.Message);
            Property(json, "destination", f.Destination);
            Property(json, "duration", f.Duration is TimeSpan d ? XmlConvert.ToString(d) : null);
            Property(json, "durationText", f.DurationText);
            Property(json, "basis", Names<Basis>.Of(f.Basis));
            json.WritePropertyName("sources", false);
            json.WriteStartArray();
            foreach (var s in f.Source.Count < 2 ? f.Source : (IEnumerable<PolicyStatement>)f.Source.OrderBy(s => s.Line))
            {
                json.WriteStartObject();
                Property(json, "id", s.Id);
                Count(json, "line", s.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Enum names, found once: a 100,000-row file names a verdict, a basis and each finding's effect in every row.
    private static class Names<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Known = Enum.GetValues(typeof(T)).Cast<T>().Distinct().ToDictionary(v => v, v => v.ToString());

        public static string Of(T value) => Known.TryGetValue(value, out var name) ? name : value.ToString();
    }


    private static void Property(JsonTextWriter json, string name, string? value)
    {
        json.WritePropertyName(name, false);
        json.WriteValue(value);
    }

    private static void Count(JsonTextWriter json, string name, int value)
    {
        json.WritePropertyName(name, false);
        json.WriteValue(value);
    }

    private static void Flag(JsonTextWriter json, string name, bool value)
    {
        json.WritePropertyName(name, false);
        json.WriteValue(value);
    }
}
