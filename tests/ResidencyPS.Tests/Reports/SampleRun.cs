using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Tests.Reports;

/// <summary>
/// A run with every kind of row, as the report tests need one: every record of the embedded policy tested for EEA
/// hosting (each verdict), one waiver applied, rows that could not be evaluated, and input rows numbered from 1.
/// </summary>
internal static class SampleRun
{
    public static ResidencyPolicy Policy => PolicyStore.Embedded;

    /// <summary>The run; <paramref name="waiver"/> is one waiver's JSON object, <paramref name="notEvaluated"/> the products of rows no policy knows.</summary>
    public static List<EeaBoundaryResult> Every(string waiver, BoundaryOptions options, params string[] notEvaluated)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"waivers\":[" + waiver + "]}");
        var waivers = WaiverLoader.LoadFile(path, Policy, _ => null, DateTime.UtcNow);
        File.Delete(path);
        var eea = Policy.RegionIndex.Find("EEA")!;
        var context = new AssessmentContext(Policy, options.HasFlag(BoundaryOptions.UsesIntegrations), options.HasFlag(BoundaryOptions.CustomMailbox));
        var results = Policy.Residency.Select(r => BoundaryEvaluator.Evaluate(Policy, r, eea, options, context, waivers)).ToList();
        foreach (var product in notEvaluated)
        {
            results.Add(BoundaryEvaluator.NotEvaluated(context, product, "Ticket data", "EEA", "No product named '" + product + "' was found."));
        }

        for (var i = 0; i < results.Count; i++)
        {
            results[i].InputRow = i + 1;
        }

        return results;
    }
}
