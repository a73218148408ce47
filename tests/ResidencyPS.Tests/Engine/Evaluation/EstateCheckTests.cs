using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Names;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Evaluation;

/// <summary>
/// Rows routed by vendor (issue 22, point 2), in the engine: two fictional vendors that both sell Widgetry, Acme keeping
/// its Orders in the EEA and Globex in the US; Gadgetry is Acme's alone, Gizmo Globex's.
/// </summary>
public sealed class EstateCheckTests
{
    private static readonly ResidencyPolicy Acme = new FictionalPolicy().Data("Orders", "Stated", "EEA").DataOf("Gadgetry", "Orders", "Stated", "EEA").Load();
    private static readonly ResidencyPolicy Globex = new FictionalPolicy("Globex (fictional)").Data("Orders", "Stated", "US").DataOf("Gizmo", "Orders", "Stated", "US").Load();

    private static (EstateCheck Check, CollectedOutput Output) New(bool summarize = false, params ResidencyPolicy[] policies)
    {
        var output = new CollectedOutput();
        var set = new PolicySet(policies.Length == 0 ? new[] { Acme, Globex } : policies);
        return (new EstateCheck(set, p => new BoundaryCheck(AssessmentContext.Default(p), null, null, new StarWildcards(), output, summarize), new StarWildcards()), output);
    }

    private static CheckInput Row(int row, params string[] products) => new(products, true, null, true, null, true, row, InputColumns.None);

    // The command line's values (row 0) have no InputRow.
    private static string Shape(EeaBoundaryResult r) => r.InputRow + ":" + r.PolicyVendor.Split(' ')[0] + "/" + r.Product + "/" + r.DataCategory + "=" + r.Verdict;

    // What the cmdlet does per row: the vendor column first, the products when it names none.
    private static void Check(EstateCheck estate, in CheckInput input, string? vendor)
    {
        if (estate.Route(vendor, "Vendor", out var problem) is ResidencyPolicy policy)
        {
            estate[policy].Check(input);
        }
        else if (problem != null)
        {
            estate.First.Refuse(input, problem); // written to the output with its NotEvaluated result
        }
        else
        {
            estate.CheckByProduct(input);
        }
    }

    [Fact]
    public void Each_row_is_tested_against_its_vendors_policy_in_input_order_and_none_is_lost()
    {
        var (estate, output) = New();
        Check(estate, Row(1, "Widgetry"), "Globex (fictional)");
        Check(estate, Row(2, "Gadgetry"), null);
        Check(estate, Row(3, "Widgetry"), null);
        Check(estate, Row(4, "Widgetry"), "Initech");
        Check(estate, Row(5, "Widgetry"), "ACME WIDGETS (fictional)");
        Check(estate, Row(6, "Nope"), null);

        Assert.Equal(new[]
        {
            "1:Globex/Widgetry/Orders=Outside", "2:Acme/Gadgetry/Orders=Within", "3:Acme/Widgetry/=NotEvaluated", "4:Acme/Widgetry/=NotEvaluated",
            "5:Acme/Widgetry/Orders=Within", "6:Acme/Nope/=NotEvaluated",
        }, output.Results.Select(Shape));
        Assert.Equal(new[] { ProblemKind.AmbiguousProduct, ProblemKind.VendorMismatch, ProblemKind.ProductNotFound }, output.Problems.Select(p => p.Kind));
        Assert.Contains("Acme Widgets (fictional) and Globex (fictional)", output.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Vendor column", output.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("policies of Acme Widgets (fictional), Globex (fictional)", output.Problems[2].Message, StringComparison.Ordinal);
        Assert.False(output.Results.Single(r => r.InputRow == 3).Passed);
    }

    [Fact]
    public void Several_products_of_one_row_go_each_to_its_own_policy_and_a_typed_wildcard_asks_every_policy()
    {
        var (estate, output) = New();
        estate.CheckByProduct(Row(1, "Gizmo", "Gadgetry"));
        estate.CheckByProduct(new CheckInput(new[] { "G*" }, false, null, false, null, false, 0, InputColumns.None));
        estate.CheckByProduct(new CheckInput(new[] { "G[" }, false, null, false, null, false, 0, InputColumns.None));
        Assert.Equal(new[] { "1:Globex/Gizmo/Orders=Outside", "1:Acme/Gadgetry/Orders=Within", ":Acme/Gadgetry/Orders=Within", ":Globex/Gizmo/Orders=Outside", ":Acme/G[/=NotEvaluated" },
            output.Results.Select(Shape));
        Assert.Equal(ProblemKind.InvalidWildcardPattern, Assert.Single(output.Problems).Kind);
    }

    [Fact]
    public void With_one_policy_a_row_without_a_vendor_is_that_policys_and_an_unknown_product_gets_its_own_suggestions()
    {
        var (estate, output) = New(false, Globex);
        Assert.Same(Globex, estate.Route(null, "Vendor", out var none));
        Assert.Null(none);
        estate.CheckByProduct(Row(1, "Widgetr"));
        Assert.Equal(ProblemKind.ProductNotFound, Assert.Single(output.Problems).Kind);
        Assert.Contains("Did you mean 'Widgetry'", output.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_come_vendor_by_vendor_in_set_order()
    {
        var (estate, _) = New(summarize: true, Globex, Acme);
        estate.CheckByProduct(Row(1, "Gadgetry"));
        estate.CheckByProduct(Row(2, "Gizmo"));
        Assert.Equal(new[] { "Globex (fictional)/Gizmo", "Acme Widgets (fictional)/Gadgetry" }, estate.Finish().Select(s => s.PolicyVendor + "/" + s.Product));
    }
}
