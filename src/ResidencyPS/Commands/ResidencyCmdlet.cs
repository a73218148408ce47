using System.Collections.Generic;
using System.Management.Automation;
using ResidencyPS.Binding;

namespace ResidencyPS.Commands;

/// <summary>
/// The base of every cmdlet that answers from a residency policy, as SecretManagement's SecretCmdlet is for its
/// cmdlets: it owns -Policy, resolves the answering policy once per pipeline, and matches names with the same
/// rules and error shapes everywhere (a wildcard that matches nothing is silent; a literal that names nothing
/// is a non-terminating ObjectNotFound error).
/// </summary>
public abstract class ResidencyCmdlet : PSCmdlet
{
    /// <summary>The policy to answer from (an object or a file path); the session's active policy when omitted.</summary>
    [Parameter]
    [PolicyTransformation]
    [ValidateNotNull]
    public ResidencyPolicy? Policy { get; set; }

    /// <summary>The policy this pipeline answers from, fixed in BeginProcessing.</summary>
    protected ResidencyPolicy AnsweringPolicy { get; private set; } = null!;

    /// <inheritdoc />
    protected override void BeginProcessing() => AnsweringPolicy = PolicyAccess.Resolve(this, Policy);

    /// <summary>Products named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<ProductInfo>? ResolveProducts(string[]? patterns) =>
        NameFilter.Resolve(this, AnsweringPolicy.ProductIndex, patterns, ErrorIds.ProductNotFound, "product");

    /// <summary>Data categories named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<DataCategoryInfo>? ResolveCategories(string[]? patterns) =>
        NameFilter.Resolve(this, AnsweringPolicy.CategoryIndex, patterns, ErrorIds.DataCategoryNotFound, "data category");

    /// <summary>Hosting regions named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<HostingRegionInfo>? ResolveRegions(string[]? patterns) =>
        NameFilter.Resolve(this, AnsweringPolicy.RegionIndex, patterns, ErrorIds.HostingRegionNotFound, "hosting region");

    /// <summary>Retention subjects named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<SubjectInfo>? ResolveSubjects(string[]? patterns) =>
        NameFilter.Resolve(this, AnsweringPolicy.SubjectIndex, patterns, ErrorIds.SubjectNotFound, "retention subject");

    /// <summary>The product a literal names or every product a wildcard matches; null, with an error written, when a literal names none.</summary>
    private protected List<ProductInfo>? ResolveProduct(string pattern) =>
        NameFilter.ResolveOne(this, AnsweringPolicy.ProductIndex, pattern, ErrorIds.ProductNotFound, "product");

    /// <summary>The data category a literal names or every category a wildcard matches; null, with an error written, when a literal names none.</summary>
    private protected List<DataCategoryInfo>? ResolveCategory(string pattern) =>
        NameFilter.ResolveOne(this, AnsweringPolicy.CategoryIndex, pattern, ErrorIds.DataCategoryNotFound, "data category");

    /// <summary>Whether a resolved filter names nothing (every name was unknown): there is nothing to answer.</summary>
    private protected static bool NothingMatched<T>(List<T>? filter) => filter != null && filter.Count == 0;
}
