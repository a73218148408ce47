using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
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

    /// <summary>
    /// The vendors whose active policies answer (names or wildcards); every active policy when omitted. With -Policy, the
    /// vendor of that policy.
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VendorCompleter))]
    public string[]? Vendor { get; set; }

    /// <summary>The policies this pipeline answers from (fixed in BeginProcessing); empty when -Vendor named none.</summary>
    private protected IReadOnlyList<ResidencyPolicy> AnsweringPolicies { get; private set; } = Array.Empty<ResidencyPolicy>();

    /// <summary>
    /// The policy being answered from: the one policy of the pipeline, or, in <see cref="ForEachPolicy"/>, each in turn.
    /// </summary>
    protected ResidencyPolicy AnsweringPolicy { get; private set; } = null!;

    /// <summary>
    /// What is not done when -Vendor names no active policy, for a cmdlet whose input would otherwise vanish unanswered
    /// (a terminating VendorNotFound error); null for a query, which then answers nothing, as a wildcard that matches nothing.
    /// </summary>
    private protected virtual string? WithoutAPolicy => null;

    // The parameters bound before any pipeline input: everything else a ProcessRecord sees came from a piped row.
    private HashSet<string>? _boundBeforeInput;

    // While several policies answer one input: for each name parameter's value, the first error it met, or null once
    // some policy matched it. A name is an error only when no policy knows it (ForEachPolicy writes what is left).
    private Dictionary<(string, string), ErrorRecord?>? _deferred;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _boundBeforeInput = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        AnsweringPolicies = PolicyAccess.Select(this, PolicyAccess.ResolveAll(this, Policy), Vendor, out _);

        if (AnsweringPolicies.Count == 0 && WithoutAPolicy is string notDone)
        {
            var message = "-Vendor " + string.Join(", ", Vendor ?? Array.Empty<string>()) + " names no " + (Policy == null ? "active policy" : "vendor of -Policy") + "; " + notDone
                + ". Active: " + string.Join(", ", PolicyAccess.ResolveAll(this, null).Select(p => p.Vendor)) + ".";
            ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException(message), ErrorIds.VendorNotFound, ErrorCategory.ObjectNotFound, string.Join(", ", Vendor ?? Array.Empty<string>()))
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }

        AnsweringPolicy = AnsweringPolicies.Count > 0 ? AnsweringPolicies[0] : null!;
        if (VerboseWanted)
        {
            foreach (var policy in AnsweringPolicies)
            {
                WriteVerbose("Answering from " + (policy.IsEmbedded ? "the policy embedded in ResidencyPS" : policy.Origin) + ": "
                    + policy.Vendor + " " + policy.PolicyVersion + ", SHA-256 " + Hashing.Short(policy.Sha256) + "...");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="answer"/> once per answering policy, with <see cref="AnsweringPolicy"/> set to it. With several,
    /// a name that no policy knows is one error, written after the last; one that some policy knows is no error.
    /// </summary>
    private protected void ForEachPolicy(Action answer)
    {
        if (AnsweringPolicies.Count == 1)
        {
            AnsweringPolicy = AnsweringPolicies[0];
            answer();
            return;
        }

        _deferred = new Dictionary<(string, string), ErrorRecord?>();
        try
        {
            foreach (var policy in AnsweringPolicies)
            {
                AnsweringPolicy = policy;
                answer();
            }
        }
        finally
        {
            var left = _deferred;
            _deferred = null;
            foreach (var error in left.Values)
            {
                if (error != null)
                {
                    WriteError(error);
                }
            }
        }
    }

    /// <summary>
    /// What one value of a name parameter met in the answering policy: <paramref name="error"/> (null: it matched). Written at
    /// once with one answering policy; with several, only if no policy matched it (<see cref="ForEachPolicy"/>).
    /// </summary>
    private protected void NameOutcome(string parameter, string value, ErrorRecord? error)
    {
        if (_deferred == null)
        {
            if (error != null)
            {
                WriteError(error);
            }

            return;
        }

        var key = (parameter, value);
        if (error == null)
        {
            _deferred[key] = null;
        }
        else if (!_deferred.ContainsKey(key))
        {
            _deferred[key] = error;
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

    /// <summary>A message about the answering policy, named by its vendor when several answer ("Globex: The policy text ...").</summary>
    private protected string InVendor(string message) => AnsweringPolicies.Count > 1 ? AnsweringPolicy.Vendor + ": " + message : message;

    /// <summary>Says, under -Verbose, what a name parameter matched (in which vendor's policy, when several answer).</summary>
    private protected void VerboseMatched<T>(string parameter, string[]? given, List<T>? matched)
    {
        if (given != null && given.Length > 0 && VerboseWanted)
        {
            WriteVerbose(InVendor(NameLookup.Matched(parameter, given, matched)));
        }
    }

    /// <summary>
    /// Products named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means
    /// all. With several answering policies, a name two of them know is an AmbiguousProduct error and answers nothing.
    /// </summary>
    private protected List<ProductInfo>? ResolveProducts(string[]? patterns, string parameter)
    {
        if (patterns != null && AnsweringPolicies.Count > 1)
        {
            var set = new PolicySet(AnsweringPolicies);
            var literal = Piped(parameter);
            patterns = Array.FindAll(patterns, pattern =>
            {
                if (!literal && PowerShellWildcards.Instance.IsWildcard(pattern))
                {
                    return true;
                }

                var knowing = set.Knowing(pattern, literal, PowerShellWildcards.Instance);
                if (knowing.Count < 2)
                {
                    return true;
                }

                // Keyed apart from the name's own outcome: some policy knowing it must not clear this error.
                NameOutcome(parameter + " ambiguous", pattern, PolicySet.Ambiguous(pattern, knowing, fromRow: false).ToErrorRecord());

                return false;
            });
        }

        return Resolve(AnsweringPolicy.ProductIndex, patterns, parameter, ProblemKind.ProductNotFound, "product");
    }

    /// <summary>Data categories named by <paramref name="patterns"/> (the value of <paramref name="parameter"/>), in policy order; null means all.</summary>
    private protected List<DataCategoryInfo>? ResolveCategories(string[]? patterns, string parameter) =>
        Resolve(AnsweringPolicy.CategoryIndex, patterns, parameter, ProblemKind.DataCategoryNotFound, "data category");

    /// <summary>Retention subjects named by <paramref name="patterns"/>, in policy order; null means all.</summary>
    private protected List<SubjectInfo>? ResolveSubjects(string[]? patterns, string parameter) =>
        Resolve(AnsweringPolicy.SubjectIndex, patterns, parameter, ProblemKind.SubjectNotFound, "retention subject");

    /// <summary>Statements named by their ids (or wildcards), in policy order; null means all.</summary>
    private protected List<PolicyStatement>? ResolveStatements(string[]? patterns, string parameter) =>
        Resolve(AnsweringPolicy.StatementIndex, patterns, parameter, ProblemKind.StatementNotFound, "statement");

    // The items the answering policy's index names, each once, in policy order; each value's error through NameOutcome.
    private List<T>? Resolve<T>(NameIndex<T> index, string[]? patterns, string parameter, ProblemKind notFound, string what)
        where T : class
    {
        if (patterns != null && patterns.Length == 0)
        {
            return new List<T>(); // every value was an ambiguous product (left out above): nothing, not everything
        }

        var matched = NameFilter.Resolve(index, patterns, notFound, what, Piped(parameter), (pattern, error) => NameOutcome(parameter, pattern, error));
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
            var regions = ResolveRegion(pattern, out var error, literal);
            NameOutcome(parameter, pattern, error?.Inert());
            if (regions != null)
            {
                found.UnionWith(regions);
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

    /// <summary>The names of a resolved filter as a set (null stays null: no filter), so checking a record is one look-up.</summary>
    private protected static HashSet<string>? NameSet(IEnumerable<string>? names) =>
        names == null ? null : new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Whether a resolved filter names nothing (every name was unknown): there is nothing to answer.</summary>
    private protected static bool NothingMatched<T>(List<T>? filter) => filter != null && filter.Count == 0;
}
