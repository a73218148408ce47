using System;
using System.IO;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Engine.Authoring;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Commands;

/// <summary>
/// Writes a starting policy file from a vendor's own words: every non-blank line of the vendor's text becomes a statement,
/// verbatim with its line number, under the source's address and retrieval date, and nothing else is made up (no English
/// renderings, products, regions, residency, retention or rules). Import-ResidencyPolicy then names, at its line and JSON
/// path, everything the author has to add.
/// </summary>
[Cmdlet(VerbsCommon.New, "ResidencyPolicy", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class NewResidencyPolicyCommand : PSCmdlet, IDisposable
{
    /// <summary>The parameter set that writes -Path from the vendor's text at -SourcePath.</summary>
    public const string PathSet = nameof(Path);

    /// <summary>The parameter set that writes -LiteralPath from the vendor's text at -SourcePath.</summary>
    public const string LiteralPathSet = nameof(LiteralPath);

    /// <summary>The parameter set that writes -Path from the vendor's text at -LiteralSourcePath.</summary>
    public const string PathLiteralSourceSet = nameof(Path) + nameof(LiteralSourcePath);

    /// <summary>The parameter set that writes -LiteralPath from the vendor's text at -LiteralSourcePath.</summary>
    public const string LiteralPathLiteralSourceSet = nameof(LiteralPath) + nameof(LiteralSourcePath);

    /// <summary>The policy file to write; a wildcard must name exactly one existing file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathLiteralSourceSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>The policy file to write, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathLiteralSourceSet)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    /// <summary>The vendor's name, as the policy's <c>vendor</c>.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Vendor { get; set; } = null!;

    /// <summary>The vendor's text: a UTF-8 text file; a wildcard must name exactly one file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string SourcePath { get; set; } = null!;

    /// <summary>The vendor's text, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathLiteralSourceSet)]
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathLiteralSourceSet)]
    [ValidateNotNullOrEmpty]
    public string LiteralSourcePath { get; set; } = null!;

    /// <summary>The ISO 639-1 code of the language of the vendor's text, such as nl.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Language { get; set; } = null!;

    /// <summary>Where the vendor published the text (http or https).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? SourceUri { get; set; }

    /// <summary>The day the text was retrieved; today (UTC) when omitted.</summary>
    [Parameter]
    public DateTime RetrievedDate { get; set; } = DateTime.UtcNow.Date;

    /// <summary>Replaces an existing file; without it an existing file is kept and a PolicyFileExists error written.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    // Ctrl+C (a stop request) ends a read between blocks.
    private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends, Ctrl+C or not.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // The arguments are checked before any file is read or written, so a refusal leaves everything as it was.
        if (Refuse(PolicyFromText.CheckVendor(Vendor)) || Refuse(PolicyFromText.CheckLanguage(Language, out var language))
            || (SourceUri != null && Refuse(PolicyFromText.CheckSourceUri(SourceUri, SourceUri))))
        {
            return;
        }

        var literalSource = ParameterSetName == PathLiteralSourceSet || ParameterSetName == LiteralPathLiteralSourceSet;
        var givenSource = literalSource ? LiteralSourcePath : SourcePath;
        if (!(PathResolver.ExistingFile(this, givenSource, literalSource, "vendor's text", ErrorIds.SourceFileNotFound) is string source))
        {
            return;
        }

        string? text;
        Problem? problem;
        try
        {
            text = PolicyFromText.ReadText(source, givenSource, out problem, _stopping.Token);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.InvalidSourceText, ErrorCategory.ReadError, givenSource)
            {
                ErrorDetails = new ErrorDetails("The vendor's text '" + givenSource + "' cannot be read: " + ex.Message),
            });
            return;
        }

        if (Refuse(problem) || text == null)
        {
            return;
        }

        var statements = PolicyFromText.Statements(text);
        if (statements.Count == 0)
        {
            Refuse(new Problem(ProblemKind.SourceTextEmpty, ProblemClass.InvalidData, "The vendor's text '" + source + "' has no line that is not blank: there is nothing to quote.", givenSource));
            return;
        }

        var draft = new DraftSource(Vendor, language, System.IO.Path.GetFileName(source), SourceUri?.OriginalString, RetrievedDate.Date);
        var json = PolicyFromText.ToJson(draft, statements, givenSource, out problem);
        if (Refuse(problem) || json == null)
        {
            return;
        }

        var literal = ParameterSetName == LiteralPathSet || ParameterSetName == LiteralPathLiteralSourceSet;
        var given = literal ? LiteralPath : Path;
        if (!(PathResolver.Target(this, given, literal) is string target))
        {
            return;
        }

        if (string.Equals(System.IO.Path.GetFullPath(target), System.IO.Path.GetFullPath(source), System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            WriteError(new ErrorRecord(new IOException("The policy file '" + target + "' is the vendor's text itself; name another file for the policy."),
                ErrorIds.PolicyFileIsSourceText, ErrorCategory.InvalidArgument, given));
            return;
        }

        if (File.Exists(target) && !Force.IsPresent)
        {
            WriteError(new ErrorRecord(new IOException("The file '" + target + "' already exists; add -Force to replace it."),
                ErrorIds.PolicyFileExists, ErrorCategory.ResourceExists, given));
            return;
        }

        var headings = 0;
        foreach (var statement in statements)
        {
            headings += statement.Kind == PolicyFromText.HeadingKind ? 1 : 0;
        }

        if (!ShouldProcess(target, "Write a starting residency policy for " + Vendor + " with " + statements.Count + " statements from '" + source + "'"))
        {
            return;
        }

        if (!FileWriting.TryWrite(this, target, given, writer => writer.Write(json)))
        {
            return;
        }

        WriteVerbose("Wrote " + statements.Count + " statements (" + headings + " of them headings), one for each line of the vendor's text that is not blank; "
            + "Import-ResidencyPolicy names what to add before the policy can be used.");
        WriteObject(FileWriting.Written(this, target));
    }

    private bool Refuse(Problem? problem)
    {
        if (problem == null)
        {
            return false;
        }

        WriteError(problem.ToErrorRecord());
        return true;
    }
}
