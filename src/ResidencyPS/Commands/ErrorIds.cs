namespace ResidencyPS.Commands
{
    /// <summary>The error ids the cmdlets use; tests assert them through FullyQualifiedErrorId.</summary>
    internal static class ErrorIds
    {
        public const string ProductNotFound = nameof(ProductNotFound);
        public const string DataCategoryNotFound = nameof(DataCategoryNotFound);
        public const string DataCategoryNotInProduct = nameof(DataCategoryNotInProduct);
        public const string HostingRegionNotFound = nameof(HostingRegionNotFound);
        public const string SubjectNotFound = nameof(SubjectNotFound);
        public const string StatementNotFound = nameof(StatementNotFound);
    }
}
