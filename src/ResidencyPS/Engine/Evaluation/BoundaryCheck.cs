using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>
/// The EEA boundary check of one policy, end to end: which products and data categories an input names, exclusions,
/// waivers, a NotEvaluated result for every input it could not test (so no row ever vanishes), repeated rows, and the
/// summaries. Test-EeaBoundary binds its parameters and rows, calls <see cref="Check"/> per input and writes what comes
/// out; this type has no PowerShell types, so tests drive it directly.
/// </summary>
/// <remarks>
/// Per input: dictionary look-ups and cached outcomes only, so an inventory of 100,000 rows costs little more than
/// PowerShell's own parameter binding. One instance serves one pipeline; it is not thread-safe.
/// </remarks>
internal sealed class BoundaryCheck
{
    private const int DuplicateWarnings = 10;

    /// <summary>
    /// How many results repeated an earlier row's question, counted across every check of one pipeline: an estate of 50
    /// vendors warns about ten repeats and sums up the rest once, as one vendor's does, not ten per vendor.
    /// </summary>
    internal sealed class Repeats
    {
        public int Count { get; set; }

        /// <summary>The warning after the last input, or null when every repeat was warned about one by one.</summary>
        public string? Summary => Count > DuplicateWarnings ? (Count - DuplicateWarnings) + " more results repeat a question an earlier input row asked; InputRow tells them apart." : null;
    }

    private readonly ResidencyPolicy _policy;
    private readonly BoundaryOptions _options;
    private readonly AssessmentContext _context;
    private readonly WaiverSet? _waivers;
    private readonly HashSet<DataCategoryInfo>? _excluded;
    private readonly IWildcards _wildcards;
    private readonly IBoundaryCheckOutput _output;
    private readonly SummaryTable? _summaries;

    // Inventories repeat a handful of region values, and each product and region is warned about once.
    private readonly Dictionary<string, HostingRegionInfo> _hostingCache = new Dictionary<string, HostingRegionInfo>(StringComparer.Ordinal);
    private readonly Dictionary<ProductInfo, HashSet<HostingRegionInfo>> _offeringChecked = new Dictionary<ProductInfo, HashSet<HostingRegionInfo>>();

    // The first row that asked each question: an inventory that lists a product and category twice is told so, with both rows.
    private readonly Dictionary<(string, string, string), int> _firstRow = new Dictionary<(string, string, string), int>();
    private readonly Repeats _repeats;
    private readonly bool _sharedRepeats;

    /// <summary>Creates the check.</summary>
    /// <param name="context">What every result shares: the policy, the set-up and the run's waiver registers.</param>
    /// <param name="waivers">The waivers of the run; null for none.</param>
    /// <param name="excluded">The data categories left out; null for none.</param>
    /// <param name="wildcards">The wildcard language of names.</param>
    /// <param name="output">Where results, problems, warnings and verbose lines go.</param>
    /// <param name="summarize">Count results into summaries (<see cref="Finish"/>) instead of handing them to <paramref name="output"/>.</param>
    /// <param name="repeats">A count of repeated questions shared by every check of the pipeline (the caller writes its summary); null for one of this check's own.</param>
    public BoundaryCheck(AssessmentContext context, WaiverSet? waivers, IEnumerable<DataCategoryInfo>? excluded, IWildcards wildcards, IBoundaryCheckOutput output,
        bool summarize = false, Repeats? repeats = null)
    {
        // Shared with the other checks of a pipeline, the count's summary is the caller's to write, once.
        _repeats = repeats ?? new Repeats();
        _sharedRepeats = repeats != null;
        _context = context;
        _policy = context.Policy;
        _options = (context.UsesIntegrations ? BoundaryOptions.UsesIntegrations : BoundaryOptions.None) | (context.CustomMailbox ? BoundaryOptions.CustomMailbox : BoundaryOptions.None);
        _waivers = waivers;
        _excluded = excluded == null ? null : new HashSet<DataCategoryInfo>(excluded);
        _wildcards = wildcards;
        _output = output;
        _summaries = summarize ? new SummaryTable() : null;
    }

