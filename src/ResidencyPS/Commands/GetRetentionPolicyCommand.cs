using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Commands;

/// <summary>Gets how long logs, backups and call recordings are kept, where, and what happens next.</summary>
[Cmdlet(VerbsCommon.Get, "RetentionPolicy")]
[OutputType(typeof(RetentionRule))]
public sealed class GetRetentionPolicyCommand : ResidencyCmdlet
{
    /// <summary>Product names or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProductCompleter))]
    public string[]? Product { get; set; }

    /// <summary>Only rules that apply to data hosted in these regions.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Region", "Regions", "Code")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string[]? HostingRegion { get; set; }

    /// <summary>Logs, Backups or Call recordings (English or Dutch, wildcards allowed).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubjectCompleter))]
    public string[]? Subject { get; set; }

    /// <summary>The moment data was written; adds when it leaves each storage location.</summary>
    [Parameter]
    public DateTime? AsOf { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachPolicy(Answer);

    // The answer of one policy (every answering policy's in turn).
    private void Answer()
    {
        var products = ResolveProducts(Product, nameof(Product));
        var regions = ResolveRegions(HostingRegion, nameof(HostingRegion));
        var subjects = ResolveSubjects(Subject, nameof(Subject));
        var productNames = NameSet(products?.Select(p => p.Name));
        var subjectNames = NameSet(subjects?.Select(s => s.Name));
        foreach (var rule in AnsweringPolicy.Retention)
        {
            if ((productNames == null || productNames.Contains(rule.Product))
                && (subjectNames == null || subjectNames.Contains(rule.Subject))
                && (regions == null || regions.Exists(r => rule.HostingRegion.ContainsCode(r.Code))))
            {
                WriteObject(AsOf is DateTime asOf ? WithAsOf(rule, asOf) : rule);
            }
        }
    }

    // A date past what .NET can represent is an error that names the -AsOf, not an empty date; the rule still comes out.
    private RetentionRule WithAsOf(RetentionRule rule, DateTime asOf)
    {
        var dated = rule.WithAsOf(asOf);
        try
        {
            _ = dated.StatedPeriodEndsAt;
            return dated;
        }
        catch (ArgumentOutOfRangeException)
        {
            var message = "-AsOf " + IsoDate.Readable(asOf) + " plus " + rule.PeriodInWords
                + " (" + rule.Product + ", " + rule.Subject + " in " + rule.StorageLocation + ") is past the last date .NET can represent; give an earlier -AsOf.";
            WriteError(new ErrorRecord(new ArgumentOutOfRangeException(nameof(asOf), message), ErrorIds.AsOfOutOfRange, ErrorCategory.InvalidArgument, asOf)
            {
                ErrorDetails = new ErrorDetails(message),
            });
            return rule;
        }
    }
}
