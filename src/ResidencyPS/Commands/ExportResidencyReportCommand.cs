using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Flows;
using ResidencyPS.Engine.Text;
using ResidencyPS.Reports;

namespace ResidencyPS.Commands;

/// <summary>
/// Writes a report of a policy and EEA boundary results: HTML (one self-contained page), markdown, CSV, the Article 30
/// record (HTML or CSV) or the JSON result file that Import-ResidencyResult reads back.
/// Test-EeaBoundary results piped in are reported; without input every product is tested for EEA hosting.
/// </summary>
[Cmdlet(VerbsData.Export, "ResidencyReport", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportResidencyReportCommand : ResidencyCmdlet
{
    /// <inheritdoc />
    private protected override string? WithoutAPolicy => "no report is written";

    private const int ProgressEvery = 500;
    private readonly List<EeaBoundaryResult> _results = new List<EeaBoundaryResult>();
    private int _mismatched;
    private ReportFormat _format;
    private string? _target;
    /// <summary>The parameter set that writes to -Path.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that writes to -LiteralPath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The file to write; a wildcard must name exactly one existing file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The file to write, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>Html, Markdown, Csv, Article30, Article30Csv, Json, JUnit or Sarif; taken from the file's extension when omitted (.html or .htm, .md or .markdown, .csv, .json, .xml, .sarif).</summary>
    [Parameter(Position = 1)]
    public ReportFormat Format { get; set; }

    /// <summary>
    /// EEA boundary results to report: piped from Test-EeaBoundary, or copies that travelled (Start-Job, Receive-Job,
    /// Import-Clixml, Invoke-Command), which are made whole again from the policy that computed them.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[]? InputObject { get; set; }

    /// <summary>The CSV report's field separator, as Export-Csv's -Delimiter; a comma when omitted.</summary>
    [Parameter]
    public char Delimiter { get; set; }

    /// <summary>Separates CSV fields with the current culture's list separator (a semicolon in Dutch or German), as Export-Csv's -UseCulture.</summary>
    [Parameter]
    public SwitchParameter UseCulture { get; set; }

    /// <summary>The paper an HTML report or Article 30 record is laid out for when printed: A4 (the default) or Letter.</summary>
    [Parameter]
    public PageSize PageSize { get; set; } = PageSize.A4;

    /// <summary>The controller's answers for the Article 30 record: its name and contact, its DPO, and per product the purposes, data subjects, recipients and legal basis.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? ControllerPath { get; set; }

    private ControllerAnswers? _controller;

    /// <summary>Refuses to overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Returns the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // One per policy that rebuilds results which travelled.
    private readonly Dictionary<ResidencyPolicy, CarriedContexts> _contexts = new Dictionary<ResidencyPolicy, CarriedContexts>();

    // The answering policies by SHA-256, made on first use: each result is looked up once per step of an inventory of
    // 100,000, and computing a policy's SHA-256 costs a canonical JSON write.
    private Dictionary<string, ResidencyPolicy>? _bySha256;

    // The answering policy with this SHA-256, which a result computed by it is reported on; null when none is.
    private ResidencyPolicy? ReportedOn(string? sha) =>
        sha != null && (_bySha256 ??= AnsweringPolicies.GroupBy(p => p.Sha256, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase))
            .TryGetValue(sha, out var policy) ? policy : null;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var input in InputObject ?? Array.Empty<PSObject>())
        {
            var result = input.BaseObject is EeaBoundaryResult live
                ? ReportedOn(live.PolicySha256) != null
                    ? live
                    : Mismatch(live.Product, live.DataCategory, live.PolicyVendor + " " + live.PolicyVersion, live.PolicySha256, live)
                : Carried(input);
            if (result == null)
            {
                continue; // its error was written; no report is written either, so no row is left out of one
            }

            _results.Add(result);
            if (_results.Count % ProgressEvery == 0)
            {
                WriteProgress(new ProgressRecord(1, "Export-ResidencyReport", "Collected " + _results.Count + " EEA boundary results"));
            }
        }
    }

    // A result from this session, or one that travelled and arrives as property values only: rebuilt from the policy
    // that computed it (same SHA-256), or refused with an error that says what is needed. Anything else is an error too.
    private EeaBoundaryResult? Carried(PSObject input)
    {
        var travelled = input.TypeNames.Contains("Deserialized." + typeof(EeaBoundaryResult).FullName);
        var sha = travelled ? Text(input, nameof(EeaBoundaryResult.PolicySha256)) : null;
        if (!travelled || sha == null)
        {
            return Refuse(ErrorIds.InputNotAResult, "The input '" + InertText.Escape(input.ToString()) + "' is not an EEA boundary result: Export-ResidencyReport reports what "
                + "Test-EeaBoundary returns, in this session or after Start-Job, Import-Clixml or Invoke-Command. No report is written.", input);
        }

        var product = Text(input, nameof(EeaBoundaryResult.Product)) ?? string.Empty;
        var category = Text(input, nameof(EeaBoundaryResult.DataCategory)) ?? string.Empty;
        if (!(ReportedOn(sha) is ResidencyPolicy policy))
        {
            return Mismatch(product, category, Text(input, nameof(EeaBoundaryResult.PolicyVendor)) + " " + Text(input, nameof(EeaBoundaryResult.PolicyVersion)), sha, input);
        }

        var values = new CarriedResult.Values(product, category, Text(input, nameof(EeaBoundaryResult.HostingRegion)) ?? string.Empty,
            Text(input, nameof(EeaBoundaryResult.Verdict)) ?? string.Empty, sha, Flag(input, nameof(EeaBoundaryResult.UsesIntegrations)),
            Flag(input, nameof(EeaBoundaryResult.CustomMailbox)), Flag(input, nameof(EeaBoundaryResult.Waived)), Text(input, nameof(EeaBoundaryResult.WaiverJustification)),
            Text(input, nameof(EeaBoundaryResult.WaiverApprovedBy)), input.Properties[nameof(EeaBoundaryResult.WaiverExpires)]?.Value as DateTime?, FirstFinding(input),
            input.Properties[nameof(EeaBoundaryResult.InputRow)]?.Value as int?, InputColumns: Columns(input));
        if (!_contexts.TryGetValue(policy, out var contexts))
        {
            _contexts.Add(policy, contexts = new CarriedContexts(policy));
        }

        var result = CarriedResult.Rebuild(policy, values, contexts.For, out var problem);
        return result ?? Refuse(ErrorIds.ResultMismatch, "The result for " + InertText.Escape(product) + " / " + InertText.Escape(category) + " cannot be reported: "
            + InertText.Escape(problem ?? string.Empty) + ". It was not computed by this policy as it stands, or it was changed on the way. No report is written.", input);
    }

    private static string? Text(PSObject input, string name) => input.Properties[name]?.Value?.ToString();

    // A result that travelled (Start-Job, Import-Clixml) carries its input columns as a hashtable: its order is lost on
    // the way, so the names come back sorted.
    private static List<KeyValuePair<string, string>>? Columns(PSObject input)
    {
        var value = input.Properties[nameof(EeaBoundaryResult.InputColumns)]?.Value;
        return ((value as PSObject)?.BaseObject ?? value) is System.Collections.IDictionary columns
            ? columns.Keys.Cast<object>().Select(k => new KeyValuePair<string, string>(k?.ToString() ?? string.Empty, columns[k]?.ToString() ?? string.Empty))
                .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList()
            : null;
    }

    private static bool Flag(PSObject input, string name) => input.Properties[name]?.Value is bool value && value;

    private static string? FirstFinding(PSObject input)
    {
        var findings = LanguagePrimitives.GetEnumerable(input.Properties[nameof(EeaBoundaryResult.Findings)]?.Value);
        foreach (var finding in findings ?? Array.Empty<object>())
        {
            return Text(PSObject.AsPSObject(finding), nameof(BoundaryFinding.Message));
        }

        return null;
    }

    private EeaBoundaryResult? Mismatch(string product, string category, string policy, string sha, object target)
    {
        _mismatched++;
        if (_mismatched == 1)
        {
            var reportedOn = AnsweringPolicies.Count == 1
                ? "policy " + AnsweringPolicy + " (SHA-256 " + AnsweringPolicy.Sha256 + ")"
                : "the policies " + string.Join(", ", AnsweringPolicies.Select(p => p + " (SHA-256 " + Hashing.Short(p.Sha256) + "...)"));
            var message = "The result for " + InertText.Escape(product) + " / " + InertText.Escape(category) + " was computed from policy " + InertText.Escape(policy)
                + " (SHA-256 " + InertText.Escape(sha) + "), but the report is on " + reportedOn
                + ". A report shows the matrix, findings and provenance of the policies that computed its results: no report is written.";
            WriteError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.PolicyMismatch, ErrorCategory.InvalidData, target)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Give Export-ResidencyReport the policy with SHA-256 " + InertText.Escape(sha) + " as -Policy (the one Test-EeaBoundary used), or test again with the active policy.",
                },
            });
        }

        return null;
    }

    private EeaBoundaryResult? Refuse(string id, string message, object target)
    {
        _mismatched++;
        WriteError(new ErrorRecord(new InvalidOperationException(message), id, ErrorCategory.InvalidData, target) { ErrorDetails = new ErrorDetails(message) });
        return null;
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var literal = ParameterSetName == LiteralPathSet;
        _target = PathResolver.Target(this, literal ? LiteralPath : Path, literal);
        if (_target != null)
        {
            _format = ChooseFormat(_target);
        }

        var delimiterGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Delimiter));
        string? problem = null;
        if (delimiterGiven && UseCulture.IsPresent)
        {
            problem = "-Delimiter and -UseCulture both choose the field separator; give one of them.";
        }
        else if ((delimiterGiven || UseCulture.IsPresent) && _target != null && !ReportFormats.Of(_format).TakesDelimiter)
        {
            problem = (delimiterGiven ? "-Delimiter" : "-UseCulture") + " applies to the Csv format only; this report is " + _format + ".";
        }
        else if (delimiterGiven && (Delimiter == '"' || Delimiter == '\'' || char.IsLetterOrDigit(Delimiter) || char.IsWhiteSpace(Delimiter) && Delimiter != '\t'
                 || char.IsControl(Delimiter) && Delimiter != '\t' || char.IsSurrogate(Delimiter)))
        {
            // A letter, digit or blank occurs inside the values themselves (a "d" splits "Freshdesk"): a spreadsheet then
            // reads other columns than were written.
            problem = "'" + (char.IsControl(Delimiter) || char.IsWhiteSpace(Delimiter) || char.IsSurrogate(Delimiter) ? "U+" + ((int)Delimiter).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : Delimiter.ToString())
                + "' cannot separate CSV fields; use a comma, a semicolon, a tab or another punctuation character.";
        }

        if (problem == null && MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)) && _target != null && !ReportFormats.Of(_format).TakesPageSize)
        {
            // Refused rather than ignored, as -Delimiter is: a user who asked for Letter paper must not believe a CSV has it.
            var message = "-PageSize applies to the reports that print (Html, Article30) only; this report is " + _format + ".";
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), ErrorIds.PageSizeNotApplicable, ErrorCategory.InvalidArgument, PageSize)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }

        if (problem == null && ControllerPath != null && _target != null && _format is not (ReportFormat.Article30 or ReportFormat.Article30Csv))
        {
            var message = "-ControllerPath gives the controller's part of the Article 30 record: it applies to Article30 and Article30Csv only; this report is " + _format + ".";
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), ErrorIds.ControllerPathNotApplicable, ErrorCategory.InvalidArgument, ControllerPath)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }

        if (problem == null && ControllerPath != null && _target != null && AnsweringPolicies.Count > 1)
        {
            ThrowTerminatingError(PolicyAccess.SeveralActive(AnsweringPolicies, "the controller's answers name the products of one policy"));
        }

        if (problem == null && ControllerPath != null && _target != null)
        {
            // Read before any input: a faulty file stops the command before a record is half written.
            _controller = ControllerFiles.Load(this, ControllerPath, AnsweringPolicy);
        }

        if (problem != null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidCsvSeparator, ErrorCategory.InvalidArgument, delimiterGiven ? Delimiter : (object)"UseCulture")
            {
                ErrorDetails = new ErrorDetails(problem),
            });
        }
    }

    private char FieldSeparator()
    {
        if (UseCulture.IsPresent)
        {
            var separator = System.Globalization.CultureInfo.CurrentCulture.TextInfo.ListSeparator;
            return string.IsNullOrEmpty(separator) ? ',' : separator[0];
        }

        return MyInvocation.BoundParameters.ContainsKey(nameof(Delimiter)) ? Delimiter : ',';
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_mismatched > 0)
        {
            return; // the PolicyMismatch error said why; a report mixing two policies would mislead
        }

        var given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        if (!(_target is string target))
        {
            return; // the path's error was written before any input was read
        }

        if (NoClobber.IsPresent && File.Exists(target))
        {
            WriteError(new ErrorRecord(new IOException("The file '" + target + "' already exists; -NoClobber keeps it."), ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, given));
            return;
        }

        if (_results.Count == 0 && MyInvocation.ExpectingInput)
        {
            // Something was piped in and nothing of it is a result (an import that failed, an empty list): a report of
            // the whole policy would look like the report of that run. Only a command with no input reports the policy.
            WriteError(new ErrorRecord(new InvalidOperationException("No EEA boundary results arrived through the pipeline, so no report is written: "
                + "run Export-ResidencyReport without pipeline input for a report of the whole policy."), ErrorIds.NoResultsPiped, ErrorCategory.InvalidData, null));
            return;
        }

        if (_results.Count == 0)
        {
            // Without input, every answering policy's whole report: several vendors' in one report.
            ForEachPolicy(EvaluateWholePolicy);
        }

        var format = _format;
        var writes = ReportFormats.Of(format);
        var policies = _results.Select(r => ReportedOn(r.PolicySha256)!).Distinct().ToList();
        if (policies.Count > 1 && writes.WriteEstate == null)
        {
            var message = "The results come from the policies of " + string.Join(", ", policies.Select(p => p.Vendor)) + ", and a " + format
                + " report covers one policy; no report is written. Write one per vendor (-Vendor), or choose a format that reports several: "
                + string.Join(", ", ReportFormats.All.Where(f => f.WriteEstate != null).Select(f => f.Format)) + ".";
            WriteError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.SeveralPoliciesActive, ErrorCategory.InvalidOperation, format)
            {
                ErrorDetails = new ErrorDetails(message),
            });
            return;
        }

        if (!ShouldProcess(target, "Write " + format + " residency report of " + _results.Count + " results"))
        {
            return;
        }

        WriteProgress(new ProgressRecord(1, "Export-ResidencyReport", "Writing " + target) { PercentComplete = 100 });
        var generated = DateTime.UtcNow;
        var options = new ReportOptions(FieldSeparator(), Guid.NewGuid(), PageSize);
        int named, leftOut;
        if (policies.Count > 1)
        {
            var estate = new EstateData(AnsweringPolicies, _results, r => ReportedOn(r.PolicySha256)!, generated);
            (named, leftOut) = (estate.InputColumnNames.Count, estate.InputColumnsLeftOut);
            if (!FileWriting.TryWrite(this, target, given, writer => writes.WriteEstate!(estate, writer, options), byteOrderMark: writes.ByteOrderMark))
            {
                return;
            }
        }
        else
        {
            var data = new ReportData(policies.Count == 1 ? policies[0] : AnsweringPolicy, _results, generated) { Controller = _controller };
            (named, leftOut) = (data.InputColumnNames.Count, data.InputColumnsLeftOut);
            if (!FileWriting.TryWrite(this, target, given, writer => writes.Write(data, writer, options), byteOrderMark: writes.ByteOrderMark))
            {
                return;
            }
        }

        if (format == ReportFormat.Csv && leftOut > 0)
        {
            WriteWarning("The results carry " + (named + leftOut) + " different input column names; the CSV report has the first "
                + ReportData.MaxReportColumns + " as Input.<name> columns and leaves " + leftOut + " out. Each result keeps its own columns (up to "
                + InputColumns.MaxColumns + ") in InputColumns, and -Format Json writes them to the file.");
        }

        WriteProgress(new ProgressRecord(1, "Export-ResidencyReport", "Done") { RecordType = ProgressRecordType.Completed });
        if (PassThru.IsPresent)
        {
            WriteObject(FileWriting.Written(this, target));
        }
    }

    private void EvaluateWholePolicy()
    {
        var eea = AnsweringPolicy.RegionIndex.Find(RegionCodes.Eea);
        if (eea == null)
        {
            return; // a policy without the EEA has nothing to test against it
        }

        var products = AnsweringPolicy.ProductIndex.Items;
        for (var i = 0; i < products.Count; i++)
        {
            WriteProgress(new ProgressRecord(1, "Export-ResidencyReport", "Testing " + products[i].Name + " against EEA hosting")
            {
                PercentComplete = i * 100 / products.Count,
            });
            // A product the text offers only elsewhere (Freshteam: US only) is reported where it can be hosted, not as an
            // EEA set-up the text never describes.
            var offeredIn = Offering.RegionsOf(AnsweringPolicy, products[i]);
            var hostings = Offering.IsOffered(offeredIn, eea)
                ? new[] { eea }
                : offeredIn.Select(code => AnsweringPolicy.RegionIndex.Find(code)!).ToArray();
            foreach (var hosting in hostings)
            {
                foreach (var record in AnsweringPolicy.ResidencyOf(products[i]))
                {
                    _results.Add(BoundaryEvaluator.Evaluate(AnsweringPolicy, record, hosting, BoundaryOptions.None));
                }
            }
        }
    }

    // The file's extension and -Format must agree before any input is read: a report named .pdf that holds
    // HTML, or a .csv that holds markdown, misleads whoever opens it.
    private ReportFormat ChooseFormat(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        var fromExtension = ReportFormats.ByExtension(extension)?.Format;
        var given = MyInvocation.BoundParameters.ContainsKey(nameof(Format)) ? Format : (ReportFormat?)null;
        var accepted = ReportFormats.AcceptedExtensions;
        string? problem = null;
        if (fromExtension == null && (given == null || extension.Length > 0))
        {
            problem = extension.Length == 0
                ? "'" + path + "' has no extension, so the report format is unknown; name the file " + accepted + ", or give -Format."
                : "Export-ResidencyReport cannot write a '" + extension + "' file; it writes " + ReportFormats.Described + ".";
        }
        else if (given != null && fromExtension != null && ReportFormats.Of(given.Value).Family != fromExtension)
        {
            problem = "-Format " + given + " contradicts the file's extension '" + extension + "', which is " + fromExtension + "; change one of them.";
        }

        if (problem != null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), ErrorIds.ReportFormatMismatch, ErrorCategory.InvalidArgument, path)
            {
                ErrorDetails = new ErrorDetails(problem),
            });
        }

        return given ?? fromExtension!.Value;
    }
}
