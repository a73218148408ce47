using System.Collections.Generic;
using System;

namespace ResidencyPS;

/// <summary>Whether one data category of one product stays inside the EEA, with the findings that decided it.</summary>
public sealed class EeaBoundaryResult
{
    internal EeaBoundaryResult(string vendor, string product, string dataCategory, string hostingRegion, Verdict verdict,
        Basis basis, FindingList findings)
    {
        Vendor = vendor;
        Product = product;
        DataCategory = dataCategory;
        HostingRegion = hostingRegion;
        Verdict = verdict;
        Basis = basis;
        Findings = findings;
    }

    /// <summary>The vendor whose policy answered.</summary>
    public string Vendor { get; }

    /// <summary>The product tested.</summary>
    public string Product { get; }

    /// <summary>The data category tested (English name).</summary>
    public string DataCategory { get; }

    /// <summary>The region (code) the customer's account is hosted in.</summary>
    public string HostingRegion { get; }

    /// <summary>The overall answer.</summary>
    public Verdict Verdict { get; }

    /// <summary>True only when <see cref="Verdict"/> is Within.</summary>
    public bool StaysInEea => Verdict == Verdict.Within;

    /// <summary>The weakest basis among the facts the verdict rests on.</summary>
    public Basis Basis { get; }

    /// <summary>Every rule that applied, in the order they were evaluated.</summary>
    public IReadOnlyList<BoundaryFinding> Findings { get; }

    /// <inheritdoc />
    public override string ToString() => Product + ": " + DataCategory + " (" + HostingRegion + ") " + Verdict;
}

/// <summary>One rule that applied in an EEA boundary test.</summary>
public sealed class BoundaryFinding
{
    internal BoundaryFinding(string rule, FindingEffect effect, string? destination, TimeSpan? duration, string? durationText,
        string message, Basis basis, IReadOnlyList<PolicyStatement> source)
    {
        Rule = rule;
        Effect = effect;
        Destination = destination;
        Duration = duration;
        DurationText = durationText;
        Message = message;
        Basis = basis;
        Source = SourceList.From(source);
    }

    /// <summary>The rule's name, for example Hosting, CallRecordingTransit or Integrations.</summary>
    public string Rule { get; }

    /// <summary>What the finding means for the verdict.</summary>
    public FindingEffect Effect { get; }

    /// <summary>Where the data goes (region code); null when the source does not name a place.</summary>
    public string? Destination { get; }

    /// <summary>How long the data stays at <see cref="Destination"/>, when the source says.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The source's own wording of <see cref="Duration"/>.</summary>
    public string? DurationText { get; }

    /// <summary>What the finding means, in English.</summary>
    public string Message { get; }

    /// <summary>How the finding was read from the source.</summary>
    public Basis Basis { get; }

    /// <summary>The statements of the source the finding rests on.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    /// <summary>The Dutch source text of the finding, joined.</summary>
    public string SourceText => Source.ToString();

    /// <inheritdoc />
    public override string ToString() => Rule + ": " + Message;
}
