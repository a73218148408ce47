using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Reports;

/// <summary>
/// What a report of several vendors shows (issue 22, point 3): every result in input order, and one
/// <see cref="ReportData"/> per policy that computed some of them, in the order the policies were given, each with its
/// own matrix, findings, waivers and provenance.
/// </summary>
internal sealed class EstateData
{
    /// <summary>Creates the data; <paramref name="policyOf"/> names the policy (one of <paramref name="policies"/>) each result is reported on.</summary>
    public EstateData(IReadOnlyList<ResidencyPolicy> policies, IReadOnlyList<EeaBoundaryResult> results, Func<EeaBoundaryResult, ResidencyPolicy> policyOf, DateTime generatedUtc)
    {
        Results = results;
        GeneratedUtc = generatedUtc;
        var byPolicy = results.GroupBy(policyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<EeaBoundaryResult>)g.ToList());
        Parts = policies.Where(byPolicy.ContainsKey).Select(p => new ReportData(p, byPolicy[p], generatedUtc)).ToList();
        _partOf = Parts.SelectMany(part => part.Results.Select(r => (r, part))).ToDictionary(x => x.r, x => x.part);
        PassedCount = results.Count(r => r.Passed);
        (InputColumnNames, InputColumnsLeftOut) = ReportData.InputColumnsOf(results);
    }

    private readonly Dictionary<EeaBoundaryResult, ReportData> _partOf;

    /// <summary>Each policy's part of the report, in the order the policies were given.</summary>
    public IReadOnlyList<ReportData> Parts { get; }

    /// <summary>Every result, in input order.</summary>
    public IReadOnlyList<EeaBoundaryResult> Results { get; }

    /// <summary>When the report was made (UTC).</summary>
    public DateTime GeneratedUtc { get; }

    /// <summary>Results that passed.</summary>
    public int PassedCount { get; }

    /// <summary>Every result's own input column names, as one header (as <see cref="ReportData.InputColumnNames"/>).</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>How many input column names did not fit (the caller warns).</summary>
    public int InputColumnsLeftOut { get; }

    /// <summary>The part a result is reported in.</summary>
    public ReportData PartOf(EeaBoundaryResult result) => _partOf[result];
}
