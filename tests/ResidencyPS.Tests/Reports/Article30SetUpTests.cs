using System.Text.RegularExpressions;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Reports;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 23, point 1 (part): the Article 30 record follows the set-up the results assumed. Without integrations it
/// lists no integration transfer (Get-DataFlow shows none either); with them, one row per product names the data
/// categories and cites the source sentences once, instead of a row per category repeating them.
/// </summary>
public sealed class Article30SetUpTests
{
    private static (string Html, string Csv) Record(BoundaryOptions options, params string[] products)
    {
        var policy = SampleRun.Policy;
        var eea = policy.RegionIndex.Find("EEA")!;
        var context = new AssessmentContext(policy, options.HasFlag(BoundaryOptions.UsesIntegrations), false, AssessmentContext.NoWaivers);
        var results = policy.Residency.Where(r => products.Contains(r.Product)).Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, options, context, null)).ToList();
        var data = new ReportData(policy, results, DateTime.UtcNow);
        using var html = new StringWriter();
        Article30Writer.WriteHtml(data, html);
        using var csv = new StringWriter();
        Article30Writer.WriteCsv(data, csv, ',');
        return (html.ToString(), csv.ToString());
    }

    [Fact]
    public void Without_integrations_the_record_lists_no_integration_transfer()
    {
        var (html, csv) = Record(BoundaryOptions.None, "Freshdesk", "Freshsales");
        Assert.DoesNotContain("<td>integration</td>", html);
        Assert.DoesNotContain("Only when the customer uses integrations", html);
        Assert.DoesNotContain("\"Integration\"", csv);
        Assert.Contains("Transfers outside the EEA", html);
    }

    [Fact]
    public void With_integrations_one_row_per_product_names_the_categories_and_cites_the_source_once()
    {
        var (html, csv) = Record(BoundaryOptions.UsesIntegrations, "Freshdesk", "Freshsales");
        var rows = Regex.Matches(html, "<tr><td>[^<]*</td><td>[^<]*</td><td>integration</td>.*?</tr>").Select(m => m.Value).ToList();
        // One row per distinct integration statement of each product (its destination, reach and sentences), not per category.
        var policy = SampleRun.Policy;
        var eea = policy.RegionIndex.Find("EEA")!;
        var distinct = new[] { "Freshdesk", "Freshsales" }.Sum(name => ResidencyPS.Engine.Flows.DataFlowBuilder.Flows(policy, policy.ProductIndex.Find(name)!, eea, BoundaryOptions.UsesIntegrations, _ => true, _ => true)
            .Where(f => f.Activity == DataActivity.Integration).Select(f => f.Location + f.LeavesEea + f.Condition + string.Join(",", f.Source.Select(x => x.Line))).Distinct().Count());
        Assert.Equal(distinct, rows.Count);
        Assert.True(rows.Count < policy.Residency.Count(r => r.Product is "Freshdesk" or "Freshsales"));
        var categories = SampleRun.Policy.Residency.Count(r => r.Product == "Freshdesk");
        Assert.Contains("Each of its " + categories + " data categories: Ticket data, ", rows[0]);
        Assert.Contains("Only when the customer uses integrations", rows[0]);

        // The spreadsheet keeps a row per data category, for filtering.
        var flows = new[] { "Freshdesk", "Freshsales" }.Sum(name => ResidencyPS.Engine.Flows.DataFlowBuilder.Flows(policy, policy.ProductIndex.Find(name)!, eea,
            BoundaryOptions.UsesIntegrations, _ => true, _ => true).Count(f => f.Activity == DataActivity.Integration));
        Assert.Equal(flows, Regex.Count(csv, "\"Integration\""));
    }

    // Issue 23, point 1: the recipients the policy text names are filled in and marked as from the text; the controller
    // completes the rest.
    [Fact]
    public void Recipients_the_policy_names_are_filled_in_and_marked_as_from_the_text()
    {
        var (html, csv) = Record(BoundaryOptions.None, "Freshdesk");
        Assert.Contains("<dt>Recipients</dt><dd class=\"controller\">From the policy text: Freshworks, as processor (lines 1, 3); the cloud platforms it names: "
            + "AWS, GCP for Authentication and profile data (line 89); AWS for Migration data (line 93). <em>Any other recipient: to be completed by the controller.</em></dd>", html);
        var rows = csv.Split('\n');
        var auth = rows.Single(r => r.StartsWith("\"Freshdesk\",\"EEA\",\"Authentication and profile data\",", StringComparison.Ordinal));
        Assert.Contains("From the policy text: Freshworks, as processor (lines 1, 3); the cloud platforms it names: AWS, GCP for Authentication and profile data (line 89).", auth);
        var tickets = rows.First(r => r.StartsWith("\"Freshdesk\",\"EEA\",\"Ticket data\",", StringComparison.Ordinal));
        Assert.DoesNotContain("AWS", tickets);
    }
}
