using System.Management.Automation;
using System;
using ResidencyPS.Binding;
using ResidencyPS.Completion;

namespace ResidencyPS.Commands;

/// <summary>Gets the statements of the policy's source document, verbatim, with English renderings.</summary>
[Cmdlet(VerbsCommon.Get, "PolicyStatement")]
[OutputType(typeof(PolicyStatement))]
public sealed class GetPolicyStatementCommand : ResidencyCmdlet
{
    /// <summary>Statement ids or wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StatementIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Only statements of these sections (the source's Dutch headings, wildcards allowed).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SectionCompleter))]
    public string[]? Section { get; set; }

    /// <summary>Only statements whose Dutch or English text contains one of these words.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Search { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        try
        {
            WriteStatements();
        }
        catch (WildcardPatternException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.InvalidWildcardPattern, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails("A wildcard pattern is not valid: " + ex.Message + " Escape [ and ] with a backtick to match them literally."),
            });
        }
    }

    private void WriteStatements()
    {
        var idPatterns = Patterns(Id);
        var sectionPatterns = Patterns(Section);
        var found = new bool[idPatterns?.Length ?? 0];
        foreach (var statement in AnsweringPolicy.Statements)
        {
            var idMatch = idPatterns == null || MatchAny(idPatterns, statement.Id, found);
            if (idMatch && (sectionPatterns == null || MatchAny(sectionPatterns, statement.Section, null)) && Contains(statement))
            {
                WriteObject(statement);
            }
        }

        for (var i = 0; i < found.Length; i++)
        {
            if (!found[i] && !NameFilter.IsWildcard(Id![i]))
            {
                var message = "No statement has the id '" + Id[i] + "'. Run Get-PolicyStatement without -Id to list every id.";
                WriteError(new ErrorRecord(new ItemNotFoundException(message), ErrorIds.StatementNotFound, ErrorCategory.ObjectNotFound, Id[i]));
            }
        }
    }

    private static WildcardPattern[]? Patterns(string[]? values) =>
        values == null || values.Length == 0
            ? null
            : Array.ConvertAll(values, NameFilter.Wildcard);

    private static bool MatchAny(WildcardPattern[] patterns, string value, bool[]? found)
    {
        var any = false;
        for (var i = 0; i < patterns.Length; i++)
        {
            if (patterns[i].IsMatch(value))
            {
                any = true;
                if (found != null)
                {
                    found[i] = true;
                }
            }
        }

        return any;
    }

    private bool Contains(PolicyStatement statement)
    {
        if (Search == null || Search.Length == 0)
        {
            return true;
        }

        foreach (var word in Search)
        {
            if (statement.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0
                || statement.English.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
