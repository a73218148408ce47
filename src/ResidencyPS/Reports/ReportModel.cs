using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Reports;


/// <summary>What a report shows: the policy, the boundary results and when it was made.</summary>
internal sealed class ReportData
{
    /// <summary>Creates the report data.</summary>
    public ReportData(ResidencyPolicy policy, IReadOnlyList<EeaBoundaryResult> results, DateTime generatedUtc)
    {
        Policy = policy;
        Results = results;
        GeneratedUtc = generatedUtc;

        // Every writer reads these more than once; the results never change, so they are counted once.
        NotEvaluatedCount = results.Count(r => r.Verdict == Verdict.NotEvaluated);
        PassedCount = results.Count(r => r.Passed);
        Assumptions = AssumptionsOf(results);
        Summaries = SummaryTable.Of(policy, results);
        // Every row's own columns, as one header: rows of a mixed inventory (two spreadsheets, two owners' columns) each
        // keep theirs. 64 a row, as InputColumns keeps them; the header stops at MaxReportColumns, and says so.
        (InputColumnNames, InputColumnsLeftOut) = InputColumnsOf(results);
        Readings = ReadingsOf(policy);
        var registers = results.Select(r => r.Context).Distinct().Select(c => c.WaiverLedgers).ToList();
        WaiverRegistersKnown = registers.All(r => r != null);
        WaiverRegisters = registers.Where(r => r != null).SelectMany(r => r!)
            .GroupBy(l => l.Path + "\n" + l.Sha256, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    /// <summary>
    /// The waiver register of every run the results came from, each waiver file once (issue 21 and 23): every waiver
    /// applied, unused or expired. Read when the report is made, so a live run's register is complete.
    /// </summary>
    public IReadOnlyList<Engine.Waivers.WaiverLedger> WaiverRegisters { get; }

    /// <summary>False when some results travelled without their run's register (Start-Job, Import-Clixml, remoting).</summary>
    public bool WaiverRegistersKnown { get; }

    /// <summary>The results a waiver of the register covered.</summary>
    public IReadOnlyList<EeaBoundaryResult> CoveredBy(Engine.Waivers.WaiverLedgerEntry waiver) =>
        Results.Where(r => r.Waived && waiver.Covered(r.WaiverJustification, r.WaiverApprovedBy, r.WaiverExpires)).ToList();

    /// <summary>The controller's answers for the Article 30 record (Export-ResidencyReport -ControllerPath); null when none were given.</summary>
    public ControllerAnswers? Controller { get; init; }

    /// <summary>The input rows' own column names, in the order they first appear (the CSV report's Input.&lt;name&gt; columns).</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>Every result's own column names, in the order they first appear, up to <see cref="MaxReportColumns"/>, and how many did not fit.</summary>
    internal static (IReadOnlyList<string> Names, int LeftOut) InputColumnsOf(IReadOnlyList<EeaBoundaryResult> results)
    {
        var names = results.SelectMany(r => r.InputColumns.Names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (names.Take(MaxReportColumns).ToList(), Math.Max(0, names.Count - MaxReportColumns));
    }

    /// <summary>The most Input.&lt;name&gt; columns a CSV report has: a spreadsheet opens it, and each is a cell in every line.</summary>
    public const int MaxReportColumns = 1024;

    /// <summary>How many distinct input column names did not fit in <see cref="MaxReportColumns"/> (the caller warns).</summary>
    public int InputColumnsLeftOut { get; }

    /// <summary>One summary per product and hosting region, in the policy's order (<see cref="SummaryTable"/>): what an auditor reads first.</summary>
    public IReadOnlyList<EeaBoundarySummary> Summaries { get; }

    /// <summary>Every fact that is a reading rather than a statement, or that the text contradicts: the notes behind each mark.</summary>
    public IReadOnlyList<Reading> Readings { get; }

    private static IReadOnlyList<Reading> ReadingsOf(ResidencyPolicy policy)
    {
        var readings = new List<Reading>();

        // A product the text does not name beside its rows is a reading every record of that product rests on (issue 20).
        foreach (var product in policy.ProductIndex.Items.Where(p => p.Basis != Basis.Stated))
        {
            readings.Add(new Reading("Product " + product.Name + ": which rows are its own", product.Basis, string.Join(" ", product.Notes), null));
        }

        foreach (var record in policy.Residency.Where(r => r.Basis != Basis.Stated || r.HasConflict))
        {
            readings.Add(new Reading(record.Product + ": " + record.DataCategory + " (" + record.Term + ")", record.Basis, string.Join(" ", record.Notes), record.Conflict));
        }

        // A retention rule applies to several products and regions; its reading is given once.
        foreach (var group in policy.Retention.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var rule = group.First();
            if (rule.Basis == Basis.Stated && !rule.HasConflict && rule.AfterDelay == null)
            {
                continue;
            }

            var products = string.Join(", ", group.Select(r => r.Product).Distinct());
            readings.Add(new Reading(rule.Subject + " of " + products + ", kept in " + rule.StorageLocation + " for " + ReportWords.Period(rule), rule.Basis,
                string.Join(" ", rule.Notes), rule.Conflict));
        }

        foreach (var rule in policy.Rules.Where(r => r.Finding.Basis != Basis.Stated))
        {
            readings.Add(new Reading(RuleScope(policy, rule), rule.Finding.Basis, rule.Finding.Message, null));
        }

        return readings;
    }

    /// <summary>
    /// What a rule applies to, in words (products, data, hosting region, condition): a report names it so, never by
    /// the rule's key in the policy file, which is ours and not the policy text's.
    /// </summary>
    internal static string RuleScope(ResidencyPolicy policy, BoundaryRule rule)
    {
        var data = rule.Categories.Count == 0 ? "All data" : string.Join(", ", policy.CategoryIndex.Items.Where(c => rule.Categories.Contains(c.Id)).Select(c => c.DataCategory));
        var products = rule.Products.Count == 0 ? "every product" : string.Join(", ", policy.ProductIndex.Items.Where(p => rule.Products.Contains(p.Name)).Select(p => p.Name));
        var hosted = rule.HostingRegions.Count == 0 ? string.Empty : ", hosted in " + string.Join(", ", rule.HostingRegions);
        var when = rule.When switch
        {
            RuleCondition.UsesIntegrations => ", with integrations or third-party apps",
            RuleCondition.CustomMailbox => ", with a custom mailbox",
            RuleCondition.NoCustomMailbox => ", without a custom mailbox",
            _ => string.Empty,
        };
        return data + " of " + products + hosted + when;
    }

    /// <summary>The policy the matrix, retention and provenance come from.</summary>
    public ResidencyPolicy Policy { get; }

    /// <summary>The EEA boundary results reported.</summary>
    public IReadOnlyList<EeaBoundaryResult> Results { get; }

    /// <summary>When the report was made (UTC).</summary>
    public DateTime GeneratedUtc { get; }

    /// <summary>Products in policy order.</summary>
    public IReadOnlyList<string> Products => Policy.ProductIndex.Items.Select(p => p.Name).ToList();

    /// <summary>Data categories that some product holds, in policy order.</summary>
    public IReadOnlyList<DataCategoryInfo> Categories => Policy.CategoryIndex.Items.Where(c => c.Products.Count > 0).ToList();

    /// <summary>The residency record of a product and category, or null.</summary>
    public DataResidencyInfo? Cell(string product, DataCategoryInfo category) =>
        Policy.ProductIndex.Find(product) is ProductInfo info ? Policy.Find(info, category) : null;

    /// <summary>The record a boundary result was evaluated on, by the names it carries; null when the policy lacks it.</summary>
    public DataResidencyInfo? RecordOf(EeaBoundaryResult result) =>
        Policy.CategoryIndex.Find(result.DataCategory) is DataCategoryInfo category ? Cell(result.Product, category) : null;

    /// <summary>Every statement the reported facts cite, in document order.</summary>
    public IReadOnlyList<PolicyStatement> CitedStatements =>
        Policy.Residency.SelectMany(r => r.Source)
            .Concat(Policy.Retention.SelectMany(r => r.Source))
            .Concat(Policy.ProductIndex.Items.SelectMany(p => p.Source))
            .Concat(Results.SelectMany(r => r.Findings).SelectMany(f => f.Source))
            .Distinct().OrderBy(s => s.Line).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>Input rows that could not be evaluated (unknown product, category or region): counted, never dropped.</summary>
    public int NotEvaluatedCount { get; }

    /// <summary>Results that passed (Within, or covered by a current waiver).</summary>
    public int PassedCount { get; }

    /// <summary>
    /// What the results assumed, in words: hosting regions, integrations, custom mailbox, and each waiver applied with
    /// its justification, approver and expiry.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Assumptions { get; }

    private static IReadOnlyList<KeyValuePair<string, string>> AssumptionsOf(IReadOnlyList<EeaBoundaryResult> results)
    {
        var lines = new List<KeyValuePair<string, string>>();
        if (results.Count == 0)
        {
            return lines;
        }

        lines.Add(Pair("Hosting regions", string.Join(", ", results.Select(r => r.HostingRegion).Distinct())));
        lines.Add(Pair("Uses integrations or third-party apps", YesNo(results.Select(r => r.UsesIntegrations))));
        lines.Add(Pair("Custom mailbox", YesNo(results.Select(r => r.CustomMailbox))));
        var waived = results.Where(r => r.Waived).GroupBy(r => (r.WaiverJustification, r.WaiverApprovedBy, r.WaiverExpires)).ToList();
        if (waived.Count == 0)
        {
            lines.Add(Pair("Waivers applied", "none"));
        }

        foreach (var group in waived)
        {
            var (justification, approvedBy, expires) = group.Key;
            lines.Add(Pair("Waiver applied to " + group.Count() + " result" + (group.Count() == 1 ? string.Empty : "s"),
                justification + (approvedBy == null ? string.Empty : " Approved by " + approvedBy + ".")
                + " Expires " + IsoDate.Day(expires) + "."));
        }

        return lines;
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);

    private static string YesNo(IEnumerable<bool> values)
    {
        var distinct = values.Distinct().ToList();
        return distinct.Count > 1 ? "mixed (results differ)" : distinct[0] ? "yes" : "no";
    }

    /// <summary>One reading or conflict, as the report explains it.</summary>
    internal sealed record Reading(string Subject, Basis Basis, string Notes, string? Conflict);

    /// <summary>The CSS class of a residency cell: in the EEA, outside it, or unknown.</summary>
    public static string CellClass(DataResidencyInfo? record) =>
        record == null ? "none" : record.AvailableInEea switch { true => "eea", false => "outside", _ => "unknown" };
}
