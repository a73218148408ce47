using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Text;
using ResidencyPS.Reports;

namespace ResidencyPS.Commands;

/// <summary>
/// The shipped gate (issue 21, point 4): reads an inventory, waivers and an optional policy, writes the result file and
/// the chosen reports into one folder, prints a one-screen summary and, with -EnableExit, ends the process with 0 (every
/// row passed), 1 (something did not pass) or 2 (the check could not run). It calls Test-EeaBoundary and
/// Export-ResidencyReport, so a gate's answers are the cmdlets' answers.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ResidencyCheck", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ResidencyCheckResult))]
public sealed class InvokeResidencyCheckCommand : PSCmdlet
{
    /// <summary>The parameter set that reads the inventory from -Path.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that reads the inventory from -LiteralPath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    private static readonly ReportFormat[] DefaultFormats = { ReportFormat.JUnit, ReportFormat.Html };

    /// <summary>The inventory: a CSV file with a row per product, data category and hosting region; a wildcard must name one file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The inventory, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>The folder the result file and the reports are written to; created when missing.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = null!;

    /// <summary>The reports to write beside the result file (residency.json, always written); JUnit and Html when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ReportFormat[] Format { get; set; } = DefaultFormats;

    /// <summary>A waiver file, as Test-EeaBoundary -WaiverPath takes it.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? WaiverPath { get; set; }

    /// <summary>As Test-EeaBoundary -WaiverWarningDays: warn about waivers whose last day is at most this many days away.</summary>
    [Parameter]
    [ValidateRange(0, 3660)]
    public int WaiverWarningDays { get; set; }

    /// <summary>A lock file, as Test-EeaBoundary -LockPath takes it: the check could not run when a policy differs from its pin.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? LockPath { get; set; }

    /// <summary>A policy file to check against instead of the active policy.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? PolicyPath { get; set; }

    /// <summary>The inventory's field separator, as Import-Csv -Delimiter; a comma when omitted.</summary>
    [Parameter]
    public char Delimiter { get; set; } = ',';

    /// <summary>Assume integrations and third-party apps are in use, as Test-EeaBoundary -UsesIntegrations.</summary>
    [Parameter]
    public SwitchParameter UsesIntegrations { get; set; }

    /// <summary>Assume a custom mailbox, as Test-EeaBoundary -CustomMailbox.</summary>
    [Parameter]
    public SwitchParameter CustomMailbox { get; set; }

    /// <summary>Ends the PowerShell process with the outcome's exit code (0, 1 or 2) once the command has finished, as Pester's -EnableExit; for schedulers and CI steps.</summary>
    [Parameter]
    public SwitchParameter EnableExit { get; set; }

    /// <summary>Returns the outcome as an object (counts, policy, files, problems).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private readonly List<string> _problems = new List<string>();
    private readonly List<string> _files = new List<string>();

    // Test-EeaBoundary refused every row because of -LockPath (a policy not the one pinned, or an unusable lock).
    private bool _lockRefused;

    /// <summary>Why the check stopped before it could answer.</summary>
    // Write-Host's own tag: a host that hides information records still shows the log.
    private static readonly string[] HostTags = { "PSHOST" };

