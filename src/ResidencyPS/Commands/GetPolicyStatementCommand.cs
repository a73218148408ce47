using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Binding;
using ResidencyPS.Completion;
using ResidencyPS.Engine.Names;
using ResidencyPS.Engine.Text;

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

    /// <summary>Only statements of these sections: the source's headings, in its language or in their English rendering (wildcards allowed).</summary>
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
            ForEachPolicy(WriteStatements);
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
        // Ids through the module's one name matching (literal or wildcard, suggestions, the offending id as the target);
        // a literal that names nothing has had its error written and is left out.
        var ids = ResolveStatements(Id, nameof(Id));
        if (ids != null && ids.Count == 0)
        {
            return;
        }

        var wanted = ids == null ? null : new HashSet<PolicyStatement>(ids);
        var sectionPatterns = Patterns(Section);
        var english = sectionPatterns == null ? null : SectionsInEnglish();
        if (sectionPatterns != null && !SectionsExist(sectionPatterns, english!))
        {
            return;
        }

        foreach (var statement in AnsweringPolicy.Statements)
        {
            if (NameFilter.Admits(wanted, statement) && (sectionPatterns == null || MatchAny(sectionPatterns, statement.Section)
                    || (english!.TryGetValue(statement.Section, out var name) && MatchAny(sectionPatterns, name))) && Contains(statement))
            {
                WriteObject(statement);
            }
        }
    }

    private static WildcardPattern[]? Patterns(string[]? values) =>
        values == null || values.Length == 0
            ? null
            : Array.ConvertAll(values, NameFilter.Wildcard);

    // A section named literally that heads nothing is an error naming the sections there are, as an id is; a wildcard
    // that matches none is silent. False when no section named remains to answer.
    private bool SectionsExist(WildcardPattern[] patterns, Dictionary<string, string> english)
    {
        var sections = AnsweringPolicy.Statements.Select(s => s.Section).Distinct(StringComparer.Ordinal).ToList();
        var any = false;
        for (var i = 0; i < patterns.Length; i++)
        {
            if (sections.Any(s => patterns[i].IsMatch(s) || (english.TryGetValue(s, out var name) && patterns[i].IsMatch(name))))
            {
                any = true;
                NameOutcome(nameof(Section), Section![i], null);
            }
            else if (!NameFilter.IsWildcard(Section![i]) || Piped(nameof(Section)))
            {
                var known = string.Join(", ", sections.Select(s => english.TryGetValue(s, out var name) ? s + " (" + name + ")" : s));
                var message = "No section of the policy text is headed '" + InertText.Escape(Section[i]) + "'. Sections: " + known + ".";
                NameOutcome(nameof(Section), Section[i], new ErrorRecord(new ItemNotFoundException(message), ErrorIds.SectionNotFound, ErrorCategory.ObjectNotFound, Section[i])
                {
                    ErrorDetails = new ErrorDetails(message),
                });
            }
        }

        return any;
    }

    // A section is named by its heading in the text's language; the heading statement's English rendering names it in English.
    private Dictionary<string, string> SectionsInEnglish()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var heading in AnsweringPolicy.Statements)
        {
            if (heading.Kind == "Heading" && heading.Text == heading.Section && !names.ContainsKey(heading.Section))
            {
                names.Add(heading.Section, heading.English);
            }
        }

        return names;
    }

    private static bool MatchAny(WildcardPattern[] patterns, string value) => Array.Exists(patterns, p => p.IsMatch(value));

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
