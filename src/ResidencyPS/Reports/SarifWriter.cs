using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;

namespace ResidencyPS.Reports;

/// <summary>
/// SARIF 2.1.0, as code-scanning tools (GitHub, Azure DevOps, the SARIF viewer) read it: one rule per kind of result that
/// does not pass by itself (Outside, Transient, Unknown, NotEvaluated), one result per row that did not pass or was waived,
/// located at the policy text's lines its findings cite, with the Dutch words as the snippet; a waived row carries an
/// accepted suppression with the waiver's justification.
/// </summary>
internal static class SarifWriter
{
    /// <summary>The schema SARIF consumers look for.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string PolicyTextBase = "POLICYTEXT";

    // Every kind is an error: each fails the check (Invoke-ResidencyCheck exits 1), and a code-scanning gate that
    // fails on errors only must not let an Unknown or a Transient row through.
    private static readonly (Verdict Verdict, string Name, string Level, string Short, string Full)[] Rules =
    {
        (Verdict.Outside, "HostedOutsideEea", "error", "Data can be hosted or stored outside the EEA",
            "The policy text places this data outside the EEA for the hosting region tested (hosted, stored or processed elsewhere)."),
        (Verdict.Transient, "PassesOutsideEea", "error", "Data passes outside the EEA for a time",
            "The policy text has this data leave the EEA on its way, for a time it states, before it is stored in the EEA."),
        (Verdict.Unknown, "PlaceNotStated", "error", "The policy text does not say where this data is",
            "The policy text gives no place for this data in the hosting region tested, so it cannot be shown to stay in the EEA."),
        (Verdict.NotEvaluated, "RowNotEvaluated", "error", "An input row could not be evaluated",
            "The row names a product, data category or hosting region the policy does not know, or another vendor: nothing was tested."),
    };

