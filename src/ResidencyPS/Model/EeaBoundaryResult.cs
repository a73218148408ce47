using System;
using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>
/// Whether one data category of one product stays inside the EEA, with the findings that decided it, whether it
/// passed (Within, or covered by a current waiver), and the policy and assumptions that produced it.
/// </summary>
public sealed class EeaBoundaryResult : IPolicyItem
{
    ResidencyPolicy? IPolicyItem.Owner => _context.Policy;

    private readonly AssessmentContext _context;

    /// <summary>What the pipeline that made this result shares: its policy and assumptions.</summary>
    internal AssessmentContext Context => _context;

    internal EeaBoundaryResult(AssessmentContext context, string product, string dataCategory, string hostingRegion, Verdict verdict,
        Basis basis, FindingList findings, Waiver? waiver, string? conflict = null)
    {
        Conflict = conflict;
        _context = context;
        Product = product;
        DataCategory = dataCategory;
        HostingRegion = hostingRegion;
        Verdict = verdict;
        Basis = basis;
        Findings = findings;
        Waived = waiver != null;
        WaiverJustification = waiver?.Justification;
        WaiverApprovedBy = waiver?.ApprovedBy;
        WaiverExpires = waiver?.Expires;
    }

    /// <summary>
    /// The position, from 1, of the pipeline input this result answers (an inventory row, a piped record or name), so
    /// every result traces back to its row; null when the products were given as parameters.
    /// </summary>
    public int? InputRow { get; internal set; }

    /// <summary>The input row's own columns that were not bound (an inventory's Owner or Tenant), in its order; empty when none.</summary>
    public InputColumns InputColumns { get; internal set; } = InputColumns.None;

    /// <summary>The product tested (its name in the policy, or the name as given when it names no product).</summary>
    public string Product { get; }

    /// <summary>The data category tested (English name, or the name as given when it could not be evaluated).</summary>
    public string DataCategory { get; }

    /// <summary>The region (code) the customer's account is hosted in, or the value as given when it names no region.</summary>
    public string HostingRegion { get; }

    /// <summary>The overall answer, as the policy gives it (a waiver never changes it).</summary>
    public Verdict Verdict { get; }

    /// <summary>True only when <see cref="Verdict"/> is Within.</summary>
    public bool StaysInEea => Verdict == Verdict.Within;

    /// <summary>True when the verdict is Within, or when a current waiver covers the result.</summary>
    public bool Passed => Verdict == Verdict.Within || Waived;

    /// <summary>A current waiver covers this result (see <see cref="WaiverJustification"/>).</summary>
    public bool Waived { get; }

    /// <summary>Why the waiver's approver accepted this result; null when not waived.</summary>
    public string? WaiverJustification { get; }

    /// <summary>Whether the policy text contradicts the answer this result rests on (see <see cref="Conflict"/>).</summary>
    public bool HasConflict => Conflict != null;

    /// <summary>What the contradicting passage says, in English; null when there is none.</summary>
    public string? Conflict { get; }

    /// <summary>Who approved the waiver, when the waiver file says.</summary>
    public string? WaiverApprovedBy { get; }

    /// <summary>The last day the waiver applies; null when not waived.</summary>
    public DateTime? WaiverExpires { get; }

    /// <summary>The weakest basis among the facts the verdict rests on.</summary>
    public Basis Basis { get; }

    /// <summary>Every rule that applied, in the order they were evaluated.</summary>
    public IReadOnlyList<BoundaryFinding> Findings { get; }

    /// <summary>The vendor of the policy that answered.</summary>
    public string PolicyVendor => _context.PolicyVendor;

    /// <summary>The version of the policy that answered.</summary>
    public string PolicyVersion => _context.PolicyVersion;

    /// <summary>The SHA-256 of the policy that answered (its canonical JSON), so a report can refuse results of another policy.</summary>
    public string PolicySha256 => _context.PolicySha256;

    /// <summary>Whether the test assumed the customer uses integrations or third-party applications.</summary>
    public bool UsesIntegrations => _context.UsesIntegrations;

    /// <summary>Whether the test assumed the customer has a custom mailbox.</summary>
    public bool CustomMailbox => _context.CustomMailbox;

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

    /// <summary>
    /// Whether a stronger finding of the same result outweighs this one (<see cref="OverriddenBy"/> names it): a rule
    /// that would keep the data in the EEA never silently stands beside a verdict that says otherwise.
    /// </summary>
    public bool Overridden => OverriddenBy != null;

    /// <summary>
    /// The <see cref="Rule"/> key of the finding that decides the verdict instead of this one, for scripts; null when this
    /// one is not overridden. The message says which finding wins in words.
    /// </summary>
    public string? OverriddenBy { get; private set; }

    /// <summary>The same finding, saying which finding wins over it and why.</summary>
    internal BoundaryFinding OverriddenWith(BoundaryFinding winner, string why) =>
        new BoundaryFinding(Rule, Effect, Destination, Duration, DurationText,
            Message + " Not the answer here: the finding that " + FindingEffectWords.Of(winner.Effect) + " wins, because " + why + ".", Basis, Source)
        {
            OverriddenBy = winner.Rule,
        };

    /// <summary>
    /// The rule's key in the policy file (Hosting, CallRecordingTransit, Integrations), for scripts and filters: the
    /// views and reports show the message instead, which says the same in words.
    /// </summary>
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
