using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Commands;

/// <summary>
/// Tests whether products' data stays inside the European Economic Area: one result per product and data category,
/// passed or not (a current waiver can pass a reviewed result), and never a lost input row.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EeaBoundary", DefaultParameterSetName = DetailedSet)]
[OutputType(typeof(EeaBoundaryResult), ParameterSetName = new[] { DetailedSet })]
[OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
[OutputType(typeof(EeaBoundarySummary), ParameterSetName = new[] { SummarySet })]
public sealed class TestEeaBoundaryCommand : ResidencyCmdlet
{
    /// <summary>The parameter set that returns one result object per product and data category.</summary>
    public const string DetailedSet = "Detailed";

    /// <summary>The parameter set that returns one boolean per input.</summary>
    public const string QuietSet = nameof(Quiet);

    /// <summary>The parameter set that returns one summary per product and hosting region.</summary>
    public const string SummarySet = nameof(Summary);

    private readonly List<EeaBoundaryResult> _row = new List<EeaBoundaryResult>();

    // The position of the current pipeline input, from 1 (0 without pipeline input).
    private int _inputRow;
    private bool _warnedWideRow;
    // One check per answering policy; rows go to their vendor's.
    private EstateCheck _estate = null!;
    private WaiverSet? _waivers;

    // Why nothing is tested (-LockPath: a policy that is not the one pinned, or an unusable lock): every row says so.
    private Problem? _lockRefusal;

    // Repeated questions, counted over every vendor's check: ten warned about one by one, the rest summed up once.
    private readonly BoundaryCheck.Repeats _repeats = new BoundaryCheck.Repeats();

    /// <summary>
    /// The products to test (names, aliases or wildcards); every product when omitted. Names piped in as strings bind
    /// here too, and so does the Products list of a Get-DataCategory object, so a category pipes in as itself.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Products")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProductCompleter))]
    public string[]? Product { get; set; }

    /// <summary>A pipeline object: a product name as a string, or a row whose properties bind by name.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The data categories to test; every category of the product when omitted or blank.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [Alias("Category")]
    [ArgumentCompleter(typeof(DataCategoryCompleter))]
    public string[]? DataCategory { get; set; }

    /// <summary>Data categories to leave out (names or wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DataCategoryCompleter))]
    public string[]? ExcludeDataCategory { get; set; }

    /// <summary>The region the customer's account is hosted in (code, name, member country); EEA when omitted or blank.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Region", "Code")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? HostingRegion { get; set; }

    /// <summary>The customer uses integrations or third-party applications.</summary>
    [Parameter]
    public SwitchParameter UsesIntegrations { get; set; }

    /// <summary>The customer has a custom mailbox.</summary>
    [Parameter]
    public SwitchParameter CustomMailbox { get; set; }

    /// <summary>A waiver file: reviewed results that pass until the waiver expires.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? WaiverPath { get; set; }

    /// <summary>
    /// Warn about every waiver of -WaiverPath whose last day is at most this many days away (0: today), so it is reviewed
    /// before the results it covers stop passing; no such warning when omitted.
    /// </summary>
    [Parameter]
    [ValidateRange(0, 3660)]
    public int WaiverWarningDays { get; set; }

    /// <summary>
    /// A lock file (Update-ResidencyLock): nothing is tested unless every answering policy is the one its vendor's pin holds;
    /// otherwise the refusal is written once and every input comes out NotEvaluated.
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? LockPath { get; set; }

    /// <summary>Return one boolean per input: true only when every result of it passed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Return one summary per product and hosting region, after all input.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    private protected override string? WithoutAPolicy => "nothing was tested"; // rows must never vanish: with no policy, nothing runs

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (LockPath != null)
        {
            _lockRefusal = LockFiles.Refusal(this, LockPath, AnsweringPolicies);
        }

        if (WaiverPath != null && AnsweringPolicies.Count > 1)
        {
            ThrowTerminatingError(PolicyAccess.SeveralActive(AnsweringPolicies, "a waiver file names the products of one policy"));
        }

        var checks = new Dictionary<ResidencyPolicy, BoundaryCheck>();
        ForEachPolicy(() =>
        {
            var excluded = ExcludeDataCategory == null ? null : ResolveCategories(ExcludeDataCategory, nameof(ExcludeDataCategory)) ?? new List<DataCategoryInfo>();
            if (WaiverPath != null)
            {
                _waivers = WaiverFiles.Load(this, WaiverPath, AnsweringPolicy, MyInvocation.BoundParameters.ContainsKey(nameof(WaiverWarningDays)) ? WaiverWarningDays : null);
                if (_waivers != null && VerboseWanted)
                {
                    WriteVerbose("Waivers: " + _waivers.All.Count + " from " + _waivers.Origin + " (" + _waivers.Expired.Count + " expired)"
                        + (_waivers.Sha256 == null ? "." : ", SHA-256 " + Hashing.Short(_waivers.Sha256) + "..."));
                }
            }

            var context = new AssessmentContext(AnsweringPolicy, UsesIntegrations.IsPresent, CustomMailbox.IsPresent,
                () => _waivers == null ? Array.Empty<WaiverLedger>() : new[] { _waivers.Ledger() });
            checks.Add(AnsweringPolicy, new BoundaryCheck(context, _waivers, excluded, PowerShellWildcards.Instance, new Output(this, InVendor(string.Empty)), summarize: Summary.IsPresent, _repeats));
        });
        _estate = new EstateCheck(new PolicySet(AnsweringPolicies), policy => checks[policy], PowerShellWildcards.Instance);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _row.Clear();
        var row = Rows.Read(InputObject);
        var columns = InputColumns.None;
        if (MyInvocation.ExpectingInput)
        {
            _inputRow++;
            columns = RowColumns(row.Columns);
        }

        // A name from a piped row (a property or a plain string) is literal: a cell holding * or [ is tested as the
        // name it is and, naming nothing, comes out NotEvaluated instead of vanishing as a pattern that matched nothing.
        var products = Product ?? (InputObject?.BaseObject is string name ? new[] { name } : null);
        var input = new CheckInput(products, Product == null ? InputObject != null : Piped(nameof(Product)), DataCategory, Piped(nameof(DataCategory)),
            HostingRegion, Piped(nameof(HostingRegion)), _inputRow, columns);
        var first = _estate.First;
        var routed = Route(row, out var policy);
        if (_lockRefusal != null)
        {
            // The refusal was written once, in BeginProcessing; each row comes out NotEvaluated saying why, as its vendor's.
            (policy == null ? first : _estate[policy]).Refuse(input, _lockRefusal, write: false);
        }
        else if ((routed is { Kind: ProblemKind.PolicyMismatch } ? routed : Rows.ConflictingColumns(row, Piped) ?? routed) is Problem refused)
        {
            first.Refuse(input, refused);
        }
        else if (products == null && InputObject == null && MyInvocation.ExpectingInput)
        {
            // A $null in the pipeline is an empty row, not a request to test every product.
            first.Refuse(input, BoundaryCheck.NoProduct("The input row is empty ($null): it names no product.", string.Empty), checkRegion: true);
        }
        else if (products == null && InputObject != null)
        {
            // The row as piped is the target: a [pscustomobject]'s columns live on its wrapper, not its (empty) base object.
            (policy == null ? first : _estate[policy]).Refuse(input, BoundaryCheck.NoProduct("The input names no product: it is neither a product name nor an object with a Product property.",
                InputObject.BaseObject is PSCustomObject ? InputObject : InputObject.BaseObject), checkRegion: true);
        }
        else if (policy != null)
        {
            _estate[policy].Check(input);
        }
        else
        {
            _estate.CheckByProduct(input);
        }

        if (Quiet.IsPresent)
        {
            WriteObject(_row.Count > 0 && _row.TrueForAll(r => r.Passed));
        }
    }

    // The policy a row belongs to (EstateCheck.Route), or null when only its products can tell; two vendors in one row,
    // a vendor no answering policy is for, or an object of another policy is a problem.
    private Problem? Route(InventoryRows.Row row, out ResidencyPolicy? policy)
    {
        policy = null;
        var vendor = Rows.VendorOf(row, out var column, out var conflict);
        if (conflict != null)
        {
            return conflict;
        }

        policy = _estate.Route(vendor, column, out var problem);
        return problem ?? (policy == null ? null : InventoryRows.FromOtherPolicy(InputObject, policy));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var summaries = _estate.Finish();
        if (_repeats.Summary is string repeated)
        {
            WriteWarning(repeated);
        }

        foreach (var summary in summaries)
        {
            WriteObject(summary);
        }

        if (_waivers != null && _lockRefusal == null)
        {
            WaiverFiles.WarnUnused(this, _waivers);
        }
    }

    // The columns a row may name one parameter by (its name and aliases). PowerShell binds one of them and ignores the
    // rest, so a row with HostingRegion 'EEA' and Region 'US' would be tested as whichever it picked, and could pass.
    internal static readonly (string Parameter, string[] Columns)[] AliasedColumns =
    {
        (nameof(Product), new[] { nameof(Product), "Products" }),
        (nameof(HostingRegion), new[] { nameof(HostingRegion), "Region", "Code" }),
        (nameof(DataCategory), new[] { nameof(DataCategory), "Category" }),
    };

    // How rows are read: their own columns are every column but those that bind to a parameter.
    private static readonly InventoryRows Rows = new InventoryRows(AliasedColumns);

    // An inventory row (Import-Csv, ConvertFrom-Json, [pscustomobject]) keeps its other columns (InputColumns makes them inert).
    private InputColumns RowColumns(List<KeyValuePair<string, string>>? columns)
    {
        if (columns != null && columns.Count > InputColumns.MaxColumns && !_warnedWideRow)
        {
            _warnedWideRow = true;
            WriteWarning("Input row " + _inputRow + " has " + columns.Count + " columns besides the ones tested; its results keep the first " + InputColumns.MaxColumns
                + " (InputColumns), as does every wider row.");
        }

        return columns == null ? InputColumns.None : new InputColumns(columns);
    }

    // The check's output, written as this cmdlet's: results (or, with -Quiet, kept for the input's one boolean),
    // problems as errors (so -ErrorAction Stop still stops), warnings and verbose lines.
    private sealed class Output : IBoundaryCheckOutput
    {
        private readonly TestEeaBoundaryCommand _cmdlet;

        // With several vendors' policies, whose text a warning speaks of: "Globex: The policy text offers ...".
        private readonly string _prefix;

        public Output(TestEeaBoundaryCommand cmdlet, string prefix) => (_cmdlet, _prefix) = (cmdlet, prefix);

        public bool VerboseWanted => _cmdlet.VerboseWanted;

        public void Result(EeaBoundaryResult result)
        {
            if (_cmdlet.Quiet.IsPresent)
            {
                _cmdlet._row.Add(result);
            }
            else
            {
                _cmdlet.WriteObject(result);
            }
        }

        public void Problem(Problem problem) => _cmdlet.WriteError(problem.ToErrorRecord());

        public void Warning(string message) => _cmdlet.WriteWarning(_prefix + message);

        public void Verbose(string message) => _cmdlet.WriteVerbose(message);
    }
}
