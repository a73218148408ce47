using Newtonsoft.Json.Linq;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Reports;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// Issue 19, point 2: what is specific to a vendor comes from its policy, never from code. Which subjects are logs and
/// backups is the subjects' activity (not the ids Logs and Backups); which statements describe security measures is
/// the policy's securityMeasures list (not a Dutch regular expression, which found none in any other language).
/// </summary>
public sealed class VendorWordsTests
{
    private static ResidencyPolicy Load(Action<JObject> change) =>
        PolicyLoader.Load(new StringReader(EmbeddedPolicyJson.Mutate(change)), "vendor.json");

    private static List<DataFlow> Flows(ResidencyPolicy policy) =>
        DataFlowBuilder.Flows(policy, policy.ProductIndex.Find("Freshdesk")!, policy.RegionIndex.Find("EEA")!, BoundaryOptions.None, _ => true, _ => true);

    private static void RenameSubject(JObject doc, string id, string newId)
    {
        var subject = doc["subjects"]!.OfType<JObject>().Single(s => (string)s["id"]! == id);
        var name = (string)subject["name"]!;
        subject["id"] = newId;
        subject["name"] = newId + " kept";
        foreach (var rule in doc["retention"]!.OfType<JObject>().Where(r => (string)r["subject"]! == id || (string)r["subject"]! == name))
        {
            rule["subject"] = newId;
        }
    }

    [Fact]
    public void Logs_and_backups_are_found_by_the_subjects_activity_whatever_their_ids()
    {
        var renamed = Load(doc =>
        {
            RenameSubject(doc, "Logs", "Journaux");
            RenameSubject(doc, "Backups", "Sauvegardes");
        });
        var activities = Flows(renamed).Select(f => f.Activity).ToHashSet();
        Assert.Contains(DataActivity.Logging, activities);
        Assert.Contains(DataActivity.Backup, activities);
        Assert.Equal(Flows(PolicyStore.Embedded).Count, Flows(renamed).Count);
    }

    [Fact]
    public void A_subject_without_an_activity_is_no_flow_of_its_own()
    {
        var plain = Load(doc =>
        {
            foreach (var subject in doc["subjects"]!.OfType<JObject>())
            {
                subject.Remove("activity");
            }
        });
        Assert.DoesNotContain(Flows(plain), f => f.Activity is DataActivity.Logging or DataActivity.Backup);
    }

    [Fact]
    public void A_subject_activity_other_than_logging_or_backup_is_refused()
    {
        var problem = Assert.Single(EmbeddedPolicyJson.Refused(EmbeddedPolicyJson.Mutate(doc => doc["subjects"]![0]!["activity"] = "Storage")).Problems);
        Assert.Equal("subjects[0].activity", problem.Path);
        Assert.Contains("accepted: Logging, Backup", problem.Message, StringComparison.Ordinal);
    }

    private static string Article30(ResidencyPolicy policy)
    {
        var eea = policy.RegionIndex.Find("EEA")!;
        var context = new AssessmentContext(policy, false, false, AssessmentContext.NoWaivers);
        var results = policy.Residency.Where(r => r.Product == "Freshdesk").Select(r => BoundaryEvaluator.Evaluate(policy, r, eea, BoundaryOptions.None, context, null)).ToList();
        using var html = new StringWriter();
        Article30Writer.WriteHtml(new ReportData(policy, results, DateTime.UtcNow), html);
        var text = html.ToString();
        return text[text.IndexOf("id=\"security\"", StringComparison.Ordinal)..];
    }

    [Fact]
    public void The_record_lists_the_security_measures_the_policy_names_in_any_language()
    {
        // The same statements in English as the text: a Dutch word list would have found none of them.
        var english = Load(doc =>
        {
            foreach (var statement in doc["statements"]!.OfType<JObject>())
            {
                statement["text"] = statement["english"];
            }

            doc["securityMeasures"] = new JArray("sso-security");
        });
        var section = Article30(english);
        Assert.Contains("These services comply with the recommended global security standards", section, StringComparison.Ordinal);
        Assert.DoesNotContain("names no statement", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Data is hosted by data centres", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_list_the_record_says_the_policy_file_names_none_not_that_the_vendor_takes_none()
    {
        var section = Article30(Load(doc => doc.Remove("securityMeasures")));
        Assert.Contains("names no statement of the policy text as describing security measures", section, StringComparison.Ordinal);
        Assert.Contains("that does not mean the vendor takes none", section, StringComparison.Ordinal);
        Assert.Contains("Gegevens worden gehost door datacentra die voldoen aan globale IT-normen", Article30(PolicyStore.Embedded), StringComparison.Ordinal);
    }
}
