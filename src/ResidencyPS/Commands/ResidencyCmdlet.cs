using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

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
    [SupportsWildcards]
    [ValidateNotNull]
    public ResidencyPolicy? Policy { get; set; }

    /// <summary>The policy this pipeline answers from, fixed in BeginProcessing.</summary>
    protected ResidencyPolicy AnsweringPolicy { get; private set; } = null!;

    // The parameters bound before any pipeline input: everything else a ProcessRecord sees came from a piped row.
    private HashSet<string>? _boundBeforeInput;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _boundBeforeInput = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        AnsweringPolicy = PolicyAccess.Resolve(this, Policy);
        if (VerboseWanted)
        {
            WriteVerbose("Answering from " + (AnsweringPolicy.IsEmbedded ? "the policy embedded in ResidencyPS" : AnsweringPolicy.Origin) + ": "
                + AnsweringPolicy.Vendor + " " + AnsweringPolicy.PolicyVersion + ", SHA-256 " + Hashing.Short(AnsweringPolicy.Sha256) + "...");
        }
    }

    // Computing the policy's SHA-256 for a verbose line costs a canonical JSON write: only when someone listens.
    private bool? _verboseWanted;

    /// <summary>Whether verbose output is shown (-Verbose, or $VerbosePreference), so verbose-only work can be skipped.</summary>
    private protected bool VerboseWanted => _verboseWanted ??= VerboseOutput.IsWanted(this);

    /// <summary>
    /// Whether <paramref name="parameter"/>'s value came from a piped object (an inventory row bound by property name)
    /// rather than the command line. Such a value is a name, matched literally: only what a person types is a pattern.
    /// </summary>
    private protected bool Piped(string parameter) => _boundBeforeInput != null && !_boundBeforeInput.Contains(parameter);

    /// <summary>Says, under -Verbose, what a name parameter matched.</summary>
    private protected void VerboseMatched<T>(string parameter, string[]? given, List<T>? matched)
    {
        if (given != null && given.Length > 0 && VerboseWanted)
        {
            WriteVerbose(NameLookup.Matched(parameter, given, matched));
        }
    }

    /// <summary>Products named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means all.</summary>
    private protected List<ProductInfo>? ResolveProducts(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.ProductIndex, patterns, ProblemKind.ProductNotFound, "product", Piped(parameter));
        VerboseMatched(parameter, patterns, matched);
        return matched;
    }

    /// <summary>Data categories named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means all.</summary>
    private protected List<DataCategoryInfo>? ResolveCategories(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.CategoryIndex, patterns, ProblemKind.DataCategoryNotFound, "data category", Piped(parameter));
        VerboseMatched(parameter, patterns, matched);
        return matched;
    }

    /// <summary>
    /// Hosting regions named by <paramref name="patterns"/> (codes, names, aliases, a member country's ISO code or
    /// English name, wildcards), in policy order; null means all.
    /// </summary>
    private protected List<HostingRegionInfo>? ResolveRegions(string[]? patterns, string parameter)
    {
        if (patterns == null || patterns.Length == 0)
        {
            return null;
        }

        var literal = Piped(parameter);
        var found = new HashSet<HostingRegionInfo>();
        foreach (var pattern in patterns)
        {
            if (ResolveRegion(pattern, out var error, literal) is List<HostingRegionInfo> regions)
            {
                found.UnionWith(regions);
            }
            else if (error != null)
            {
                WriteError(error.Inert());
            }
        }

        var inOrder = AnsweringPolicy.RegionIndex.Items.Where(found.Contains).ToList();
        VerboseMatched(parameter, patterns, inOrder);
        return inOrder;
    }

    /// <summary>The regions one value names in the answering policy (<see cref="RegionLookup.Resolve"/>); null with <paramref name="error"/> set (not written) when it names none.</summary>
    private protected List<HostingRegionInfo>? ResolveRegion(string pattern, out ErrorRecord? error, bool literal = false)
    {
        var regions = RegionLookup.Resolve(AnsweringPolicy, pattern, literal, PowerShellWildcards.Instance, out var problem);
        error = problem?.ToErrorRecord();
        return regions;
    }

    /// <summary>The one region an account is hosted in (<see cref="RegionLookup.ResolveOne"/>); null with <paramref name="error"/> set (not written) when none or several.</summary>
    private protected HostingRegionInfo? ResolveHostingRegion(string text, out ErrorRecord? error, bool literal = false)
    {
        var region = RegionLookup.ResolveOne(AnsweringPolicy, text, literal, PowerShellWildcards.Instance, out var problem);
        error = problem?.ToErrorRecord();
        return region;
    }

    /// <summary>Retention subjects named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<SubjectInfo>? ResolveSubjects(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.SubjectIndex, patterns, ProblemKind.SubjectNotFound, "retention subject", Piped(parameter));
        VerboseMatched(parameter, patterns, matched);
        return matched;
    }

    /// <summary>The names of a resolved filter as a set (null stays null: no filter), so checking a record is one look-up.</summary>
    private protected static HashSet<string>? NameSet(IEnumerable<string>? names) =>
        names == null ? null : new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Whether a resolved filter names nothing (every name was unknown): there is nothing to answer.</summary>
    private protected static bool NothingMatched<T>(List<T>? filter) => filter != null && filter.Count == 0;
}