    // A source document named with a folder (either kind of separator) is located by its file name alone.
    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(ReportData data, TextWriter writer)
    {
        var p = data.Policy;
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartObject();
        Property(json, "$schema", Schema);
        Property(json, "version", "2.1.0");
        json.WritePropertyName("runs");
        json.WriteStartArray();
        json.WriteStartObject();

        json.WritePropertyName("tool");
        json.WriteStartObject();
        json.WritePropertyName("driver");
        json.WriteStartObject();
        Property(json, "name", "ResidencyPS");
        Property(json, "semanticVersion", ModuleVersion());
        json.WritePropertyName("rules");
        json.WriteStartArray();
        foreach (var rule in Rules)
        {
            json.WriteStartObject();
            Property(json, "id", RuleId(rule.Verdict));
            Property(json, "name", rule.Name);
            Message(json, "shortDescription", rule.Short);
            Message(json, "fullDescription", rule.Full);
            json.WritePropertyName("defaultConfiguration");
            json.WriteStartObject();
            Property(json, "level", rule.Level);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        // The policy text is not a file of the repository being scanned: its lines are named relative to a base the
        // consumer may map, and described so a reader knows which text they are.
        json.WritePropertyName("originalUriBaseIds");
        json.WriteStartObject();
        json.WritePropertyName(PolicyTextBase);
        json.WriteStartObject();
        Message(json, "description", "The policy text: " + CiText.Safe(p.SourceTitle) + (p.SourceUrl == null ? string.Empty : ", " + CiText.Safe(p.SourceUrl)));
        json.WriteEndObject();
        json.WriteEndObject();

        json.WritePropertyName("artifacts");
        json.WriteStartArray();
        json.WriteStartObject();
        ArtifactLocation(json, DocumentUri(p), includeIndex: false);
        Message(json, "description", CiText.Safe(p.SourceTitle));
        Property(json, "sourceLanguage", p.SourceLanguage);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WritePropertyName("results");
        json.WriteStartArray();
        foreach (var r in data.Results.Where(r => !r.Passed || r.Waived))
        {
            WriteResult(json, data, r);
        }

        json.WriteEndArray();

        json.WritePropertyName("properties");
        json.WriteStartObject();
        Property(json, "policyVendor", p.Vendor);
        Property(json, "policyVersion", p.PolicyVersion);
        Property(json, "policySha256", p.Sha256);
        Property(json, "generatedUtc", ResidencyPS.Engine.Text.IsoDate.Utc(data.GeneratedUtc));
        json.WritePropertyName("tested");
        json.WriteValue(data.Results.Count);
        json.WritePropertyName("passed");
        json.WriteValue(data.PassedCount);
        json.WriteEndObject();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.WriteLine();
    }

    // SARIF wants a stable, opaque id beside a readable name: the verdict a result has, prefixed.
    private static string RuleId(Verdict verdict) => "EEA-" + verdict;

    private static void WriteResult(JsonTextWriter json, ReportData data, EeaBoundaryResult r)
    {
        var ruleIndex = Array.FindIndex(Rules, rule => rule.Verdict == r.Verdict);
        json.WriteStartObject();
        Property(json, "ruleId", RuleId(r.Verdict));
        json.WritePropertyName("ruleIndex");
        json.WriteValue(ruleIndex);
        Property(json, "level", ruleIndex >= 0 ? Rules[ruleIndex].Level : "error");
        Message(json, "message", CiText.Title(r) + ": " + CiText.Headline(r) + " (basis: " + ReportWords.BasisAndConflict(r.Basis, r.HasConflict) + ")");

        var sources = CiText.Deciding(r).SelectMany(f => f.Source.Select(s => (Finding: f, Statement: s)))
            .GroupBy(pair => pair.Statement.Line).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        json.WritePropertyName("locations");
        json.WriteStartArray();
        foreach (var (finding, statement) in sources)
        {
            json.WriteStartObject();
            json.WritePropertyName("physicalLocation");
            json.WriteStartObject();
            ArtifactLocation(json, DocumentUri(data.Policy), includeIndex: true);
            json.WritePropertyName("region");
            json.WriteStartObject();
            json.WritePropertyName("startLine");
            json.WriteValue(statement.Line);
            json.WritePropertyName("snippet");
            json.WriteStartObject();
            Property(json, "text", CiText.Safe(statement.Text));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            Message(json, "message", CiText.Safe(finding.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (r.Waived)
        {
            json.WritePropertyName("suppressions");
            json.WriteStartArray();
            json.WriteStartObject();
            Property(json, "kind", "external");
            Property(json, "status", "accepted");
            Property(json, "justification", CiText.Waiver(r));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WritePropertyName("properties");
        json.WriteStartObject();
        Property(json, "product", CiText.Safe(r.Product));
        Property(json, "dataCategory", CiText.Safe(r.DataCategory));
        Property(json, "hostingRegion", CiText.Safe(r.HostingRegion));
        json.WritePropertyName("inputRow");
        if (r.InputRow is int row)
        {
            json.WriteValue(row);
        }
        else
        {
            json.WriteNull();
        }

        Property(json, "verdict", r.Verdict.ToString());
        Property(json, "basis", r.Basis.ToString());
        Property(json, "conflict", r.Conflict == null ? null : CiText.Safe(r.Conflict));
        Property(json, "explanation", CiText.Explanation(r));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The text's file name as the policy gives it, as a relative URI (a space or a '#' escaped).
    private static string DocumentUri(ResidencyPolicy policy) =>
        Uri.EscapeDataString(string.IsNullOrEmpty(policy.SourceDocument) ? "policy-text.txt" : policy.SourceDocument.Substring(policy.SourceDocument.LastIndexOfAny(PathSeparators) + 1));

    private static void ArtifactLocation(JsonTextWriter json, string uri, bool includeIndex)
    {
        json.WritePropertyName(includeIndex ? "artifactLocation" : "location");
        json.WriteStartObject();
        Property(json, "uri", uri);
        Property(json, "uriBaseId", PolicyTextBase);
        if (includeIndex)
        {
            json.WritePropertyName("index");
            json.WriteValue(0);
        }

        json.WriteEndObject();
    }

    // The module's version without the commit after '+' (SARIF's semanticVersion is the version a user installed).
    private static string ModuleVersion()
    {
        var informational = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }

    private static void Message(JsonTextWriter json, string name, string text)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        Property(json, "text", text);
        json.WriteEndObject();
    }

    private static void Property(JsonTextWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