    /// <summary>Tests one input: every product and category it names, each result (or NotEvaluated row) to the output.</summary>
    public void Check(in CheckInput input)
    {
        var hosting = Hosting(input, out var hostingText, out var hostingProblem);
        if (hostingProblem != null)
        {
            _output.Problem(hostingProblem);
        }

        if (input.Products == null)
        {
            foreach (var product in _policy.ProductIndex.Items)
            {
                TestProduct(input, product, hosting, hostingText, hostingProblem);
            }

            return;
        }

        foreach (var given in input.Products)
        {
            TestGivenProduct(input, given, hosting, hostingText, hostingProblem);
        }
    }

    /// <summary>
    /// An input that is not tested at all (it names no product, or the caller found it belongs to another policy or
    /// vendor): <paramref name="problem"/> is written and the input comes out NotEvaluated, as given. With
    /// <paramref name="checkRegion"/> its hosting region's problem is written too, so both faults of a row are told at once
    /// (a row refused as a whole, another vendor's or policy's, is not read further).
    /// </summary>
    public void Refuse(in CheckInput input, Problem problem, bool checkRegion = false, bool write = true)
    {
        Hosting(input, out var hostingText, out var hostingProblem);
        if (checkRegion && hostingProblem != null)
        {
            _output.Problem(hostingProblem);
        }

        NotEvaluated(input, input.Products is { Count: > 0 } products ? products[0] : string.Empty, problem, hostingText, write: write);
    }

    /// <summary>After the last input: the count of repeated rows not warned about one by one, and the summaries when asked for.</summary>
    public IReadOnlyList<EeaBoundarySummary> Finish()
    {
        if (!_sharedRepeats && _repeats.Summary is string summary)
        {
            _output.Warning(summary);
        }

        return _summaries?.InPolicyOrder(_policy) ?? Array.Empty<EeaBoundarySummary>();
    }

    /// <summary>The problem of an input that names no product; the message says what it was instead.</summary>
    public static Problem NoProduct(string message, object target) => new Problem(ProblemKind.ProductNotGiven, ProblemClass.InvalidArgument, message, target);

    private HostingRegionInfo? Hosting(in CheckInput input, out string text, out Problem? problem)
    {
        var key = input.HostingRegion ?? string.Empty;
        problem = null;
        if (_hostingCache.TryGetValue(key, out var cached))
        {
            text = cached.Code;
            return cached;
        }

        text = string.IsNullOrWhiteSpace(key) ? RegionCodes.Eea : key.Trim();
        var region = RegionLookup.ResolveOne(_policy, text, input.HostingLiteral, _wildcards, out problem);
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

    private void TestGivenProduct(in CheckInput input, string given, HostingRegionInfo? hosting, string hostingText, Problem? hostingProblem)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            NotEvaluated(input, given ?? string.Empty, NoProduct("The product is blank; name one of: " + NameSample.Of(_policy.ProductIndex.Items) + ".", given ?? string.Empty), hostingText);
            return;
        }

        // The common case, one literal name per row, allocates nothing before the result itself.
        if ((input.ProductsLiteral || !_wildcards.IsWildcard(given)) && _policy.ProductIndex.Find(given) is ProductInfo single)
        {
            if (_output.VerboseWanted)
            {
                _output.Verbose(NameLookup.Matched("Product", new[] { given }, new[] { single }));
            }

            TestProduct(input, single, hosting, hostingText, hostingProblem);
            return;
        }

        var products = NameLookup.Resolve(_policy.ProductIndex, given, ProblemKind.ProductNotFound, "product", input.ProductsLiteral, _wildcards, out var problem);
        if (_output.VerboseWanted)
        {
            _output.Verbose(NameLookup.Matched("Product", new[] { given }, products));
        }

        if (products == null)
        {
            NotEvaluated(input, given, problem!, hostingText);
            return;
        }

