using System.Text;
using System.Text.RegularExpressions;
using Json.Schema;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 23, point 1: the controller's part of the Article 30 record comes from an answers file with a schema, read as
/// strictly as a policy; what the schema refuses the loader refuses, and the record marks every answer as the controller's.
/// </summary>
public sealed class ControllerAnswersTests : IDisposable
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "module", "controller.schema.json")));
    private readonly string _folder = Directory.CreateTempSubdirectory("controller-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The help's own example file, so the documented file is the one tested.
    private static string DocumentedExample()
    {
        var help = File.ReadAllText(Path.Combine(TestPaths.HelpSources, "Export-ResidencyReport.md"));
        return Regex.Match(help, "@'\\n(\\{.*?\\n\\})\\n'@", RegexOptions.Singleline).Groups[1].Value;
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "answers" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    private static bool SchemaAccepts(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement).IsValid;
    }

    [Fact]
    public void The_documented_example_satisfies_the_schema_and_loads_with_the_star_entry_under_each_product()
    {
        var json = DocumentedExample();
        Assert.True(SchemaAccepts(json));
        var answers = ControllerAnswers.LoadFile(Write(json), PolicyStore.Embedded);
        Assert.Equal(("Example B.V.", "J. Jansen"), (answers.Controller.Name, answers.Dpo!.Name));
        var sales = answers.For("Freshsales")!;
        Assert.Equal(("Sales pipeline and customer calls", "Customers and their contacts"), (sales.Purposes, sales.DataSubjects));
        var desk = answers.For("Freshdesk")!;
        Assert.Null(desk.Purposes);
        Assert.Equal("Standard contractual clauses (Art. 46(2)(c))", desk.LegalBasis);
    }

    [Theory]
    [InlineData("no controller", "{ \"dpo\": { \"name\": \"J\", \"contact\": \"j@x\" } }", "controller")]
    [InlineData("unknown property", "{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\", \"phone\": \"1\" } }", "controller.phone")]
    [InlineData("blank name", "{ \"controller\": { \"name\": \" \", \"contact\": \"a@x\" } }", "controller.name")]
    [InlineData("no contact", "{ \"controller\": { \"name\": \"A\" } }", "controller.contact")]
    [InlineData("entry without answers", "{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"processing\": [ { \"product\": \"*\" } ] }", "processing[0]")]
    [InlineData("number for text", "{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"processing\": [ { \"product\": \"*\", \"purposes\": 7 } ] }", "processing[0].purposes")]
    public void What_the_schema_refuses_the_loader_refuses_at_its_place(string name, string json, string path)
    {
        Assert.False(SchemaAccepts(json), name);
        var refused = Assert.Throws<PolicyValidationException>(() => ControllerAnswers.LoadFile(Write(json), PolicyStore.Embedded));
        Assert.Contains(refused.Problems, p => p.Path == path);
    }

    [Fact]
    public void A_product_the_policy_does_not_know_or_one_answered_twice_is_refused()
    {
        var json = "{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"processing\": [ { \"product\": \"Zendesk\", \"purposes\": \"p\" }, "
            + "{ \"product\": \"Freshdesk\", \"purposes\": \"p\" }, { \"product\": \"freshdesk\", \"purposes\": \"q\" } ] }";
        var refused = Assert.Throws<PolicyValidationException>(() => ControllerAnswers.LoadFile(Write(json), PolicyStore.Embedded));
        Assert.Contains(refused.Problems, p => p.Path == "processing[0].product" && p.Message.Contains("no product named 'Zendesk'", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Path == "processing[2].product" && p.Message.Contains("answered twice", StringComparison.Ordinal));
    }

    [Fact]
    public void The_record_marks_each_answer_as_the_controllers_and_leaves_the_rest_to_complete()
    {
        var policy = SampleRun.Policy;
        var answers = ControllerAnswers.LoadFile(Write(DocumentedExample()), policy);
        var eea = policy.RegionIndex.Find("EEA")!;
        var results = policy.Residency.Where(r => r.Product == "Freshdesk").Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None)).ToList();
        using var html = new StringWriter();
        Article30Writer.WriteHtml(new ReportData(policy, results, DateTime.UtcNow) { Controller = answers }, html);
        var page = html.ToString();
        Assert.Contains("<dt>Controller</dt><dd class=\"controller\">Example B.V., Dam 1, Amsterdam; privacy@example.com <span class=\"nl\">(the controller's answer)</span></dd>", page);
        Assert.Contains("<dt>Categories of data subjects</dt><dd class=\"controller\">Customers and their contacts <span class=\"nl\">(the controller's answer)</span></dd>", page);
        Assert.Contains("<dt>Purposes of the processing</dt><dd class=\"controller\"><em>to be completed by the controller</em></dd>", page);
        using var bare = new StringWriter();
        Article30Writer.WriteHtml(new ReportData(policy, results, DateTime.UtcNow), bare);
        Assert.Contains("<dt>Controller</dt><dd class=\"controller\"><em>to be completed by the controller</em></dd>", bare.ToString());
    }

    // From the hostile review: an answer of only invisible characters was shown as the controller's answer; a null
    // passed though the schema refuses it; an unnamed DPO was marked as the controller's answer; the representative was
    // missing from the CSV.
    [Theory]
    [InlineData("{ \"controller\": { \"name\": \"\u200b\", \"contact\": \"a@x\" } }", "controller.name")]
    [InlineData("{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"processing\": [ { \"product\": \"*\", \"purposes\": \"\u200b\\u00ad\" } ] }", "processing[0].purposes")]
    [InlineData("{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"dpo\": null }", "dpo")]
    [InlineData("{ \"controller\": null }", "controller")]
    [InlineData("{ \"controller\": { \"name\": \"A\", \"contact\": \"a@x\" }, \"processing\": [ { \"product\": \"*\", \"purposes\": null, \"legalBasis\": \"x\" } ] }", "processing[0].purposes")]
    public void An_answer_that_says_nothing_is_refused_once_at_its_place(string json, string path)
    {
        var refused = Assert.Throws<PolicyValidationException>(() => ControllerAnswers.LoadFile(Write(json), PolicyStore.Embedded));
        Assert.Single(refused.Problems, p => p.Path.StartsWith(path.Split('.')[0], StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Path == path);
    }

    [Fact]
    public void A_direction_override_in_an_answer_is_shown_and_an_unnamed_DPO_is_left_to_the_controller()
    {
        var json = "{ \"controller\": { \"name\": \"Evil\u202Egnp.exe\", \"contact\": \"a@x\" }, \"representative\": { \"name\": \"EU Rep GmbH\", \"contact\": \"Berlin\" } }";
        var answers = ControllerAnswers.LoadFile(Write(json), PolicyStore.Embedded);
        Assert.Equal("Evil\\u202Egnp.exe", answers.Controller.Name);
        var policy = PolicyStore.Embedded;
        var eea = policy.RegionIndex.Find("EEA")!;
        var results = policy.Residency.Where(r => r.Product == "Freshdesk").Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None)).ToList();
        using var html = new StringWriter();
        Article30Writer.WriteHtml(new ReportData(policy, results, DateTime.UtcNow) { Controller = answers }, html);
        Assert.Contains("<dt>Data protection officer</dt><dd class=\"controller\"><em>to be completed by the controller</em></dd>", html.ToString());
        using var csv = new StringWriter();
        Article30Writer.WriteCsv(new ReportData(policy, results, DateTime.UtcNow) { Controller = answers }, csv, ',');
        Assert.Contains("\"EU Rep GmbH, Berlin\"", csv.ToString());
        Assert.Contains("Representative", csv.ToString().Split('\n')[0]);
    }
}
