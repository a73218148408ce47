namespace ResidencyPS.Help;

/// <summary>One cmdlet's help, as read from its PlatyPS markdown page.</summary>
public sealed class CommandHelp
{
    /// <summary>The file the help was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Front matter keys and values.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The cmdlet's name.</summary>
    public required string Name { get; init; }

    /// <summary>One-paragraph summary.</summary>
    public string Synopsis { get; set; } = string.Empty;

    /// <summary>Paragraphs of the DESCRIPTION section.</summary>
    public List<string> Description { get; } = new();

    /// <summary>The parameter sets named in SYNTAX, in order.</summary>
    public List<SyntaxSet> Syntax { get; } = new();

    /// <summary>The examples.</summary>
    public List<HelpExample> Examples { get; } = new();

    /// <summary>The parameters, in page order.</summary>
    public List<ParameterHelp> Parameters { get; } = new();

    /// <summary>Whether the page has the CommonParameters entry.</summary>
    public bool HasCommonParameters { get; set; }

    /// <summary>Pipeline input types with their descriptions.</summary>
    public List<TypeHelp> Inputs { get; } = new();

    /// <summary>Output types with their descriptions.</summary>
    public List<TypeHelp> Outputs { get; } = new();

    /// <summary>Paragraphs of the NOTES section.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Related links.</summary>
    public List<HelpLink> Links { get; } = new();

    /// <summary>The level-2 sections the page has, in order.</summary>
    public List<string> Sections { get; } = new();
}

/// <summary>A parameter set named in SYNTAX.</summary>
public sealed record SyntaxSet(string Name, bool IsDefault);

/// <summary>An example: title, introduction, code, the output shown, and remarks.</summary>
public sealed record HelpExample(string Title, IReadOnlyList<string> Introduction, string Code, string? Output, IReadOnlyList<string> Remarks);

/// <summary>A type in INPUTS or OUTPUTS.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

/// <summary>A related link.</summary>
public sealed record HelpLink(string Text, string Uri);

/// <summary>A parameter and its metadata blocks.</summary>
public sealed class ParameterHelp
{
    /// <summary>The parameter's name without the dash.</summary>
    public required string Name { get; init; }

    /// <summary>Paragraphs of description.</summary>
    public List<string> Description { get; } = new();

    /// <summary>One block per distinct metadata (PlatyPS writes several when sets differ).</summary>
    public List<ParameterMetadata> Metadata { get; } = new();
}

/// <summary>The yaml block of a parameter.</summary>
public sealed class ParameterMetadata
{
    /// <summary>The raw keys and values.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>A value by key (case-insensitive), or the fallback.</summary>
    public string Get(string key, string fallback = "") =>
        Values.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value ?? fallback;

    /// <summary>The type name.</summary>
    public string Type => Get("Type");

    /// <summary>The parameter sets, or "(All)".</summary>
    public IReadOnlyList<string> ParameterSets => Split(Get("Parameter Sets", "(All)"));

    /// <summary>The aliases (empty for None).</summary>
    public IReadOnlyList<string> Aliases => Get("Aliases", "None") == "None" ? Array.Empty<string>() : Split(Get("Aliases"));

    /// <summary>Whether the parameter is mandatory in these sets.</summary>
    public bool Required => string.Equals(Get("Required"), "True", StringComparison.OrdinalIgnoreCase);

    /// <summary>The position, or "Named".</summary>
    public string Position => Get("Position", "Named");

    /// <summary>The default value as documented.</summary>
    public string DefaultValue => Get("Default value", "None");

    /// <summary>"False" or "True (ByValue, ByPropertyName)".</summary>
    public string PipelineInput => Get("Accept pipeline input", "False");

    /// <summary>Whether wildcards are accepted.</summary>
    public bool Wildcards => string.Equals(Get("Accept wildcard characters"), "True", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
