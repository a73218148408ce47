using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Text;

namespace ResidencyPS.Commands;

/// <summary>
/// Reads a result file (Export-ResidencyReport -Format Json) back into typed EEA boundary results, made whole from the
/// policy the file names, so a saved or moved run renders again: Import-ResidencyResult run.json | Export-ResidencyReport.
/// </summary>
[Cmdlet(VerbsData.Import, "ResidencyResult", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EeaBoundaryResult))]
public sealed class ImportResidencyResultCommand : ResidencyCmdlet
{
    /// <inheritdoc />
    private protected override string? WithoutAPolicy => "nothing was read";

    /// <summary>The parameter set that reads paths with wildcards.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads a literal path.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The result files; a wildcard reads every file it matches.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>The result files, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = null!;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var given in literal ? LiteralPath : Path)
        {
            foreach (var file in PathResolver.ExistingFiles(this, given, literal, "result file", ErrorIds.ResultFileNotFound))
            {
                Import(file);
            }
        }
    }

    // All of a file or nothing of it: a run whose every row cannot be made whole again is refused, so no row of it vanishes.
    private void Import(string file)
    {
        ResultFileReader.Run run;
        try
        {
            run = ResultFileReader.Read(file);
        }
        catch (Exception e) when (e is ResultFileException || e is System.IO.IOException || e is UnauthorizedAccessException)
        {
            Fail(ErrorIds.InvalidResultFile, "The result file '" + file + "' cannot be read: " + InertText.Escape(e.Message), file,
                "Write it again with Export-ResidencyReport -Format Json; its format is module/result.schema.json.");
            return;
        }

        // Each of the file's policies must be an answering one (the same SHA-256): its results are made whole from it.
        var contexts = new Dictionary<string, (ResidencyPolicy Policy, CarriedContexts Contexts)>(StringComparer.OrdinalIgnoreCase);
        foreach (var held in run.Policies)
        {
            if (!(AnsweringPolicies.FirstOrDefault(p => string.Equals(p.Sha256, held.Sha256, StringComparison.OrdinalIgnoreCase)) is ResidencyPolicy policy))
            {
                var answering = AnsweringPolicies.Count == 1
                    ? "the answering policy is " + AnsweringPolicy + " (SHA-256 " + AnsweringPolicy.Sha256 + ")"
                    : "none of the answering policies (" + string.Join(", ", AnsweringPolicies.Select(p => p.ToString())) + ") has that SHA-256";
                Fail(ErrorIds.PolicyMismatch, "The result file '" + file + "' holds results of policy " + InertText.Escape(held.Vendor + " " + held.Version) + " (SHA-256 "
                    + InertText.Escape(held.Sha256) + "), but " + answering + "; nothing was read.", file,
                    "Give -Policy the policy file with SHA-256 " + InertText.Escape(held.Sha256) + ", or import it with Import-ResidencyPolicy first.");
                return;
            }

            // The file's own waiver register goes with its results, so a report written from them lists every waiver again.
            contexts[held.Sha256] = (policy, new CarriedContexts(policy, run.Waivers == null ? null : () => run.Waivers));
        }

        var results = new List<EeaBoundaryResult>(run.Results.Count);
        for (var i = 0; i < run.Results.Count; i++)
        {
            var values = run.Results[i];
            var (owner, carried) = contexts[values.PolicySha256];
            if (!(CarriedResult.Rebuild(owner, values, carried.For, out var problem) is EeaBoundaryResult result))
            {
                Fail(ErrorIds.ResultMismatch, "results[" + i + "] of '" + file + "' (" + InertText.Escape(values.Product) + " / " + InertText.Escape(values.DataCategory) + ") cannot be read back: "
                    + InertText.Escape(problem ?? string.Empty) + ". The file was changed after it was written; nothing of it was read.", file, null);
                return;
            }

            results.Add(result);
        }

        WriteObject(results, enumerateCollection: true);
    }

    private void Fail(string id, string message, string file, string? recommended) =>
        WriteError(new ErrorRecord(new InvalidOperationException(message), id, ErrorCategory.InvalidData, file)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommended },
        });
}
