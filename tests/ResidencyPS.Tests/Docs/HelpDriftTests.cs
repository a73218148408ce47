using System.Management.Automation;
using System.Reflection;
using ResidencyPS.Help;
using ResidencyPS.Tests.Commands;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>Each cmdlet's markdown page says exactly what the cmdlet is: parameters, sets, pipeline input, outputs.</summary>
public class HelpDriftTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _ps;

    public HelpDriftTests(PowerShellSession ps) => _ps = ps;

    public static IEnumerable<object[]> Cmdlets => ConventionTests.CmdletTypes.Select(t => new object[] { CommandName(t) });

    public static string CommandName(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        return $"{attribute.VerbName}-{attribute.NounName}";
    }

    private static CommandHelp Page(string command) =>
        MarkdownHelpReader.ReadFile(Path.Combine(TestPaths.HelpSources, command + ".md"));

    private CommandInfo Command(string name) => (CommandInfo)_ps.RunClean($"Get-Command {name} -Module ResidencyPS")[0].BaseObject;

    // Common parameters (ProgressAction among them since 7.4) are never documented one by one;
    // WhatIf and Confirm are, as PlatyPS does, on cmdlets that support ShouldProcess.
    private static readonly HashSet<string> Common = new(PSCmdlet.CommonParameters.Append("UseTransaction"), StringComparer.OrdinalIgnoreCase);

    public static string TypeName(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type).Name;

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Page_documents_exactly_the_cmdlets_parameters_and_never_a_common_one(string command)
    {
        var page = Page(command);
        Assert.Equal(command, page.Name);
        var actual = Command(command).Parameters.Keys.Where(k => !Common.Contains(k)).OrderBy(k => k);
        Assert.Equal(actual, page.Parameters.Select(p => p.Name).OrderBy(n => n));
        Assert.DoesNotContain(page.Parameters, p => p.Name == "ProgressAction");
        Assert.True(page.HasCommonParameters, "The page lacks ### CommonParameters");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Parameter_metadata_matches_the_cmdlet(string command)
    {
        var info = Command(command);
        foreach (var documented in Page(command).Parameters)
        {
            var parameter = info.Parameters[documented.Name];
            var meta = Assert.Single(documented.Metadata);
            var where = $"{command} -{documented.Name}";
            Assert.True(TypeName(parameter.ParameterType) == meta.Type, $"{where}: Type {meta.Type}, actual {TypeName(parameter.ParameterType)}");
            var sets = parameter.ParameterSets.ContainsKey("__AllParameterSets") ? new[] { "(All)" } : parameter.ParameterSets.Keys.OrderBy(k => k).ToArray();
            Assert.True(sets.SequenceEqual(meta.ParameterSets.OrderBy(s => s)), $"{where}: Parameter Sets");
            Assert.True(parameter.Aliases.OrderBy(a => a).SequenceEqual(meta.Aliases.OrderBy(a => a)), $"{where}: Aliases");
            var attribute = parameter.ParameterSets.Values.First();
            Assert.True(attribute.IsMandatory == meta.Required, $"{where}: Required");
            Assert.True((attribute.Position >= 0 ? attribute.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named") == meta.Position, $"{where}: Position");
            var pipeline = new[] { attribute.ValueFromPipeline ? "ByValue" : null, attribute.ValueFromPipelineByPropertyName ? "ByPropertyName" : null }.Where(x => x != null).ToList();
            Assert.True((pipeline.Count == 0 ? "False" : $"True ({string.Join(", ", pipeline)})") == meta.PipelineInput, $"{where}: Accept pipeline input");
            Assert.True(parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any() == meta.Wildcards, $"{where}: Accept wildcard characters");
            Assert.False(documented.Description.Count == 0, $"{where} has no description");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Syntax_names_the_cmdlets_parameter_sets_and_its_default(string command)
    {
        var info = (CmdletInfo)Command(command);
        var page = Page(command);
        Assert.Equal(info.ParameterSets.Select(s => s.Name).OrderBy(n => n), page.Syntax.Select(s => s.Name).OrderBy(n => n));
        if (info.ParameterSets.Count > 1)
        {
            Assert.Equal(info.ParameterSets.Single(s => s.IsDefault).Name, page.Syntax.Single(s => s.IsDefault).Name);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Outputs_list_the_declared_output_types_and_inputs_the_pipeline_types(string command)
    {
        var info = Command(command);
        var page = Page(command);
        Assert.Equal(info.OutputType.Select(t => t.Type.FullName).Distinct().OrderBy(n => n), page.Outputs.Select(o => o.TypeName).OrderBy(n => n));
        var pipelineTypes = info.Parameters.Values
            .Where(p => !Common.Contains(p.Name) && p.ParameterSets.Values.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .Select(p => (p.ParameterType.GetElementType() ?? p.ParameterType).FullName).Distinct().OrderBy(n => n);
        Assert.Equal(pipelineTypes, page.Inputs.Select(i => i.TypeName).OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Page_has_synopsis_description_and_at_least_three_examples(string command)
    {
        var page = Page(command);
        Assert.False(string.IsNullOrWhiteSpace(page.Synopsis));
        Assert.NotEmpty(page.Description);
        Assert.True(page.Examples.Count >= 3, $"{command} has {page.Examples.Count} examples");
        Assert.Equal(MarkdownHelpReader.RequiredSections, page.Sections.Where(MarkdownHelpReader.RequiredSections.Contains));
    }

    [Fact]
    public void Every_page_in_docs_is_a_cmdlet_and_the_module_page_lists_each_with_its_synopsis()
    {
        var commands = ConventionTests.CmdletTypes.Select(CommandName).OrderBy(n => n).ToList();
        var pages = HelpPages.CommandPages(TestPaths.HelpSources).Select(Path.GetFileNameWithoutExtension).OrderBy(n => n);
        Assert.Equal(commands, pages);
        var modulePage = MarkdownDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.HelpSources, "ResidencyPS.md")), "ResidencyPS.md");
        var listed = modulePage.Sections.Single(s => s.Title == "ResidencyPS Cmdlets").Subsections;
        Assert.Equal(commands.Select(c => $"[{c}]({c}.md)"), listed.Select(s => s.Title));
        foreach (var entry in listed)
        {
            var name = entry.Title[1..entry.Title.IndexOf(']')];
            Assert.Equal(Page(name).Synopsis, string.Join(" ", entry.Paragraphs()));
        }
    }
}
