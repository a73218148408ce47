using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ResidencyPS.Binding;

/// <summary>PowerShell paths (relative, PSDrive, wildcard) turned into file system paths, with errors that say which path failed.</summary>
internal static class LiteralPaths
{
    /// <summary>A literal path as a file system path; null (with an error written) when it is not a file.</summary>
    public static string? Resolve(PSCmdlet cmdlet, string path)
    {
        var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        if (File.Exists(full))
        {
            return full;
        }

        cmdlet.WriteError(new ErrorRecord(new FileNotFoundException("The policy file '" + full + "' does not exist.", full),
            ErrorIds.PolicyFileNotFound, ErrorCategory.ObjectNotFound, path));
        return null;
    }

    /// <summary>A path that may hold wildcards, which must name exactly one file.</summary>
    public static string? ResolveSingle(PSCmdlet cmdlet, string path)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(path))
        {
            return Resolve(cmdlet, path);
        }

        var matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).Where(File.Exists).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var message = matches.Count == 0
            ? "No file matches '" + path + "'."
            : "'" + path + "' matches " + matches.Count + " files; name one policy file.";
        cmdlet.WriteError(new ErrorRecord(new FileNotFoundException(message), matches.Count == 0 ? ErrorIds.PolicyFileNotFound : ErrorIds.AmbiguousPolicyPath,
            matches.Count == 0 ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument, path));
        return null;
    }
}