    private sealed class CouldNotRunException : Exception
    {
        public CouldNotRunException(string message)
            : base(message)
        {
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // Until the check has an answer, the exit code is "could not run": an error that a caller's Stop preference makes
        // terminating, anywhere below, must not leave the process to exit 0 (or 1).
        SetExitCode(CheckOutcome.CouldNotRun);
        var inventory = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        IReadOnlyList<ResidencyPolicy>? policies = null;
        IReadOnlyList<EeaBoundaryResult> results = Array.Empty<EeaBoundaryResult>();
        var rows = 0;
        string? stopped = null;
        var inputs = new List<string>();
        var folderTried = false;
        try
        {
            inventory = PathResolver.ExistingFile(this, inventory, ParameterSetName == LiteralPathSet, "inventory", ErrorIds.InventoryNotFound)
                ?? throw new CouldNotRunException("The inventory '" + inventory + "' was not found.");
            inputs.Add(inventory);
            if (PolicyLoader.FinalTarget(new FileInfo(inventory)).Length == 0)
            {
                // A device or a pipe reports no length and may never end (/dev/zero) or never start (a FIFO).
                throw new CouldNotRunException("The inventory '" + inventory + "' is empty, or not a regular file (a device, a pipe or a folder).");
            }

            var waivers = WaiverPath == null ? null
                : PathResolver.ExistingFile(this, WaiverPath, literal: false, "waiver file", ErrorIds.WaiverFileNotFound)
                  ?? throw new CouldNotRunException("The waiver file '" + WaiverPath + "' was not found.");
            inputs.Add(waivers ?? string.Empty);
            var lockFile = LockPath == null ? null
                : PathResolver.ExistingFile(this, LockPath, literal: false, "lock file", ErrorIds.LockFileNotFound)
                  ?? throw new CouldNotRunException("The lock file '" + LockPath + "' was not found.");
            inputs.Add(lockFile ?? string.Empty);
            var policyFile = PolicyPath == null ? null
                : PathResolver.ExistingFile(this, PolicyPath, literal: false) ?? throw new CouldNotRunException("The policy file '" + PolicyPath + "' was not found.");
            inputs.Add(policyFile ?? string.Empty);
            folderTried = true;
            var folder = Folder(inputs);
            policies = policyFile == null ? ActivePolicies()
                : new[] { PolicyErrors.TryLoad(this, policyFile, PolicyPath!, default) ?? throw new CouldNotRunException("The policy file '" + PolicyPath + "' cannot be used (see the errors above).") };
            // With several vendors' policies active, each row goes to its vendor's and every report covers them all.
            var policy = policies.Count == 1 ? policies[0] : null;
            var input = Inventory(inventory);
            rows = input.Count;
            results = Test(input, policy, waivers, lockFile);
            if (_lockRefused)
            {
                // Every row came back "Not tested": none of them is a result of this check.
                results = Array.Empty<EeaBoundaryResult>();
                throw new CouldNotRunException("A policy is not the one pinned in the lock file '" + LockPath + "', or the lock cannot be used (see the ERROR lines above); nothing was checked.");
            }
            if (results.Count == 0)
            {
                throw new CouldNotRunException("Test-EeaBoundary returned no result (see the lines above); nothing was checked.");
            }

            if (results.All(r => r.Verdict == Verdict.NotEvaluated))
            {
                throw new CouldNotRunException("No row of the inventory could be evaluated (see the INPUT lines); nothing was checked.");
            }

            foreach (var format in new[] { ReportFormat.Json }.Concat(Format).Distinct())
            {
                Export(results, policy, format, folder);
            }
        }
        catch (CouldNotRunException e)
        {
            stopped = e.Message;
            _problems.Add(CheckSummary.Shorten("ERROR: " + InertText.Escape(e.Message)));
            if (!folderTried)
            {
                // Stopped before the folder was prepared (an input is missing): an earlier run's reports still go.
                try
                {
                    Folder(inputs);
                }
                catch (CouldNotRunException also)
                {
                    _problems.Add(CheckSummary.Shorten("ERROR: " + InertText.Escape(also.Message)));
                }
            }
        }

        var outcome = stopped != null ? CheckOutcome.CouldNotRun : results.All(r => r.Passed) ? CheckOutcome.Passed : CheckOutcome.NotPassed;
        var check = new ResidencyCheckResult(outcome, inventory, rows, results.Count, results.Count(r => r.Passed), results.Count(r => r.Waived),
            results.Count(r => r.Verdict == Verdict.NotEvaluated), policies == null ? null : string.Join(", ", policies.Select(p => p.Vendor)),
            policies?.Count == 1 ? policies[0].PolicyVersion : null, policies?.Count == 1 ? policies[0].Sha256 : null, _files.ToArray(), _problems.ToArray());

        // The answer's exit code is set before anything is written that a caller's preference could turn into a stop.
        SetExitCode(outcome);
        foreach (var line in CheckSummary.Lines(check, results))
        {
            WriteInformation(new HostInformationMessage { Message = line }, HostTags);
        }

        if (PassThru.IsPresent)
        {
            WriteObject(check);
        }

        // Errors, not terminating ones: $? is false, so a command line without -EnableExit does not end as if the
        // check had passed. (Under a Stop preference they stop the caller's statement: -EnableExit has set the code.)
        if (outcome == CheckOutcome.CouldNotRun)
        {
            var message = "The residency check could not run: " + InertText.Escape(stopped!);
            WriteError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.CheckCouldNotRun, ErrorCategory.InvalidData, inventory)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }
        else if (outcome == CheckOutcome.NotPassed)
        {
            var message = check.NotPassed + " of " + check.Results + " results did not pass; see the reports in " + InertText.Escape(OutputDirectory) + ".";
            WriteError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.CheckNotPassed, ErrorCategory.InvalidResult, inventory)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }
    }

    // With -EnableExit: the host ends the process with this code once the command line has finished (pwsh -Command,
    // -File), and $LASTEXITCODE holds it too, as a native command sets it: CI wrappers end their scripts with
    // "exit $LASTEXITCODE" (GitHub Actions' pwsh shell, Azure DevOps' PowerShell task), which would otherwise exit with
    // an older value.
    private void SetExitCode(CheckOutcome outcome)
    {
        if (EnableExit.IsPresent)
        {
            SessionState.PSVariable.Set("global:LASTEXITCODE", (int)outcome);
            Host.SetShouldExit((int)outcome);
        }
    }

    // The output folder, created when missing, with every file an earlier run of this command wrote there removed first:
    // a run that cannot finish must not leave an earlier run's passing reports for a CI step to publish. An input named
    // like one of those files is never deleted: the check refuses to run instead.
    private string Folder(IEnumerable<string?> inputs)
    {
        var folder = PathResolver.FileSystemPath(this, OutputDirectory)
            ?? throw new CouldNotRunException("The output folder '" + OutputDirectory + "' is not a file system path; -OutputDirectory takes a file system folder.");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            throw new CouldNotRunException("The output folder '" + OutputDirectory + "' cannot be used: " + e.Message);
        }

        var outputs = ReportFormats.All.Select(f => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, f.FileName))).ToList();
        foreach (var input in inputs.Where(i => !string.IsNullOrEmpty(i)).Select(i => System.IO.Path.GetFullPath(i!)))
        {
            if (outputs.Contains(input, StringComparer.OrdinalIgnoreCase))
            {
                throw new CouldNotRunException("'" + input + "' is an input of the check, but this command writes its reports under that name in '" + folder
                    + "'; rename the file or choose another -OutputDirectory.");
            }
        }

        var left = new List<string>();
        foreach (var output in outputs)
        {
            try
            {
                File.Delete(output);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                left.Add(output + " (" + e.Message + ")");
            }
        }

        if (left.Count > 0)
        {
            throw new CouldNotRunException("An earlier run's reports could not be removed, and would be read as this run's: " + string.Join("; ", left));
        }

        return folder;
    }

    private static IReadOnlyList<ResidencyPolicy> ActivePolicies()
    {
        IReadOnlyList<ResidencyPolicy> active;
        try
        {
            active = PolicyStore.Active;
        }
        catch (Exception e) when (e is PolicyValidationException || e is InvalidOperationException)
        {
            throw new CouldNotRunException("The active policy cannot be used: " + e.Message);
        }

        return active;
    }

    private Collection<PSObject> Inventory(string file)
    {
        var rows = Nested("Microsoft.PowerShell.Utility\\Import-Csv", new System.Collections.Hashtable { ["LiteralPath"] = file, ["Delimiter"] = Delimiter }, null,
            "The inventory '" + file + "' cannot be read", "ERROR");
        if (rows.Count == 0)
        {
            throw new CouldNotRunException("The inventory '" + file + "' has no rows; nothing was checked.");
        }

        CheckColumns(file, rows);
        return rows;
    }

    // What Test-EeaBoundary would read past: a column name it cannot recognise (blanks or a byte order mark around it),
    // no product or hosting region column (every row would be tested as hosted in the EEA), a blank region cell (the
    // same), and a cell that swallowed the rows after it (an unclosed quote). Each would let a check pass that should not.
    private void CheckColumns(string file, Collection<PSObject> rows)
    {
        var columns = rows[0].Properties.Select(p => p.Name).ToList();
        var odd = columns.FirstOrDefault(c => c.Trim().Trim('\uFEFF') != c || c.Length == 0);
        if (odd != null)
        {
            throw new CouldNotRunException("The inventory's column '" + InertText.Escape(odd) + "' has blanks or a byte order mark around its name, so Test-EeaBoundary would not read it; rename it in '" + file + "'.");
        }

        foreach (var (parameter, names) in TestEeaBoundaryCommand.AliasedColumns.Where(c => c.Parameter != nameof(TestEeaBoundaryCommand.DataCategory)))
        {
            if (!columns.Any(c => names.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                throw new CouldNotRunException("The inventory '" + file + "' has no " + parameter + " column (" + string.Join(", ", names) + "); its columns are: "
                    + InertText.Escape(CheckSummary.Shorten(string.Join(", ", columns))) + ".");
            }
        }

        var regions = TestEeaBoundaryCommand.AliasedColumns.Single(c => c.Parameter == nameof(TestEeaBoundaryCommand.HostingRegion)).Columns;
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Properties.Where(p => regions.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Value as string)))
            {
                // Test-EeaBoundary reads a blank region as the EEA; a gate does not assume where a row's data is hosted.
                foreach (var cell in cells)
                {
                    cell.Value = NoRegion;
                }
            }

            foreach (var cell in rows[i].Properties)
            {
                if (cell.Value is string text && SwallowedRows(text, columns.Count))
                {
                    throw new CouldNotRunException("Row " + (i + 1) + " of '" + file + "' has a '" + InertText.Escape(CheckSummary.Shorten(cell.Name)) + "' cell that runs over line breaks and holds what "
                        + "look like more rows (an unclosed quote?); those rows would not be checked. Close the quote.");
                }
            }
        }
    }

    /// <summary>What a row without a hosting region is tested as: a region no policy knows, so the row is NotEvaluated and says why.</summary>
    internal const string NoRegion = "(no hosting region given)";

    // A quoted cell may hold line breaks; one whose later lines each hold as many separators as a row has is rows.
    private bool SwallowedRows(string text, int columns)
    {
        if (columns < 2 || text.IndexOf('\n') < 0)
        {
            return false;
        }

        var lines = text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0).ToList();
        return lines.Count > 0 && lines.All(l => l.Count(c => c == Delimiter) >= columns - 1);
    }

    // Without a policy, Test-EeaBoundary answers from the active policies, each row from its vendor's.
    private IReadOnlyList<EeaBoundaryResult> Test(Collection<PSObject> rows, ResidencyPolicy? policy, string? waivers, string? lockFile)
    {
        var parameters = new System.Collections.Hashtable();
        if (policy != null)
        {
            parameters["Policy"] = policy;
        }

        if (lockFile != null)
        {
            parameters["LockPath"] = WildcardPattern.Escape(lockFile); // resolved already: taken literally
        }

        if (waivers != null)
        {
            parameters["WaiverPath"] = WildcardPattern.Escape(waivers); // resolved already: taken literally
            if (MyInvocation.BoundParameters.ContainsKey(nameof(WaiverWarningDays)))
            {
                parameters[nameof(WaiverWarningDays)] = WaiverWarningDays;
            }
        }

        if (UsesIntegrations.IsPresent)
        {
            parameters["UsesIntegrations"] = true;
        }

        if (CustomMailbox.IsPresent)
        {
            parameters["CustomMailbox"] = true;
        }

        return Nested("ResidencyPS\\Test-EeaBoundary", parameters, rows, "Test-EeaBoundary stopped", "INPUT").Select(o => o.BaseObject).OfType<EeaBoundaryResult>().ToList();
    }

    private void Export(IReadOnlyList<EeaBoundaryResult> results, ResidencyPolicy? policy, ReportFormat format, string folder)
    {
        var file = System.IO.Path.Combine(folder, ReportFormats.Of(format).FileName);
        var before = _problems.Count;
        var parameters = new System.Collections.Hashtable { ["LiteralPath"] = file, ["Format"] = format };
        if (policy != null)
        {
            parameters["Policy"] = policy;
        }

        Nested("ResidencyPS\\Export-ResidencyReport", parameters, results,
            "The " + format + " report could not be written", "ERROR");
        if (_problems.Count > before || !File.Exists(file))
        {
            throw new CouldNotRunException("The " + format + " report '" + file + "' could not be written (see the ERROR lines).");
        }

        _files.Add(file);
    }

    // Runs a command of this session on the given input. A nested pipeline writes its warnings straight to the host, so
    // they are redirected into its output (3>&1 2>&1) and, with its errors, become lines of the summary: the log a
    // scheduler keeps and the result's Problems, never a second copy on the console. A terminating error stops the check.
    // (A command with nothing piped in runs without "$input |": an empty pipeline would never call it.)
    // $PSDefaultParameterValues of the session is emptied in the script's own scope: a default such as
    // Test-EeaBoundary:ExcludeDataCategory would otherwise leave categories out of the check without a word.
    private const string Redirected = "param($Command, $Parameters) $PSDefaultParameterValues = @{}; $input | & $Command @Parameters 3>&1 2>&1";
    private const string RedirectedWithoutInput = "param($Command, $Parameters) $PSDefaultParameterValues = @{}; & $Command @Parameters 3>&1 2>&1";

    // The errors of a waiver file (Test-EeaBoundary writes them before it stops): not about a row.
    private static readonly string[] FileErrors = { ErrorIds.InvalidWaiver, ErrorIds.WaiverFileInvalid, ErrorIds.WaiverFileNotFound };

    // The errors of -LockPath: Test-EeaBoundary writes them once and then refuses every row.
    private static readonly string[] LockErrors =
    {
        ErrorIds.InvalidLock, ErrorIds.LockFileInvalid, ErrorIds.LockFileNotFound, ErrorIds.PolicyChangedSincePin, ErrorIds.PolicyNotPinned,
    };

    // Whether the error is one of these ids (a cmdlet's error is "<id>,<command>").
    private static bool IsOneOf(ErrorRecord error, string[] ids) => ids.Any(id => error.FullyQualifiedErrorId.StartsWith(id + ",", StringComparison.Ordinal));

    private Collection<PSObject> Nested(string command, System.Collections.Hashtable parameters, System.Collections.IEnumerable? input, string stopMessage, string label)
    {
        // The caller's $ErrorActionPreference = 'Stop' must not turn a row's error into the end of the check.
        parameters["ErrorAction"] = ActionPreference.Continue;
        parameters["WarningAction"] = ActionPreference.Continue;
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddScript(input == null ? RedirectedWithoutInput : Redirected, useLocalScope: true).AddArgument(command).AddArgument(parameters);
        Collection<PSObject> output;
        try
        {
            output = input == null ? ps.Invoke() : ps.Invoke(input);
        }
        catch (RuntimeException e)
        {
            throw new CouldNotRunException(stopMessage + ": " + e.Message);
        }

        var values = new Collection<PSObject>();
        foreach (var item in output)
        {
            switch (item?.BaseObject)
            {
                case WarningRecord warning:
                    _problems.Add(CheckSummary.Shorten("WARNING: " + InertText.Escape(warning.Message)));
                    break;
                case ErrorRecord error:
                    // A row's error is about the input; a waiver or lock file's problems are why the check stops.
                    var lockError = IsOneOf(error, LockErrors);
                    _lockRefused |= lockError;
                    var about = lockError || IsOneOf(error, FileErrors) ? "ERROR" : label;
                    _problems.Add(CheckSummary.Shorten(about + ": " + InertText.Escape(error.ToString())));
                    break;
                case null:
                    break;
                default:
                    values.Add(item);
                    break;
            }
        }

        // A terminating error inside the script ends its statement, not the script: it is left in the error stream.
        if (ps.Streams.Error.Count > 0)
        {
            // The last error is why the command stopped: the CouldNotRunException's line says it once.
            foreach (var error in ps.Streams.Error.Take(ps.Streams.Error.Count - 1))
            {
                _problems.Add(CheckSummary.Shorten("ERROR: " + InertText.Escape(error.ToString())));
            }

            throw new CouldNotRunException(stopMessage + ": " + ps.Streams.Error[ps.Streams.Error.Count - 1]);
        }

        return values;
    }
}
