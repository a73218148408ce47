using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Tests.Engine.Names;

public class NameIndexTests
{
    private static readonly ResidencyPolicy Policy = PolicyStore.Embedded;

    [Theory]
    [InlineData("ticket data", "TicketData")]
    [InlineData("TICKETGEGEVENS", "TicketData")]
    [InlineData("  Sociale gegevens ", "SocialContent")]
    [InlineData("kennisbankgegevens", "KnowledgeBase")]
    [InlineData("Opnames van gesprekken", "CallRecordings")]
    public void Categories_resolve_in_English_and_Dutch_ignoring_case(string input, string id) =>
        Assert.Equal(id, Policy.CategoryIndex.Find(input)!.Id);

    [Theory]
    [InlineData("Australie", "AU")]
    [InlineData("Australië", "AU")]
    [InlineData("vs", "US")]
    [InlineData("Europese Economische Ruimte", "EEA")]
    public void Regions_resolve_by_code_Dutch_name_and_without_diacritics(string input, string code) =>
        Assert.Equal(code, Policy.RegionIndex.Find(input)!.Code);

    [Theory]
    [InlineData("product", "Freshdsk", "Freshdesk")]
    [InlineData("product", "Freshsevice", "Freshservice")]
    [InlineData("category", "Tiketgegevens", "Ticketgegevens")]
    [InlineData("region", "EAA", "EEA")]
    public void Misspelt_names_suggest_the_closest(string kind, string input, string expected)
    {
        var suggestions = kind switch
        {
            "product" => Policy.ProductIndex.Suggest(input),
            "category" => Policy.CategoryIndex.Suggest(input),
            _ => Policy.RegionIndex.Suggest(input),
        };
        Assert.Equal(expected, suggestions[0]);
    }

    [Fact]
    public void Nonsense_suggests_nothing() => Assert.Empty(Policy.ProductIndex.Suggest("zzzzzzzzzzzz"));

    // Issue 23: "Mars" was answered "Did you mean 'AUS'?": two edits in a four-letter word make another word, not a typo.
    [Theory]
    [InlineData("Mars")]
    [InlineData("Moon")]
    [InlineData("UK")]
    public void A_different_short_word_suggests_no_region(string input) => Assert.Empty(Policy.RegionIndex.Suggest(input));

    [Fact]
    public void Match_returns_each_item_once_in_policy_order()
    {
        var matched = Policy.ProductIndex.Match(name => name.StartsWith("Freshdesk", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new[] { "Freshdesk", "Freshcaller", "Freshchat" }, matched.Select(p => p.Name));
    }

    // Security finding 10: matching 45,000 products cost items x names name tests per query.
    [Fact]
    public void Match_tests_each_name_once_whatever_the_number_of_items()
    {
        var items = Enumerable.Range(0, 50_000).Select(i => new string[] { "Product " + i, "Alias " + i }).ToList();
        var index = new NameIndex<string[]>(items, names => names);
        var tests = 0;
        var matched = index.Match(name =>
        {
            tests++;
            return name.EndsWith('7');
        });
        Assert.Equal(5_000, matched.Count);
        Assert.True(tests <= 100_000, tests + " name tests for 100,000 names");
        var set = matched.ToHashSet();
        Assert.Equal(items.Where(set.Contains), matched);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Edit_distance(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Compute(a, b));
}
