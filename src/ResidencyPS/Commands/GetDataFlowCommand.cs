using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Commands;

/// <summary>
/// Gets where a product's data goes, activity by activity: stored, processed, passed through, logged, backed up,
/// migrated and (with integrations) sent on, each with its place, time, condition and the policy text that says so.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DataFlow")]
[OutputType(typeof(DataFlow))]
public sealed class GetDataFlowCommand : ResidencyCmdlet
{
    /// <summary>Product names or wildcards; every product when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProductCompleter))]
    public string[]? Product { get; set; }

    /// <summary>Data categories (or Logs, Backups) by name or wildcard; every one when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [Alias("Category")]
    [ArgumentCompleter(typeof(DataCategoryCompleter))]
    public string[]? DataCategory { get; set; }

    /// <summary>The region the account is hosted in (code, name, member country); EEA when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("Region", "Code")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string HostingRegion { get; set; } = RegionCodes.Eea;

    /// <summary>Only these activities.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public DataActivity[]? Activity { get; set; }

    /// <summary>The customer uses integrations or third-party applications: adds the flows through them.</summary>
    [Parameter]
    public SwitchParameter UsesIntegrations { get; set; }

    /// <summary>The customer has a custom mailbox (the policy text names no flow of its own for it; kept for symmetry with Test-EeaBoundary).</summary>
    [Parameter]
    public SwitchParameter CustomMailbox { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachPolicy(Answer);

    // The answer of one policy (every answering policy's in turn).
    private void Answer()
    {
        var hosting = ResolveHostingRegion(HostingRegion, out var error, Piped(nameof(HostingRegion)));
        if (hosting == null)
        {
            NameOutcome(nameof(HostingRegion), HostingRegion, error);
            return;
        }

        var products = ResolveProducts(Product, nameof(Product));
        var (categories, subjects) = ResolveCategoriesAndSubjects();
        if (NothingMatched(products) || (categories != null && categories.Count == 0 && subjects!.Count == 0))
        {
            return;
        }

        var options = (UsesIntegrations.IsPresent ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None)
            | (CustomMailbox.IsPresent ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
        var activities = Activity == null ? null : new HashSet<DataActivity>(Activity);
        foreach (var product in products ?? AnsweringPolicy.ProductIndex.Items.ToList())
        {
            if (Offering.Warning(AnsweringPolicy, product, hosting) is string warning)
            {
                WriteWarning(InVendor(warning));
            }

            var flows = DataFlowBuilder.Flows(AnsweringPolicy, product, hosting, options,
                category => categories == null || categories.Contains(category),
                subject => subjects == null || subjects.Contains(subject));
            foreach (var flow in flows)
            {
                if (activities == null || activities.Contains(flow.Activity))
                {
                    WriteObject(flow);
                }
            }
        }
    }

    // -DataCategory names data categories, and the subjects the policy keeps as logs or backups (Logs, Backups): a name is
    // looked up among both, and is an error only when it is neither.
    private (HashSet<DataCategoryInfo>?, HashSet<string>?) ResolveCategoriesAndSubjects()
    {
        if (DataCategory == null)
        {
            return (null, null);
        }

        var literal = Piped(nameof(DataCategory));
        var categories = new HashSet<DataCategoryInfo>();
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in DataCategory)
        {
            var subjectMatches = NameFilter.TryResolveOne(AnsweringPolicy.SubjectIndex, name, ProblemKind.SubjectNotFound, "retention subject", out _, literal);
            var categoryMatches = NameFilter.TryResolveOne(AnsweringPolicy.CategoryIndex, name, ProblemKind.DataCategoryNotFound, "data category", out var error, literal);
            subjects.UnionWith(subjectMatches?.Where(s => s.Activity != null).Select(s => s.Name) ?? Enumerable.Empty<string>());
            categories.UnionWith(categoryMatches ?? Enumerable.Empty<DataCategoryInfo>());
            NameOutcome(nameof(DataCategory), name, categoryMatches == null && (subjectMatches == null || subjectMatches.Count == 0) ? error : null);
        }

        return (categories, subjects);
    }
}
