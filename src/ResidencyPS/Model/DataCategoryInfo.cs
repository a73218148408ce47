using System.Collections.Generic;

namespace ResidencyPS;

/// <summary>A kind of data the policy speaks of, named in English and Dutch.</summary>
public sealed class DataCategoryInfo : IPolicyItem
{
    internal DataCategoryInfo(string id, string name, string nameNl, IReadOnlyList<string> aliases,
        PolicyStatement? definition, IReadOnlyList<string> products, IReadOnlyList<string> notes, IReadOnlyList<PolicyStatement> source)
    {
        Id = id;
        DataCategory = name;
        NameNl = nameNl;
        Aliases = NameList.From(aliases);
        DefinitionStatement = definition;
        Notes = NameList.From(notes, " ");
        Source = SourceList.From(source);
        Products = NameList.From(products);
    }

    /// <summary>The vendor whose policy this comes from.</summary>
    public string Vendor => Owner?.Vendor ?? string.Empty;

    // Set once by the policy that holds it, so an object piped on knows its vendor and policy.
    internal ResidencyPolicy? Owner { get; set; }

    ResidencyPolicy? IPolicyItem.Owner => Owner;

    /// <summary>Stable identifier, for example <c>TicketData</c>.</summary>
    public string Id { get; }

    /// <summary>The English name (named like the parameter it binds to through the pipeline).</summary>
    public string DataCategory { get; }

    /// <summary>The Dutch name.</summary>
    public string NameNl { get; }

    /// <summary>Other names accepted as input, English and Dutch.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The source's definition in English, when the source defines the category.</summary>
    public string? Definition => DefinitionStatement?.English;

    /// <summary>The source's definition, verbatim, when the source defines the category.</summary>
    public string? DefinitionNl => DefinitionStatement?.Text;

    /// <summary>The products that hold this category.</summary>
    public IReadOnlyList<string> Products { get; }

    /// <summary>Readings and caveats, in English.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The statements of the source that name or define the category.</summary>
    public IReadOnlyList<PolicyStatement> Source { get; }

    internal PolicyStatement? DefinitionStatement { get; }

    /// <inheritdoc />
    public override string ToString() => DataCategory;
}
