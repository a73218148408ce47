using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ResidencyPS.Binding;

/// <summary>
/// The one place PowerShell paths become file system paths, for every cmdlet that reads or writes a file:
/// -Path expands wildcards (to exactly one file), -LiteralPath never does; relative paths and PSDrives
/// resolve against the session, and only FileSystem paths are accepted. Each failure is an error record
/// that names the path as the user gave it.
/// </summary>
internal static class PathResolver
{
    /// <summary>An existing file to read; null, with an error written, when there is none (or more than one).</summary>
    public static string? ExistingFile(PSCmdlet cmdlet, string path, bool literal, string what = "policy file", string notFoundId = ErrorIds.PolicyFileNotFound)
    {
        var file = ExistingFile(cmdlet.SessionState.Path, path, literal, what, notFoundId, out var error);
        if (error != null)
        {
            cmdlet.WriteError(error);
        }

        return file;
    }

    /// <summary>
    /// The same, for a caller that has the session's paths but no cmdlet to write to (the -Policy argument
    /// transformation): null and the error record when there is no one file.
    /// </summary>
    public static string? ExistingFile(PathIntrinsics paths, string path, bool literal, string what, string notFoundId, out ErrorRecord? error)
    {
        error = null;
        if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
        {
            // A -Path names 'pol`[1`].json' with escaped brackets, as Get-Content -Path does; -LiteralPath takes them as written.
            var full = FileSystemPath(paths, literal ? path : WildcardPattern.Unescape(path), out error);
            if (full == null)
            {
                return null;
            }

            if (File.Exists(full))
            {
                return full;
            }

            error = Directory.Exists(full)
                ? new ErrorRecord(new IOException("'" + full + "' is a folder; the " + what + " is a file in it."), notFoundId, ErrorCategory.InvalidArgument, path)
                : new ErrorRecord(new FileNotFoundException("The " + what + " '" + full + "' does not exist.", full), notFoundId, ErrorCategory.ObjectNotFound, path);
            return null;
        }

        var matches = Expand(paths, path, out error).Where(File.Exists).ToList();
        if (error != null)
        {
            return null;
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        var message = matches.Count == 0
            ? "No file matches '" + path + "'."
            : "'" + path + "' matches " + matches.Count + " files; name one " + what + ".";
        error = new ErrorRecord(new FileNotFoundException(message), matches.Count == 0 ? notFoundId : ErrorIds.AmbiguousPolicyPath,
            matches.Count == 0 ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument, path);
        return null;
    }

    /// <summary>Every existing file a path names: a literal must exist; a wildcard that matches nothing is silent.</summary>
    public static List<string> ExistingFiles(PSCmdlet cmdlet, string path, bool literal, string what = "policy file", string notFoundId = ErrorIds.PolicyFileNotFound)
    {
        if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
        {
            return ExistingFile(cmdlet, path, literal: true, what, notFoundId) is string file ? new List<string> { file } : new List<string>();
        }

        return Expand(cmdlet, path).Where(File.Exists).ToList();
    }

    /// <summary>
    /// A file to write: a wildcard must name exactly one existing file (as Out-File's does); otherwise the path is
    /// taken as written. Null, with an error written, when it is not a FileSystem path.
    /// </summary>
    public static string? Target(PSCmdlet cmdlet, string path, bool literal)
    {
        if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
        {
            return FileSystemPath(cmdlet, path);
        }

        var matches = Expand(cmdlet, path);
        if (matches.Count == 1)
        {
            return matches[0];
        }

        cmdlet.WriteError(new ErrorRecord(new ArgumentException("'" + path + "' matches " + matches.Count + " files; -Path must name one file. Use -LiteralPath for a name with wildcard characters."),
            ErrorIds.AmbiguousPath, ErrorCategory.InvalidArgument, path));
        return null;
    }

    /// <summary>A path taken literally as a file system path (a file or a folder to create); null, with a PathNotFileSystem error written, when it is not one.</summary>
    public static string? FileSystemPath(PSCmdlet cmdlet, string path)
    {
        var full = FileSystemPath(cmdlet.SessionState.Path, path, out var error);
        if (error != null)
        {
            cmdlet.WriteError(error);
        }

        return full;
    }

    private static string? FileSystemPath(PathIntrinsics paths, string path, out ErrorRecord? error)
    {
        error = null;
        string full;
        ProviderInfo provider;
        try
        {
            full = paths.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception ex) when (ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException || ex is ArgumentException)
        {
            error = new ErrorRecord(ex, ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, path);
            return null;
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            error = NotFileSystem(path, provider.Name);
            return null;
        }

        return full;
    }

    private static List<string> Expand(PSCmdlet cmdlet, string path)
    {
        var files = Expand(cmdlet.SessionState.Path, path, out var error);
        if (error != null)
        {
            cmdlet.WriteError(error);
        }

        return files;
    }

    private static List<string> Expand(PathIntrinsics paths, string path, out ErrorRecord? error)
    {
        error = null;
        try
        {
            var resolved = paths.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                error = NotFileSystem(path, provider.Name);
                return new List<string>();
            }

            return resolved.ToList();
        }
        catch (ItemNotFoundException)
        {
            return new List<string>();
        }
        catch (Exception ex) when (ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException)
        {
            error = new ErrorRecord(ex, ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, path);
            return new List<string>();
        }
    }

    private static ErrorRecord NotFileSystem(string path, string provider) =>
        new ErrorRecord(new ArgumentException("'" + path + "' is " + ("AEIOU".IndexOf(char.ToUpperInvariant(provider[0])) >= 0 ? "an " : "a ") + provider + " path; only file system paths are accepted."),
            ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, path);
}
