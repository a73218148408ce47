namespace ResidencyPS.Binding;

/// <summary>The error ids the cmdlets use; tests assert them through FullyQualifiedErrorId.</summary>
internal static class ErrorIds
{
    public const string ProductNotFound = nameof(ProductNotFound);
    public const string DataCategoryNotFound = nameof(DataCategoryNotFound);
    public const string DataCategoryNotInProduct = nameof(DataCategoryNotInProduct);
    public const string NoDataCategoriesStated = nameof(NoDataCategoriesStated);
    public const string ConflictingColumns = nameof(ConflictingColumns);
    public const string VendorMismatch = nameof(VendorMismatch);
    public const string VendorNotFound = nameof(VendorNotFound);
    public const string AmbiguousProduct = nameof(AmbiguousProduct);
    public const string SeveralPoliciesActive = nameof(SeveralPoliciesActive);
    public const string LastActivePolicy = nameof(LastActivePolicy);
    public const string DataCategoryExcluded = nameof(DataCategoryExcluded);
    public const string InputNotAResult = nameof(InputNotAResult);
    public const string ResultMismatch = nameof(ResultMismatch);
    public const string InvalidResultFile = nameof(InvalidResultFile);
    public const string ResultFileNotFound = nameof(ResultFileNotFound);
    public const string NoResultsPiped = nameof(NoResultsPiped);
    public const string InventoryNotFound = nameof(InventoryNotFound);
    public const string CheckCouldNotRun = nameof(CheckCouldNotRun);
    public const string CheckNotPassed = nameof(CheckNotPassed);
    public const string HostingRegionNotFound = nameof(HostingRegionNotFound);
    public const string SubjectNotFound = nameof(SubjectNotFound);
    public const string StatementNotFound = nameof(StatementNotFound);
    public const string SectionNotFound = nameof(SectionNotFound);
    public const string InvalidPolicy = nameof(InvalidPolicy);
    public const string InvalidWildcardPattern = nameof(InvalidWildcardPattern);
    public const string PolicyFileNotFound = nameof(PolicyFileNotFound);
    public const string PolicyFileUnreadable = nameof(PolicyFileUnreadable);
    public const string PolicyFileExists = nameof(PolicyFileExists);
    public const string AmbiguousPolicyPath = nameof(AmbiguousPolicyPath);
    public const string PolicyUnavailable = nameof(PolicyUnavailable);
    public const string ReportFileExists = nameof(ReportFileExists);
    public const string PathNotFileSystem = nameof(PathNotFileSystem);
    public const string AmbiguousPath = nameof(AmbiguousPath);
    public const string ProductNotGiven = nameof(ProductNotGiven);
    public const string CountryNotInAnyRegion = nameof(CountryNotInAnyRegion);
    public const string CountryNotFound = nameof(CountryNotFound);
    public const string InvalidWaiver = nameof(InvalidWaiver);
    public const string WaiverFileNotFound = nameof(WaiverFileNotFound);
    public const string WaiverFileInvalid = nameof(WaiverFileInvalid);
    public const string WaiverExpired = nameof(WaiverExpired);
    public const string PolicyMismatch = nameof(PolicyMismatch);
    public const string ReportFormatMismatch = nameof(ReportFormatMismatch);
    public const string AsOfOutOfRange = nameof(AsOfOutOfRange);
    public const string FileNotWritten = nameof(FileNotWritten);
    public const string OutputTooLarge = nameof(OutputTooLarge);
    public const string NotRegularFile = nameof(NotRegularFile);
    public const string InvalidCsvSeparator = nameof(InvalidCsvSeparator);
    public const string PageSizeNotApplicable = nameof(PageSizeNotApplicable);
    public const string InvalidControllerFile = nameof(InvalidControllerFile);
    public const string ControllerFileNotFound = nameof(ControllerFileNotFound);
    public const string ControllerFileInvalid = nameof(ControllerFileInvalid);
    public const string ControllerPathNotApplicable = nameof(ControllerPathNotApplicable);
}
