using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Names;

/// <summary>
/// Several vendors' policies at once (issue 22, points 1 and 2): which policies -Vendor names, which vendor a product name
/// belongs to, and the problems of a vendor without a policy or a product two vendors share. On fictional vendors that
/// both sell Widgetry.
/// </summary>
public sealed class PolicySetTests
{
    private static readonly ResidencyPolicy Acme = new FictionalPolicy().Data("Orders", "Stated", "EEA").DataOf("Gadgetry", "Orders", "Stated", "EEA").Load();
    private static readonly ResidencyPolicy Globex = new FictionalPolicy("Globex (fictional)").Data("Orders", "Stated", "US").DataOf("Gizmo", "Orders", "Stated", "US").Load();
    private static readonly IReadOnlyList<ResidencyPolicy> Both = new[] { Acme, Globex };

    [Fact]
    public void Vendor_names_and_wildcards_choose_policies_in_set_order_and_a_name_with_no_policy_is_a_problem()
    {
        var problems = new List<Problem>();
        Assert.Equal(new[] { Acme, Globex }, PolicySet.Select(Both, new[] { "globex (FICTIONAL)", " Acme Widgets (fictional) " }, new StarWildcards(), problems));
        Assert.Equal(new[] { Globex }, PolicySet.Select(Both, new[] { "Glo*", "Nope*" }, new StarWildcards(), problems));
        Assert.Empty(problems);
        Assert.Equal(Both, PolicySet.Select(Both, null, new StarWildcards(), problems));

        Assert.Empty(PolicySet.Select(Both, new[] { "Initech", "Acme[" }, new StarWildcards(), problems));
        Assert.Equal(new[] { ProblemKind.VendorNotFound, ProblemKind.InvalidWildcardPattern }, problems.Select(p => p.Kind));
        Assert.Equal("Initech", problems[0].Target);
        Assert.Contains("Active: Acme Widgets (fictional), Globex (fictional)", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_name_is_known_by_every_policy_that_names_it_and_two_make_it_ambiguous()
    {
        var set = new PolicySet(Both);
        Assert.Equal(new[] { Acme, Globex }, set.Knowing("widgetry", literal: true, new StarWildcards()));
        Assert.Equal(new[] { Globex }, set.Knowing("Gizmo", literal: true, new StarWildcards()));
        Assert.Empty(set.Knowing("Nope", literal: true, new StarWildcards()));

        var fromRow = PolicySet.Ambiguous("Widgetry", set.Knowing("Widgetry", true, new StarWildcards()), fromRow: true);
        Assert.Equal(ProblemKind.AmbiguousProduct, fromRow.Kind);
        Assert.Equal("Widgetry", fromRow.Target);
        Assert.Contains("in the policies of Acme Widgets (fictional) and Globex (fictional)", fromRow.Message, StringComparison.Ordinal);
        Assert.Contains("Vendor column", fromRow.Message, StringComparison.Ordinal);
        Assert.Contains("-Vendor", PolicySet.Ambiguous("Widgetry", Both, fromRow: false).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_vendor_finds_its_policy_case_and_blanks_aside_and_an_unknown_one_says_which_vendors_answer()
    {
        var set = new PolicySet(Both);
        Assert.Same(Globex, set.ForVendor("  GLOBEX (fictional) "));
        Assert.Null(set.ForVendor("Initech"));

        var many = set.UnknownRowVendor("Initech", "Vendor");
        Assert.Equal(ProblemKind.VendorMismatch, many.Kind);
        Assert.Contains("policies of Acme Widgets (fictional), Globex (fictional) only", many.Message, StringComparison.Ordinal);
        var one = new PolicySet(new[] { Acme }).UnknownRowVendor("Initech", "Provider");
        Assert.Contains("(column Provider), but this test answers from the policy of Acme Widgets (fictional)", one.Message, StringComparison.Ordinal);

        var none = set.NoProduct("Nope", literal: true);
        Assert.Equal(ProblemKind.ProductNotFound, none.Kind);
        Assert.Contains("Widgetry, Gadgetry, Gizmo", none.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_active_set_holds_one_policy_per_vendor_an_import_replacing_its_vendor_in_place()
    {
        var acmeAgain = new FictionalPolicy("ACME WIDGETS (fictional)").Data("Orders", "Stated", "US").Load();
        var set = PolicyStore.With(new[] { Acme, Globex }, new[] { acmeAgain });
        Assert.Equal(new[] { acmeAgain, Globex }, set);
        Assert.Throws<ArgumentException>(() => PolicyStore.SetActive(new[] { Acme, acmeAgain }));
        Assert.Throws<ArgumentException>(() => PolicyStore.SetActive(Array.Empty<ResidencyPolicy>()));
        Assert.Throws<ArgumentException>(() => new PolicySet(Array.Empty<ResidencyPolicy>()));
    }
}
