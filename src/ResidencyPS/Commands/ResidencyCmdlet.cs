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
            WriteVerbose("-" + parameter + " " + string.Join(", ", given.Select(g => "'" + InertText.Escape(g) + "'")) + " matched "
                + (matched == null || matched.Count == 0 ? "nothing" : string.Join(", ", matched)) + ".");
        }
    }

    /// <summary>Products named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means all.</summary>
    private protected List<ProductInfo>? ResolveProducts(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.ProductIndex, patterns, ErrorIds.ProductNotFound, "product", Piped(parameter));
        VerboseMatched(parameter, patterns, matched);
        return matched;
    }

    /// <summary>Data categories named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means all.</summary>
    private protected List<DataCategoryInfo>? ResolveCategories(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.CategoryIndex, patterns, ErrorIds.DataCategoryNotFound, "data category", Piped(parameter));
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

    /// <summary>
    /// The regions one value names; null with <paramref name="error"/> set (not written) when it names none. A country
    /// that is in no region says exactly that, never a look-alike region. A <paramref name="literal"/> value (piped) is never a pattern.
    /// </summary>
    private protected List<HostingRegionInfo>? ResolveRegion(string pattern, out ErrorRecord? error, bool literal = false)
    {
        var index = AnsweringPolicy.RegionIndex;
        if (!literal && NameFilter.IsWildcard(pattern))
        {
            return NameFilter.TryResolveOne(index, pattern, ErrorIds.HostingRegionNotFound, "hosting region", out error);
        }

        error = null;
        if (NameFilter.FindName(index, pattern, literal) is HostingRegionInfo region)
        {
            return new List<HostingRegionInfo>(1) { region };
        }

        var code = CountryCode(pattern);
        if (code != null && AnsweringPolicy.RegionOfCountry(code) is HostingRegionInfo ofCountry)
        {
            return new List<HostingRegionInfo>(1) { ofCountry };
        }

        error = code != null && Countries.NameOf(code) is string country
            ? CountryError(pattern, code, country)
            : NameFilter.NotFound(index, pattern, ErrorIds.HostingRegionNotFound, "hosting region", literal);
        return null;
    }

    /// <summary>
    /// The one region an account is hosted in, named by <paramref name="text"/>; null with <paramref name="error"/> set
    /// (not written) when it names none or, as a wildcard, more than one: an account is hosted in one place.
    /// </summary>
    private protected HostingRegionInfo? ResolveHostingRegion(string text, out ErrorRecord? error, bool literal = false)
    {
        var regions = ResolveRegion(text, out error, literal);
        if (regions != null && regions.Count == 1)
        {
            return regions[0];
        }

        error ??= new ErrorRecord(new ArgumentException("'" + InertText.Escape(text) + "' names " + (regions?.Count ?? 0) + " hosting regions; name the one the account is hosted in."),
            ErrorIds.HostingRegionNotFound, ErrorCategory.InvalidArgument, text).Inert();
        return null;
    }

    /// <summary>
    /// The ISO code a country code, English name or alias stands for (DE, Germany, Holland), from the module's own table;
    /// also a country code a policy's region lists that the table lacks. Null when it is no country.
    /// </summary>
    private protected string? CountryCode(string text) =>
        Countries.CodeOf(text) ?? (AnsweringPolicy.RegionOfCountry(text) != null ? text.Trim().ToUpperInvariant() : null);

    private ErrorRecord CountryError(string given, string code, string country)
    {
        var eea = AnsweringPolicy.RegionIndex.Find(RegionCodes.Eea) != null;
        var message = code + " (" + country + ") is in none of this policy's hosting regions" + (eea ? "; it is not in the EEA." : ".")
            + " Accepted: " + string.Join(", ", AnsweringPolicy.RegionIndex.Items) + ", or a country in one of them.";
        return new ErrorRecord(new ItemNotFoundException(message), ErrorIds.CountryNotInAnyRegion, ErrorCategory.ObjectNotFound, given)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Name the region the account is hosted in: " + string.Join(", ", AnsweringPolicy.RegionIndex.Items) + "." },
        };
    }

    /// <summary>Retention subjects named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<SubjectInfo>? ResolveSubjects(string[]? patterns, string parameter)
    {
        var matched = NameFilter.Resolve(this, AnsweringPolicy.SubjectIndex, patterns, ErrorIds.SubjectNotFound, "retention subject", Piped(parameter));
        VerboseMatched(parameter, patterns, matched);
        return matched;
    }

    /// <summary>The names of a resolved filter as a set (null stays null: no filter), so checking a record is one look-up.</summary>
    private protected static HashSet<string>? NameSet(IEnumerable<string>? names) =>
        names == null ? null : new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Whether a resolved filter names nothing (every name was unknown): there is nothing to answer.</summary>
    private protected static bool NothingMatched<T>(List<T>? filter) => filter != null && filter.Count == 0;
}
