using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;
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

    // The position of the current pipeline input, from 1 (0 without pipeline input), and the first row that asked each
    // question: an inventory that lists a product and category twice is told so, with both rows.
    private int _inputRow;
    private InputColumns _columns = InputColumns.None;
    private readonly Dictionary<(string, string, string), int> _firstRow = new Dictionary<(string, string, string), int>();
    private int _duplicates;
    private const int DuplicateWarnings = 10;
    private readonly Dictionary<string, HostingRegionInfo> _hostingCache = new Dictionary<string, HostingRegionInfo>(StringComparer.Ordinal);
    private readonly SummaryTable _summaries = new SummaryTable();
    private AssessmentContext _context = null!;
    private BoundaryOptions _options;
    private HashSet<DataCategoryInfo>? _excluded;
    private WaiverSet? _waivers;
    private readonly Dictionary<ProductInfo, HashSet<HostingRegionInfo>> _offeringChecked = new Dictionary<ProductInfo, HashSet<HostingRegionInfo>>();
    private bool _productLiteral;
    private bool _categoryLiteral;

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

    /// <summary>Return one boolean per input: true only when every result of it passed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Return one summary per product and hosting region, after all input.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _context = new AssessmentContext(AnsweringPolicy, UsesIntegrations.IsPresent, CustomMailbox.IsPresent,
            () => _waivers == null ? Array.Empty<WaiverLedger>() : new[] { _waivers.Ledger() });
        _options = (UsesIntegrations.IsPresent ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None)
            | (CustomMailbox.IsPresent ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
        if (ExcludeDataCategory != null)
        {
            _excluded = new HashSet<DataCategoryInfo>(ResolveCategories(ExcludeDataCategory, nameof(ExcludeDataCategory)) ?? new List<DataCategoryInfo>());
        }

        if (WaiverPath != null)
        {
            _waivers = WaiverFiles.Load(this, WaiverPath, AnsweringPolicy);
            if (_waivers != null && VerboseWanted)
            {
                WriteVerbose("Waivers: " + _waivers.All.Count + " from " + _waivers.Origin + " (" + _waivers.Expired.Count + " expired)"
                    + (_waivers.Sha256 == null ? "." : ", SHA-256 " + Hashing.Short(_waivers.Sha256) + "..."));
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Per pipeline object: dictionary look-ups and cached outcomes only, so a 100,000-row inventory
        // costs little more than PowerShell's own parameter binding.
        _row.Clear();
        if (MyInvocation.ExpectingInput)
        {
            _inputRow++;
            _columns = RowColumns();
        }

        var hosting = ResolveHosting(out var hostingText, out var hostingError);
        if (FromOtherPolicy() is ErrorRecord mismatch)
        {
            NotEvaluated(Product?.FirstOrDefault() ?? string.Empty, mismatch, hostingText);
            if (Quiet.IsPresent)
            {
                WriteObject(false);
            }

            return;
        }

        if ((ConflictingColumns() ?? OtherVendor()) is ErrorRecord conflicting)
        {
            NotEvaluated(Product?.FirstOrDefault() ?? string.Empty, conflicting, hostingText);
            if (Quiet.IsPresent)
            {
                WriteObject(false);
            }

            return;
        }

        if (hostingError != null)
        {
            WriteError(hostingError);
        }

        // A name from a piped row (a property or a plain string) is literal: a cell holding * or [ is tested as the
        // name it is and, naming nothing, comes out NotEvaluated instead of vanishing as a pattern that matched nothing.
        var products = Product ?? (InputObject?.BaseObject is string name ? new[] { name } : null);
        _productLiteral = Product == null ? InputObject != null : Piped(nameof(Product));
        _categoryLiteral = Piped(nameof(DataCategory));
        if (products == null && InputObject == null && MyInvocation.ExpectingInput)
        {
            // A $null in the pipeline is an empty row, not a request to test every product.
            NotGiven(string.Empty, "The input row is empty ($null): it names no product.", hostingText);
        }
        else if (products == null && InputObject != null)
        {
            NotGiven(string.Empty, "The input names no product: it is neither a product name nor an object with a Product property.", hostingText);
        }
        else if (products == null)
        {
            foreach (var product in AnsweringPolicy.ProductIndex.Items)
            {
                TestProduct(product, hosting, hostingText, hostingError);
            }
        }
        else
        {
            foreach (var given in products)
            {
                TestGivenProduct(given, hosting, hostingText, hostingError);
            }
        }

        if (Quiet.IsPresent)
        {
            WriteObject(_row.Count > 0 && _row.TrueForAll(r => r.Passed));
        }
    }

    private void NoteDuplicate(EeaBoundaryResult result)
    {
        if (result.Verdict == Verdict.NotEvaluated)
        {
            return;
        }

        var key = (result.Product, result.DataCategory, result.HostingRegion);
        if (!_firstRow.TryGetValue(key, out var first))
        {
            _firstRow.Add(key, _inputRow);
        }
        else if (first != _inputRow && ++_duplicates <= DuplicateWarnings)
        {
            WriteWarning("Input rows " + first + " and " + _inputRow + " both ask about " + result.Product + " / " + result.DataCategory + " hosted in " + result.HostingRegion
                + "; both are tested and reported.");
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_duplicates > DuplicateWarnings)
        {
            WriteWarning((_duplicates - DuplicateWarnings) + " more results repeat a question an earlier input row asked; InputRow tells them apart.");
        }

        foreach (var summary in _summaries.InPolicyOrder(AnsweringPolicy))
        {
            WriteObject(summary);
        }

        if (_waivers != null)
        {
            WaiverFiles.WarnUnused(this, _waivers);
        }
    }

    // An object of this module made by another policy (a Get-DataResidency that started before another runspace
    // imported a policy, or a result kept from before an import) is not tested against this one: the answer would
    // mix two policies. Rows from a file (Import-Csv) carry no policy and are tested as given.
    private ErrorRecord? FromOtherPolicy()
    {
        if (!(InputObject?.BaseObject is IPolicyItem item) || !(item.Owner is ResidencyPolicy owner) || ReferenceEquals(owner, AnsweringPolicy)
            || string.Equals(owner.Sha256, AnsweringPolicy.Sha256, StringComparison.Ordinal))
        {
            return null;
        }

        var message = "The input '" + item + "' comes from the policy " + owner + " (SHA-256 " + Hashing.Short(owner.Sha256) + "...), but this test answers from "
            + AnsweringPolicy + " (SHA-256 " + Hashing.Short(AnsweringPolicy.Sha256) + "...); it was not tested, so one result never mixes two policies.";
        return new ErrorRecord(new InvalidOperationException(message), ErrorIds.PolicyMismatch, ErrorCategory.InvalidData, InputObject)
        {
            ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = "Run both commands against one policy: pass the same -Policy to each, or query again after the import.",
            },
        };
    }

    // The columns a row may name one parameter by (its name and aliases). PowerShell binds one of them and ignores the
    // rest, so a row with HostingRegion 'EEA' and Region 'US' would be tested as whichever it picked, and could pass.
    internal static readonly (string Parameter, string[] Columns)[] AliasedColumns =
    {
        (nameof(Product), new[] { nameof(Product), "Products" }),
        (nameof(HostingRegion), new[] { nameof(HostingRegion), "Region", "Code" }),
        (nameof(DataCategory), new[] { nameof(DataCategory), "Category" }),
    };

    // Every name a row's column binds to a parameter by: the rest are the row's own columns, carried to its results.
    private static readonly HashSet<string> BoundColumns = new HashSet<string>(AliasedColumns.SelectMany(a => a.Columns), StringComparer.OrdinalIgnoreCase);

    // An inventory row (Import-Csv, ConvertFrom-Json, [pscustomobject]) keeps its other columns; an object of this
    // module or of .NET has none of its own to keep. Values are text as the row holds it (InputColumns makes them inert).
    private InputColumns RowColumns()
    {
        if (InputObject?.BaseObject is not PSCustomObject)
        {
            return InputColumns.None;
        }

        List<KeyValuePair<string, string>>? columns = null;
        foreach (var property in InputObject.Properties)
        {
            if (property is PSNoteProperty && !BoundColumns.Contains(property.Name))
            {
                (columns ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(property.Name, CellText(property.Value)));
            }
        }

        if (columns != null && columns.Count > InputColumns.MaxColumns && !_warnedWideRow)
        {
            _warnedWideRow = true;
            WriteWarning("Input row " + _inputRow + " has " + columns.Count + " columns besides the ones tested; its results keep the first " + InputColumns.MaxColumns
                + " (InputColumns), as does every wider row.");
        }

        return columns == null ? InputColumns.None : new InputColumns(columns);
    }

    private bool _warnedWideRow;

    // A cell as text the way a spreadsheet shows it: a list joined, a date in ISO 8601, a nested object as name=value pairs.
    private static string CellText(object? value)
    {
        var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        return bare switch
        {
            null => string.Empty,
            string text => text,
            DateTime date => IsoDate.RoundTrip(date),
            DateTimeOffset offset => IsoDate.RoundTrip(offset.UtcDateTime),
            PSCustomObject when value is PSObject nested => string.Join("; ", nested.Properties.Select(p => p.Name + "=" + CellText(p.Value))),
            System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(CellText)),
            _ => Convert.ToString(bare, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    private ErrorRecord? ConflictingColumns()
    {
        if (InputObject == null || InputObject.BaseObject is string)
        {
            return null;
        }

        foreach (var (parameter, columns) in AliasedColumns)
        {
            if (!Piped(parameter))
            {
                continue;
            }

            // Every column the row has counts, a blank one too: with HostingRegion blank and Region 'US', PowerShell binds
            // the blank one, which means the EEA, and the row passed as if it had named it. The look-ups of columns a row
            // lacks are most of this check's cost (about 1.5 µs a row; enumerating the row's properties costs more).
            var given = new List<(string Column, string Value)>();
            foreach (var column in columns)
            {
                if (InputObject.Properties[column] is PSPropertyInfo property)
                {
                    given.Add((column, (property.Value?.ToString() ?? string.Empty).Trim()));
                }
            }

            if (given.Select(g => g.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            {
                var message = "The row names -" + parameter + " in more than one column with different values ("
                    + string.Join(", ", given.Select(g => g.Column + " '" + InertText.Escape(g.Value) + "'")) + "); it was not tested. Keep one of the columns "
                    + string.Join(", ", columns) + ".";
                return new ErrorRecord(new ArgumentException(message), ErrorIds.ConflictingColumns, ErrorCategory.InvalidData, InputObject)
                {
                    ErrorDetails = new ErrorDetails(message),
                };
            }
        }

        return null;
    }

    // The columns a row may name its vendor by: an inventory's own, or a result's or record's of this module.
    private static readonly string[] VendorColumns = { "Vendor", "Provider", "PolicyVendor" };

    // A row that names another vendor (Vendor=Acme, Product=Freshdesk) is not tested against this policy: its answer would
    // be Freshworks' words about another vendor's service, and could pass. A blank cell means the policy's own vendor.
    private ErrorRecord? OtherVendor()
    {
        if (InputObject == null || InputObject.BaseObject is string)
        {
            return null;
        }

        foreach (var column in VendorColumns)
        {
            var value = (InputObject.Properties[column]?.Value?.ToString() ?? string.Empty).Trim();
            if (value.Length > 0 && !string.Equals(value, AnsweringPolicy.Vendor, StringComparison.OrdinalIgnoreCase))
            {
                var shown = value.Length > 100 ? value.Substring(0, 100) + "… (" + value.Length + " characters)" : value;
                var message = "The row names the vendor '" + InertText.Escape(shown) + "' (column " + column + "), but this test answers from the policy of " + AnsweringPolicy.Vendor
                    + "; it was not tested. Test it with that vendor's policy (Import-ResidencyPolicy or -Policy), or leave the cell blank for "
                    + AnsweringPolicy.Vendor + ".";
                return new ErrorRecord(new ArgumentException(message), ErrorIds.VendorMismatch, ErrorCategory.InvalidData, shown)
                {
                    ErrorDetails = new ErrorDetails(message),
                };
            }
        }

        return null;
    }

    private HostingRegionInfo? ResolveHosting(out string text, out ErrorRecord? error)
    {
        // Inventories repeat a handful of region values: resolved ones are remembered for the pipeline.
        var key = HostingRegion ?? string.Empty;
        if (_hostingCache.TryGetValue(key, out var cached))
        {
            text = cached.Code;
            error = null;
            return cached;
        }

        text = string.IsNullOrWhiteSpace(key) ? RegionCodes.Eea : key.Trim();
        var region = ResolveHostingRegion(text, out error, Piped(nameof(HostingRegion)));
        if (region != null)
        {
            if (_hostingCache.Count < 64)
            {
                _hostingCache[key] = region;
            }

            text = region.Code;
        }

        return region;
    }

    private void TestGivenProduct(string given, HostingRegionInfo? hosting, string hostingText, ErrorRecord? hostingError)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            NotGiven(given ?? string.Empty, "The product is blank; name one of: " + NameSample.Of(AnsweringPolicy.ProductIndex.Items) + ".", hostingText);
            return;
        }

        // The common case, one literal name per row, allocates nothing before the result itself.
        if ((_productLiteral || !NameFilter.IsWildcard(given)) && AnsweringPolicy.ProductIndex.Find(given) is ProductInfo single)
        {
            if (VerboseWanted)
            {
                VerboseMatched(nameof(Product), new[] { given }, new List<ProductInfo> { single });
            }

            TestProduct(single, hosting, hostingText, hostingError);
            return;
        }

        var products = NameFilter.TryResolveOne(AnsweringPolicy.ProductIndex, given, ErrorIds.ProductNotFound, "product", out var error, _productLiteral);
        VerboseMatched(nameof(Product), new[] { given }, products);
        if (products == null)
        {
            NotEvaluated(given, error!, hostingText, write: true);
            return;
        }

        foreach (var product in products)
        {
            TestProduct(product, hosting, hostingText, hostingError);
        }
    }

    private void TestProduct(ProductInfo product, HostingRegionInfo? hosting, string hostingText, ErrorRecord? hostingError)
    {
        if (hosting == null)
        {
            NotEvaluated(product.Name, hostingError!, hostingText, write: false);
            return;
        }

        WarnIfNotOffered(product, hosting);
        var records = AnsweringPolicy.ResidencyOf(product);
        var named = 0;
        string? only = null;
        foreach (var name in DataCategory ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                named++;
                only = name;
            }
        }

        if (named == 0 && records.Count == 0)
        {
            // Nothing to test is not a pass: the row comes out NotEvaluated, so a check can never pass on it.
            var message = "The policy states no data categories for " + product.Name + ", so nothing of it could be tested.";
            NotEvaluated(product.Name, new ErrorRecord(new ItemNotFoundException(message), ErrorIds.NoDataCategoriesStated, ErrorCategory.ObjectNotFound, product.Name)
            {
                ErrorDetails = new ErrorDetails(message),
            }, hosting.Code);
            return;
        }

        if (named == 0)
        {
            var tested = 0;
            for (var i = 0; i < records.Count; i++)
            {
                tested += Evaluate(records[i], hosting) ? 1 : 0;
            }

            if (tested == 0)
            {
                // Every category excluded: the row (or the product) still comes out, NotEvaluated, instead of vanishing.
                var message = "-ExcludeDataCategory excludes every data category of " + product.Name + ", so nothing of it was tested.";
                NotEvaluated(product.Name, new ErrorRecord(new ArgumentException(message), ErrorIds.DataCategoryExcluded, ErrorCategory.InvalidArgument, product.Name)
                {
                    ErrorDetails = new ErrorDetails(message),
                }, hosting.Code);
            }

            return;
        }

        // One literal category per row, found: dictionary look-ups only.
        if (named == 1 && (_categoryLiteral || !NameFilter.IsWildcard(only!)) && AnsweringPolicy.CategoryIndex.Find(only!) is DataCategoryInfo category
            && AnsweringPolicy.Find(product, category) is DataResidencyInfo found)
        {
            EvaluateNamed(found, hosting, only!);
            return;
        }

        var chosen = new HashSet<DataResidencyInfo>();
        foreach (var name in DataCategory!)
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                ChooseCategory(product, name, hosting, records, chosen);
            }
        }

        foreach (var record in records)
        {
            if (chosen.Contains(record))
            {
                Evaluate(record, hosting);
            }
        }
    }

    // Once per product and hosting region in a pipeline: an inventory of 100,000 rows looks each pair up once and warns
    // once, not 100,000 times (the look-up itself scans the product's records).
    private void WarnIfNotOffered(ProductInfo product, HostingRegionInfo hosting)
    {
        if (!_offeringChecked.TryGetValue(product, out var regions))
        {
            _offeringChecked.Add(product, regions = new HashSet<HostingRegionInfo>());
        }

        if (regions.Add(hosting) && Offering.Warning(AnsweringPolicy, product, hosting) is string warning)
        {
            WriteWarning(warning);
        }
    }

    private void ChooseCategory(ProductInfo product, string name, HostingRegionInfo hosting, IReadOnlyList<DataResidencyInfo> records, HashSet<DataResidencyInfo> chosen)
    {
        if (!_categoryLiteral && NameFilter.IsWildcard(name))
        {
            // A wildcard may match categories other products hold: only this product's count, and no match is silent.
            if (NameFilter.TryMatch(this, AnsweringPolicy.CategoryIndex, name, out var categories))
            {
                var held = categories.Select(c => AnsweringPolicy.Find(product, c)).Where(r => r != null).Select(r => r!).ToList();
                chosen.UnionWith(held);
                VerboseMatched(nameof(DataCategory), new[] { name }, held.Select(r => r.DataCategory + " (" + product.Name + ")").ToList());
            }

            return;
        }

        var category = NameFilter.FindName(AnsweringPolicy.CategoryIndex, name, _categoryLiteral);
        if (category == null)
        {
            NotEvaluated(product.Name, NameFilter.NotFound(AnsweringPolicy.CategoryIndex, name, ErrorIds.DataCategoryNotFound, "data category", _categoryLiteral), hosting.Code, name);
        }
        else if (AnsweringPolicy.Find(product, category) is DataResidencyInfo record)
        {
            if (Excluded(record, hosting, name))
            {
                return;
            }

            chosen.Add(record);
        }
        else
        {
            var message = product.Name + " holds no '" + category.DataCategory + "' according to the policy. Its data categories are: "
                + string.Join(", ", records.Select(r => r.DataCategory)) + ".";
            NotEvaluated(product.Name, new ErrorRecord(new ItemNotFoundException(message), ErrorIds.DataCategoryNotInProduct, ErrorCategory.ObjectNotFound, name),
                hosting.Code, name);
        }
    }

    private void NotGiven(string given, string message, string hostingText) =>
        NotEvaluated(given, new ErrorRecord(new ArgumentException(message), ErrorIds.ProductNotGiven, ErrorCategory.InvalidArgument, InputObject?.BaseObject ?? given)
        {
            ErrorDetails = new ErrorDetails(message),
        }, hostingText);

    // The row comes out as a NotEvaluated result with the values as given, and the error is written as well,
    // so -ErrorAction Stop still stops and Export-Csv still has one line per input row.
    private void NotEvaluated(string product, ErrorRecord error, string hostingText, string? category = null, bool write = true)
    {
        if (write)
        {
            WriteError(error.Inert());
        }

        var categories = category != null ? new[] { category } : DataCategory?.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray();
        var reason = error.ErrorDetails?.Message ?? error.Exception.Message;
        foreach (var name in categories == null || categories.Length == 0 ? new[] { string.Empty } : categories)
        {
            Emit(BoundaryEvaluator.NotEvaluated(_context, product, name, hostingText, reason));
        }
    }

    // A category named by its name (on the command line or in a row) and excluded too is a contradiction, not a
    // filter: the row comes out NotEvaluated with its error instead of vanishing from the results.
    private bool Excluded(DataResidencyInfo record, HostingRegionInfo hosting, string name)
    {
        if (!IsExcluded(record))
        {
            return false;
        }

        var message = "The data category '" + record.DataCategory + "' of " + record.Product + " is named to be tested and excluded by -ExcludeDataCategory as well; it was not tested. "
            + "Remove it from one of them.";
        NotEvaluated(record.Product, new ErrorRecord(new ArgumentException(message), ErrorIds.DataCategoryExcluded, ErrorCategory.InvalidArgument, name)
        {
            ErrorDetails = new ErrorDetails(message),
        }, hosting.Code, name);
        return true;
    }

    private void EvaluateNamed(DataResidencyInfo record, HostingRegionInfo hosting, string name)
    {
        if (!Excluded(record, hosting, name))
        {
            Evaluate(record, hosting);
        }
    }

    private bool IsExcluded(DataResidencyInfo record) => _excluded != null && _excluded.Contains(record.Category);

    private bool Evaluate(DataResidencyInfo record, HostingRegionInfo hosting)
    {
        if (IsExcluded(record))
        {
            return false;
        }

        var result = BoundaryEvaluator.Evaluate(AnsweringPolicy, record, hosting, _options, _context, _waivers);
        if (result.Waived && VerboseWanted)
        {
            WriteVerbose("Waiver applied to " + result.Product + " / " + result.DataCategory + " (" + result.Verdict + "): " + InertText.Escape(result.WaiverJustification ?? string.Empty)
                + "; approved by " + InertText.Escape(result.WaiverApprovedBy ?? string.Empty) + "; expires " + IsoDate.Day(result.WaiverExpires) + ".");
        }

        Emit(result);
        return true;
    }

    private void Emit(EeaBoundaryResult result)
    {
        if (_inputRow > 0)
        {
            result.InputRow = _inputRow;
            result.InputColumns = _columns;
            NoteDuplicate(result);
        }

        if (Summary.IsPresent)
        {
            _summaries.Add(result);
        }
        else if (Quiet.IsPresent)
        {
            _row.Add(result);
        }
        else
        {
            WriteObject(result);
        }
    }
}
