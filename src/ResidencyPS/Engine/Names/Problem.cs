namespace ResidencyPS.Engine.Names;

/// <summary>
/// Why an engine step could not answer, without PowerShell types: the cmdlets turn it into an error record
/// (<c>Binding/Problems</c>). Each kind's name is its error id (a test ties them to <c>ErrorIds</c>).
/// </summary>
internal enum ProblemKind
{
    ProductNotGiven,
    ProductNotFound,
    DataCategoryNotFound,
    DataCategoryNotInProduct,
    NoDataCategoriesStated,
    DataCategoryExcluded,
    HostingRegionNotFound,
    CountryNotInAnyRegion,
    SubjectNotFound,
    StatementNotFound,
    InvalidWildcardPattern,
    ConflictingColumns,
    VendorMismatch,
    VendorNotFound,
    AmbiguousProduct,
    PolicyMismatch,
    InvalidLanguage,
    InvalidVendorName,
    InvalidSourceUri,
    SourceTextEmpty,
    InvalidSourceText,
    SourceTextTooLarge,
    PolicyChangedSincePin,
    PolicyNotPinned,
    LockFileInvalid,
}

/// <summary>What kind of fault a problem is: the caller's argument, a name that names nothing, or bad data in an input.</summary>
internal enum ProblemClass
{
    InvalidArgument,
    ObjectNotFound,
    InvalidData,
}

/// <summary>One problem: its kind, what it is, the message a user reads, the offending value and what to do instead.</summary>
internal sealed record Problem(ProblemKind Kind, ProblemClass Class, string Message, object Target, string? RecommendedAction = null);
