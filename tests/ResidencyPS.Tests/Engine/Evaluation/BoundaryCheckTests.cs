using ResidencyPS.Binding;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Evaluation;

/// <summary>
/// The boundary check end to end, as the engine owns it (issue 19, point 3): on small policies of a fictional vendor,
/// every input comes out (tested, or NotEvaluated with its problem), exclusions never make a row vanish, repeated rows are
/// told apart, and summaries count everything. Test-EeaBoundary only binds rows to <see cref="CheckInput"/>s.
/// </summary>
public sealed class BoundaryCheckTests
{
    // Orders (EEA) and Tickets (US) of Widgetry; Gadgetry holds Orders in the EEA and nothing else.
    private static readonly ResidencyPolicy Acme = new FictionalPolicy()
        .Data("Orders", "Stated", "EEA").Data("Tickets", "Stated", "US").DataOf("Gadgetry", "Orders", "Stated", "EEA").Load();

    private static (BoundaryCheck Check, CollectedOutput Output) New(IEnumerable<string>? excluded = null, bool summarize = false, bool verbose = false)
    {
        var output = new CollectedOutput { VerboseWanted = verbose };
        var categories = excluded?.Select(name => Acme.CategoryIndex.Find(name)!).ToList();
        return (new BoundaryCheck(AssessmentContext.Default(Acme), null, categories, new StarWildcards(), output, summarize), output);
    }

    private static CheckInput Row(int row, string? product, string? category = null, string? region = null) =>
        new(product == null ? null : new[] { product }, true, category == null ? null : new[] { category }, true, region, true, row, InputColumns.None);

    private static CheckInput Typed(string[]? products, string[]? categories = null, string? region = null) =>
        new(products, false, categories, false, region, false, 0, InputColumns.None);

    private static string Shape(EeaBoundaryResult r) => r.InputRow + ":" + r.Product + "/" + r.DataCategory + "@" + r.HostingRegion + "=" + r.Verdict;

    [Fact]
    public void Every_row_comes_out_once_per_question_it_asks_tested_or_not_evaluated_with_its_problem()
    {
        var (check, output) = New();
        check.Check(Row(1, "Widgetry", "Orders"));
        check.Check(Row(2, "Nonesuch", "Orders"));
        check.Check(Row(3, " "));
        check.Check(Row(4, "Widgetry", "Nothing"));
        check.Check(Row(5, "Gadgetry", "Tickets"));
        check.Check(Row(6, "Widgetry", "Orders", "Atlantis"));
        check.Check(Row(7, "Widgetry", "Orders", "DE"));
        check.Check(Row(8, "Widgetry", "Orders", "JP"));

        Assert.Equal(new[]
        {
            "1:Widgetry/Orders@EEA=Within", "2:Nonesuch/Orders@EEA=NotEvaluated", "3: /@EEA=NotEvaluated", "4:Widgetry/Nothing@EEA=NotEvaluated",
            "5:Gadgetry/Tickets@EEA=NotEvaluated", "6:Widgetry/Orders@Atlantis=NotEvaluated", "7:Widgetry/Orders@EEA=Within", "8:Widgetry/Orders@APAC=Unknown",
        }, output.Results.Select(Shape));
        Assert.Equal(new[] { ProblemKind.ProductNotFound, ProblemKind.ProductNotGiven, ProblemKind.DataCategoryNotFound, ProblemKind.DataCategoryNotInProduct, ProblemKind.HostingRegionNotFound },
            output.Problems.Select(p => p.Kind));

        // A NotEvaluated result carries its problem's words, so a report read without the error stream still says why.
        Assert.All(output.Results.Where(r => r.Verdict == Verdict.NotEvaluated).Zip(output.Problems), pair => Assert.Equal(pair.Second.Message, pair.First.Findings[0].Message));
        Assert.Equal("Nonesuch", output.Problems[0].Target);
    }

    [Fact]
    public void A_cell_with_a_wildcard_character_is_a_name_that_names_nothing_while_a_typed_wildcard_matches()
    {
        var (check, output) = New();
        check.Check(Row(1, "*"));
        Assert.Equal(Verdict.NotEvaluated, Assert.Single(output.Results).Verdict);
        Assert.Equal(ProblemKind.ProductNotFound, Assert.Single(output.Problems).Kind);

        output.Results.Clear();
        check.Check(Typed(new[] { "*try" }, new[] { "Ord*" }));
        Assert.Equal(new[] { "0:Widgetry/Orders@EEA=Within", "0:Gadgetry/Orders@EEA=Within" }, output.Results.Select(r => "0:" + Shape(r)[1..]));
    }

