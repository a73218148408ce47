namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 compile C# records (their init accessors need this marker type, which .NET 5+ has built in).
/// Internal, so it never clashes with the runtime's own.
/// </summary>
internal static class IsExternalInit
{
}
