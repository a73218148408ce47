using System.Collections.Generic;

namespace ResidencyPS.Engine.Loading;

// The JSON shape of a policy file. Everything is a plain string or list so that the builder,
// not the serializer, decides what is valid and can report every problem at once.
#pragma warning disable CS1591 // DTO members mirror the documented JSON format (docs/policy-format.md).
internal sealed class PolicyDocument
{
    public string? SchemaVersion { get; set; }
    public string? Vendor { get; set; }
    public string? PolicyVersion { get; set; }
    public string? EffectiveDate { get; set; }
    public SourceDocumentDto? Source { get; set; }
    public List<StatementDto>? Statements { get; set; }
    public List<RegionDto>? Regions { get; set; }
    public List<ProductDto>? Products { get; set; }
    public List<CategoryDto>? Categories { get; set; }
    public List<ResidencyDto>? Residency { get; set; }
    public List<SubjectDto>? Subjects { get; set; }
    public List<RetentionDto>? Retention { get; set; }
    public List<RuleDto>? Rules { get; set; }
}

internal sealed class SourceDocumentDto
{
    public string? Title { get; set; }
    public string? Language { get; set; }
    public string? Document { get; set; }
}

internal sealed class StatementDto
{
    public string? Id { get; set; }
    public int Line { get; set; }
    public string? Section { get; set; }
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? English { get; set; }
}

internal sealed class RegionDto
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameNl { get; set; }
    public List<string>? Aliases { get; set; }
    public List<string>? Countries { get; set; }
    public string? Basis { get; set; }
    public List<string>? Notes { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class ProductDto
{
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Basis { get; set; }
    public List<string>? Notes { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class CategoryDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? NameNl { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Definition { get; set; }
    public List<string>? Notes { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class ResidencyDto
{
    public string? Product { get; set; }
    public string? Category { get; set; }
    public string? Term { get; set; }
    public List<string>? Regions { get; set; }
    public string? Basis { get; set; }
    public List<string>? Notes { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class SubjectDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? NameNl { get; set; }
    public List<string>? Aliases { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class PeriodDto
{
    public int Value { get; set; }
    public string? Unit { get; set; }
    public string? Text { get; set; }
}

internal sealed class RetentionDto
{
    public string? Id { get; set; }
    public string? Subject { get; set; }
    public List<string>? Products { get; set; }
    public List<string>? HostingRegions { get; set; }
    public string? Storage { get; set; }
    public PeriodDto? Period { get; set; }
    public string? After { get; set; }
    public string? AfterRegion { get; set; }
    public string? Basis { get; set; }
    public List<string>? Notes { get; set; }
    public List<string>? Sources { get; set; }
}

internal sealed class RuleDto
{
    public string? Id { get; set; }
    public string? When { get; set; }
    public List<string>? Products { get; set; }
    public List<string>? Categories { get; set; }
    public List<string>? HostingRegions { get; set; }
    public string? Effect { get; set; }
    public string? Destination { get; set; }
    public PeriodDto? Duration { get; set; }
    public string? Message { get; set; }
    public string? Basis { get; set; }
    public List<string>? Sources { get; set; }
}
#pragma warning restore CS1591
