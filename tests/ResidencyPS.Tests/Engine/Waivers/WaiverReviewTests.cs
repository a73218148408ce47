using Json.Schema;
using ResidencyPS.Engine.Waivers;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Waivers;

/// <summary>
/// Issue 22, point 4: a waiver may name the policy's SHA-256 or the statements (id and SHA-256) it was reviewed against;
/// when those change, it stops applying and says why. Fictional vendors only: "Orders is kept in EEA" is statement s1.
/// </summary>
public sealed class WaiverReviewTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private static JsonSchema Schema => WaiverFileTests.Schema;
    private readonly string _folder = Directory.CreateTempSubdirectory("residencyps-reviewed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ResidencyPolicy Reviewed() => new FictionalPolicy().Data("Orders", "Stated").Load();

    // The same policy after the vendor's words about Orders changed (a place is now named): statement s1 is new text.
    private static ResidencyPolicy Rewritten() => new FictionalPolicy().Data("Orders", "Stated", "US").Load();

    private WaiverSet Load(string reviewedAgainst, ResidencyPolicy policy, string expires = "2099-12-31")
    {
        var json = "{ \"waivers\": [ { \"product\": \"Widgetry\", \"dataCategory\": \"Orders\", \"justification\": \"Reviewed.\", \"expires\": \"" + expires + "\""
            + (reviewedAgainst.Length > 0 ? ", " + reviewedAgainst : string.Empty) + " } ] }";
        Assert.True(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid, json);
        var path = Path.Combine(_folder, "w.json");
        File.WriteAllText(path, json);
        return WaiverLoader.LoadFile(path, policy, _ => null, Now);
    }

    private static string Statement(ResidencyPolicy policy, string id) =>
        "\"statements\": [ { \"id\": \"" + id + "\", \"sha256\": \"" + policy.StatementIndex.Find(id)!.Sha256 + "\" } ]";

    [Fact]
    public void A_waiver_reviewed_against_a_statement_applies_while_its_words_stand_and_not_once_they_change()
    {
        var reviewed = Reviewed();
        var statement = Statement(reviewed, "s1");

        var standing = Load(statement, reviewed);
        Assert.NotNull(standing.Find("Widgetry", "Orders", Verdict.Unknown));
        Assert.Empty(standing.Invalidated);

        var changed = Load(statement, Rewritten());
        Assert.Null(changed.Find("Widgetry", "Orders", Verdict.Outside));
        var waiver = Assert.Single(changed.Invalidated);
        Assert.Equal("statement 's1' (line 1) changed since it was reviewed", waiver.Invalidated);
        var entry = Assert.Single(changed.Ledger().Entries);
        Assert.Equal((WaiverStatus.Invalidated, waiver.Invalidated), (entry.Status, entry.Reason));
        Assert.Empty(changed.Unused); // an invalidated waiver is not also reported as unused
    }

    [Fact]
    public void The_statement_hash_covers_the_vendors_words_only()
    {
        var policy = Reviewed();
        var s1 = policy.StatementIndex.Find("s1")!;
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s1.Text))).ToLowerInvariant(), s1.Sha256);
    }

    [Fact]
    public void A_waiver_naming_a_statement_no_longer_in_the_policy_stops_applying()
    {
        var set = Load("\"statements\": [ { \"id\": \"gone\", \"sha256\": \"" + new string('a', 64) + "\" } ]", Reviewed());
        Assert.Equal("statement 'gone' it was reviewed against is not in the policy (removed since, or misspelt)", Assert.Single(set.Invalidated).Invalidated);

        // Ids are matched exactly, as the hash is: S1 is not s1.
        var s1 = Reviewed().StatementIndex.Find("s1")!;
        var upper = Load("\"statements\": [ { \"id\": \"S1\", \"sha256\": \"" + s1.Sha256 + "\" } ]", Reviewed());
        Assert.StartsWith("statement 'S1' it was reviewed against is not in the policy", Assert.Single(upper.Invalidated).Invalidated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_reviewed_against_the_policy_hash_stops_applying_when_anything_in_the_policy_changes()
    {
        var reviewed = Reviewed();
        var pinned = "\"policySha256\": \"" + reviewed.Sha256 + "\"";
        Assert.Empty(Load(pinned, reviewed).Invalidated);

        var reason = Assert.Single(Load(pinned, Rewritten()).Invalidated).Invalidated!;
        Assert.StartsWith("it was reviewed against the policy with SHA-256 " + reviewed.Sha256[..12] + "..., and the policy now has ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_waiver_is_expired_whatever_it_was_reviewed_against()
    {
        var set = Load(Statement(Reviewed(), "s1"), Rewritten(), expires: "2026-12-02");
        Assert.Empty(set.Invalidated);
        Assert.Equal(WaiverStatus.Expired, Assert.Single(set.Ledger().Entries).Status);
    }

    [Theory]
    [InlineData("\"policySha256\": \"ABC\"", "waivers[0].policySha256", "is not a SHA-256")]
    [InlineData("\"policySha256\": null", "waivers[0].policySha256", "null is not what a waiver was reviewed against")]
    [InlineData("\"statements\": null", "waivers[0].statements", "null is not what a waiver was reviewed against")]
    [InlineData("\"statements\": []", "waivers[0].statements", "The list of reviewed statements is empty")]
    [InlineData("\"statements\": [ { \"id\": \"s1\" } ]", "waivers[0].statements[0].sha256", "A reviewed statement names its sha256")]
    [InlineData("\"statements\": [ { \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\" } ]", "waivers[0].statements[0].id", "names its id")]
    public void What_a_waiver_says_it_reviewed_must_be_well_formed(string reviewedAgainst, string path, string message)
    {
        var file = Path.Combine(_folder, "bad.json");
        var json = "{ \"waivers\": [ { \"product\": \"Widgetry\", \"dataCategory\": \"Orders\", \"justification\": \"Reviewed.\", \"expires\": \"2099-12-31\", " + reviewedAgainst + " } ] }";
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid);
        File.WriteAllText(file, json);
        var e = Assert.Throws<PolicyValidationException>(() => WaiverLoader.LoadFile(file, Reviewed(), _ => null, Now));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