        foreach (var product in products)
        {
            TestProduct(input, product, hosting, hostingText, hostingProblem);
        }
    }

    private void TestProduct(in CheckInput input, ProductInfo product, HostingRegionInfo? hosting, string hostingText, Problem? hostingProblem)
    {
        if (hosting == null)
        {
            // The hosting problem was written once for the input; each product still comes out.
            NotEvaluated(input, product.Name, hostingProblem!, hostingText, write: false);
            return;
        }

        WarnIfNotOffered(product, hosting);
        var records = _policy.ResidencyOf(product);
        var named = 0;
        string? only = null;
        foreach (var name in input.Categories ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                named++;
                only = name;
            }
        }

        if (named == 0 && records.Count == 0)
        {
            // Nothing to test is not a pass: the input comes out NotEvaluated, so a check can never pass on it.
            NotEvaluated(input, product.Name, new Problem(ProblemKind.NoDataCategoriesStated, ProblemClass.ObjectNotFound,
                "The policy states no data categories for " + product.Name + ", so nothing of it could be tested.", product.Name), hosting.Code);
            return;
        }

        if (named == 0)
        {
            var tested = 0;
            for (var i = 0; i < records.Count; i++)
            {
                tested += Evaluate(input, records[i], hosting) ? 1 : 0;
            }

            if (tested == 0)
            {
                // Every category excluded: the input (or the product) still comes out, NotEvaluated, instead of vanishing.
                NotEvaluated(input, product.Name, new Problem(ProblemKind.DataCategoryExcluded, ProblemClass.InvalidArgument,
                    "-ExcludeDataCategory excludes every data category of " + product.Name + ", so nothing of it was tested.", product.Name), hosting.Code);
            }

            return;
        }

        // One literal category per input, found: dictionary look-ups only.
        if (named == 1 && (input.CategoriesLiteral || !_wildcards.IsWildcard(only!)) && _policy.CategoryIndex.Find(only!) is DataCategoryInfo category
            && _policy.Find(product, category) is DataResidencyInfo found)
        {
            if (!Excluded(input, found, hosting, only!))
            {
                Evaluate(input, found, hosting);
            }

            return;
        }

        var chosen = new HashSet<DataResidencyInfo>();
        foreach (var name in input.Categories!)
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                ChooseCategory(input, product, name, hosting, records, chosen);
            }
        }

        foreach (var record in records)
        {
            if (chosen.Contains(record))
            {
                Evaluate(input, record, hosting);
            }
        }
    }

    // Once per product and hosting region: an inventory of 100,000 rows looks each pair up once and warns once.
    private void WarnIfNotOffered(ProductInfo product, HostingRegionInfo hosting)
    {
        if (!_offeringChecked.TryGetValue(product, out var regions))
        {
            _offeringChecked.Add(product, regions = new HashSet<HostingRegionInfo>());
        }

        if (regions.Add(hosting) && Offering.Warning(_policy, product, hosting) is string warning)
        {
            _output.Warning(warning);
        }
    }

    private void ChooseCategory(in CheckInput input, ProductInfo product, string name, HostingRegionInfo hosting, IReadOnlyList<DataResidencyInfo> records,
        HashSet<DataResidencyInfo> chosen)
    {
        if (!input.CategoriesLiteral && _wildcards.IsWildcard(name))
        {
            // A wildcard may match categories other products hold: only this product's count, and no match is silent.
            if (NameLookup.Match(_policy.CategoryIndex, name, _wildcards, out var invalid) is { } categories)
            {
                var held = categories.Select(c => _policy.Find(product, c)).Where(r => r != null).Select(r => r!).ToList();
                chosen.UnionWith(held);
                if (_output.VerboseWanted)
                {
                    _output.Verbose(NameLookup.Matched("DataCategory", new[] { name }, held.Select(r => r.DataCategory + " (" + product.Name + ")").ToList()));
                }
            }
            else
            {
                _output.Problem(invalid!);
            }

            return;
        }

        var category = NameLookup.Find(_policy.CategoryIndex, name, input.CategoriesLiteral, _wildcards);
        if (category == null)
        {
            NotEvaluated(input, product.Name, NameLookup.NotFound(_policy.CategoryIndex, name, ProblemKind.DataCategoryNotFound, "data category", input.CategoriesLiteral),
                hosting.Code, name);
        }
        else if (_policy.Find(product, category) is DataResidencyInfo record)
        {
            if (!Excluded(input, record, hosting, name))
            {
                chosen.Add(record);
            }
        }
        else
        {
            var message = product.Name + " holds no '" + category.DataCategory + "' according to the policy. Its data categories are: "
                + string.Join(", ", records.Select(r => r.DataCategory)) + ".";
            NotEvaluated(input, product.Name, new Problem(ProblemKind.DataCategoryNotInProduct, ProblemClass.ObjectNotFound, message, name), hosting.Code, name);
        }
    }

    // A category named to be tested and excluded too is a contradiction, not a filter: the input comes out NotEvaluated
    // with its problem instead of vanishing from the results.
    private bool Excluded(in CheckInput input, DataResidencyInfo record, HostingRegionInfo hosting, string name)
    {
        if (!IsExcluded(record))
        {
            return false;
        }

        var message = "The data category '" + record.DataCategory + "' of " + record.Product + " is named to be tested and excluded by -ExcludeDataCategory as well; it was not tested. "
            + "Remove it from one of them.";
        NotEvaluated(input, record.Product, new Problem(ProblemKind.DataCategoryExcluded, ProblemClass.InvalidArgument, message, name), hosting.Code, name);
        return true;
    }

    private bool IsExcluded(DataResidencyInfo record) => _excluded != null && _excluded.Contains(record.Category);

    private bool Evaluate(in CheckInput input, DataResidencyInfo record, HostingRegionInfo hosting)
    {
        if (IsExcluded(record))
        {
            return false;
        }

        var result = BoundaryEvaluator.Evaluate(_policy, record, hosting, _options, _context, _waivers);
        if (result.Waived && _output.VerboseWanted)
        {
            _output.Verbose("Waiver applied to " + result.Product + " / " + result.DataCategory + " (" + result.Verdict + "): " + InertText.Escape(result.WaiverJustification ?? string.Empty)
                + "; approved by " + InertText.Escape(result.WaiverApprovedBy ?? string.Empty) + "; expires " + IsoDate.Day(result.WaiverExpires) + ".");
        }

        Emit(input, result);
        return true;
    }

    // The input comes out as a NotEvaluated result with the values as given, and its problem is written as well, so a
    // caller that stops on errors still stops and an export still has one line per input row.
    private void NotEvaluated(in CheckInput input, string product, Problem problem, string hostingText, string? category = null, bool write = true)
    {
        if (write)
        {
            _output.Problem(problem);
        }

        if (category != null)
        {
            Emit(input, BoundaryEvaluator.NotEvaluated(_context, product, category, hostingText, problem.Message));
            return;
        }

        var any = false;
        foreach (var name in input.Categories ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                any = true;
                Emit(input, BoundaryEvaluator.NotEvaluated(_context, product, name, hostingText, problem.Message));
            }
        }

        if (!any)
        {
            Emit(input, BoundaryEvaluator.NotEvaluated(_context, product, string.Empty, hostingText, problem.Message));
        }
    }

    private void Emit(in CheckInput input, EeaBoundaryResult result)
    {
        if (input.Row > 0)
        {
            result.InputRow = input.Row;
            result.InputColumns = input.Columns;
            NoteDuplicate(input.Row, result);
        }

        if (_summaries != null)
        {
            _summaries.Add(result);
        }
        else
        {
            _output.Result(result);
        }
    }

    private void NoteDuplicate(int row, EeaBoundaryResult result)
    {
        if (result.Verdict == Verdict.NotEvaluated)
        {
            return;
        }

        var key = (result.Product, result.DataCategory, result.HostingRegion);
        if (!_firstRow.TryGetValue(key, out var first))
        {
            _firstRow.Add(key, row);
        }
        else if (first != row && ++_repeats.Count <= DuplicateWarnings)
        {
            _output.Warning("Input rows " + first + " and " + row + " both ask about " + result.Product + " / " + result.DataCategory + " hosted in " + result.HostingRegion
                + "; both are tested and reported.");
        }
    }
}