    [Fact]
    public void A_typed_wildcard_that_matches_nothing_is_silent_and_one_that_does_not_parse_is_a_problem()
    {
        var (check, output) = New();
        check.Check(Typed(new[] { "Z*" }));
        Assert.Empty(output.Results);
        Assert.Empty(output.Problems);

        check.Check(Typed(new[] { "Widgetry" }, new[] { "Ord[" }));
        Assert.Equal(ProblemKind.InvalidWildcardPattern, Assert.Single(output.Problems).Kind);
        Assert.Contains("'[' is not supported.", output.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclusions_leave_categories_out_but_never_make_a_row_vanish()
    {
        var (check, output) = New(excluded: new[] { "Orders" });
        check.Check(Row(1, "Widgetry"));
        check.Check(Row(2, "Gadgetry"));
        check.Check(Row(3, "Widgetry", "Orders"));

        Assert.Equal(new[] { "1:Widgetry/Tickets@EEA=Outside", "2:Gadgetry/@EEA=NotEvaluated", "3:Widgetry/Orders@EEA=NotEvaluated" }, output.Results.Select(Shape));
        Assert.Equal(new[] { ProblemKind.DataCategoryExcluded, ProblemKind.DataCategoryExcluded }, output.Problems.Select(p => p.Kind));
        Assert.Contains("excludes every data category of Gadgetry", output.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("named to be tested and excluded", output.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_the_policy_states_no_data_of_comes_out_not_evaluated_never_passed()
    {
        var policy = new FictionalPolicy().DataOf("Gadgetry", "Orders", "Stated", "EEA").Load();
        var output = new CollectedOutput();
        var check = new BoundaryCheck(AssessmentContext.Default(policy), null, null, new StarWildcards(), output);
        check.Check(Typed(null));

        Assert.Equal(new[] { "0:Widgetry/@EEA=NotEvaluated", "0:Gadgetry/Orders@EEA=Within" }, output.Results.Select(r => "0:" + Shape(r)[1..]));
        Assert.Equal(ProblemKind.NoDataCategoriesStated, Assert.Single(output.Problems).Kind);
    }

    [Fact]
    public void A_repeated_question_is_warned_about_with_both_rows_and_past_ten_counted_once()
    {
        var (check, output) = New();
        for (var row = 1; row <= 13; row++)
        {
            check.Check(Row(row, "Gadgetry", "Orders"));
        }

        check.Finish();
        Assert.Equal(13, output.Results.Count);
        Assert.Equal("Input rows 1 and 2 both ask about Gadgetry / Orders hosted in EEA; both are tested and reported.", output.Warnings[0]);
        Assert.Equal(11, output.Warnings.Count);
        Assert.StartsWith("2 more results repeat a question", output.Warnings[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_asked_about_outside_its_regions_is_warned_about_once_per_region()
    {
        var (check, output) = New();
        check.Check(Row(1, "Gadgetry", region: "US"));
        check.Check(Row(2, "Gadgetry", region: "US"));
        check.Check(Row(3, "Widgetry", region: "US"));

        // Rows 1 and 2 repeat a question too (a warning of its own); Widgetry is offered in the US, Gadgetry is not.
        var offered = Assert.Single(output.Warnings, w => w.StartsWith("The policy text offers", StringComparison.Ordinal));
        Assert.StartsWith("The policy text offers Gadgetry only in EEA, not in US:", offered, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_count_every_result_including_rows_not_evaluated_in_the_policys_order()
    {
        var (check, output) = New(summarize: true);
        check.Check(Row(1, "Gadgetry"));
        check.Check(Row(2, "Nonesuch"));
        check.Check(Row(3, "Widgetry"));
        var summaries = check.Finish();

        Assert.Empty(output.Results);
        Assert.Equal(new[] { "Widgetry/EEA:2", "Gadgetry/EEA:1", "Nonesuch/EEA:1" }, summaries.Select(s => s.Product + "/" + s.HostingRegion + ":" + s.Tested));
        Assert.False(summaries.Single(s => s.Product == "Nonesuch").Passed);
    }

    [Fact]
    public void A_refused_input_comes_out_not_evaluated_as_given_with_the_callers_problem()
    {
        var (check, output) = New();
        var problem = BoundaryCheck.NoProduct("The input row is empty.", string.Empty);
        check.Refuse(Row(4, "Widgetry", "Orders", "US"), problem);

        Assert.Equal("4:Widgetry/Orders@US=NotEvaluated", Shape(Assert.Single(output.Results)));
        Assert.Same(problem, Assert.Single(output.Problems));
    }

    [Fact]
    public void Verbose_lines_say_what_each_name_matched_only_when_wanted()
    {
        var (quiet, silent) = New();
        quiet.Check(Typed(new[] { "Widgetry" }, new[] { "Ord*" }));
        Assert.Empty(silent.VerboseLines);

        var (check, output) = New(verbose: true);
        check.Check(Typed(new[] { "Widgetry" }, new[] { "Ord*" }));
        Assert.Equal(new[] { "-Product 'Widgetry' matched Widgetry.", "-DataCategory 'Ord*' matched Orders (Widgetry)." }, output.VerboseLines);
    }

    [Fact]
    public void Every_problem_kind_is_an_error_id_and_becomes_an_error_record_with_it()
    {
        var ids = typeof(ErrorIds).GetFields().Select(f => f.Name).ToHashSet();
        Assert.All(Enum.GetNames<ProblemKind>(), kind => Assert.Contains(kind, ids));

        var record = new Problem(ProblemKind.ProductNotFound, ProblemClass.ObjectNotFound, "No product named 'x'.", "x", "Try Widgetry.").ToErrorRecord();
        Assert.Equal(("ProductNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound, "x", "Try Widgetry."),
            (record.FullyQualifiedErrorId, record.CategoryInfo.Category, (string)record.TargetObject, record.ErrorDetails.RecommendedAction));
    }
}
