using System;
using System.IO;
using System.Management.Automation;

namespace ResidencyPS.Binding;

/// <summary>
/// A file a cmdlet reads before it does anything (a waiver file, a controller answers file), met the same way for
/// each: found through the shared path resolver, loaded by the engine, each fault an error record (one per problem,
/// with file, line, position and JSON path), and then a stop: nothing is done with half a file.
/// </summary>
internal static class InputFiles
{
    /// <summary>What a kind of input file is called, its error ids, and what to do about a faulty one.</summary>
    internal sealed record Kind(string What, string NotFoundId, string InvalidId, string UnusableId, string FixIt, string Stopped);

    /// <summary>The loaded file; never returns without one (ThrowTerminatingError).</summary>
    public static T Load<T>(PSCmdlet cmdlet, string path, Kind kind, Func<string, T> load)
        where T : class => TryLoad(cmdlet, path, kind, load, terminate: true)!;

    /// <summary>
    /// The loaded file, or null when it cannot be used: its errors are written, the last (<see cref="Kind.UnusableId"/>)
    /// terminating with <paramref name="terminate"/>, else not, so a caller can still answer every input (-Quiet: false).
    /// </summary>
    public static T? TryLoad<T>(PSCmdlet cmdlet, string path, Kind kind, Func<string, T> load, bool terminate = false)
        where T : class
    {
        var file = PathResolver.ExistingFile(cmdlet, path, literal: false, kind.What, kind.NotFoundId);
        T? loaded = null;
        if (file != null)
        {
            try
            {
                loaded = load(file);
            }
            catch (PolicyValidationException ex)
            {
                foreach (var error in PolicyErrors.Invalid(ex, path, kind.InvalidId, kind.FixIt))
                {
                    cmdlet.WriteError(error);
                }
            }
            catch (NotRegularFileException ex)
            {
                cmdlet.WriteError(PolicyErrors.NotRegular(ex, path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.WriteError(new ErrorRecord(ex, kind.UnusableId, ErrorCategory.ReadError, path));
            }
        }

        if (loaded == null)
        {
            var stop = "The " + kind.What + " '" + path + "' cannot be used (see the errors above); " + kind.Stopped;
            var record = new ErrorRecord(new InvalidDataException(stop), kind.UnusableId, ErrorCategory.InvalidData, path)
            {
                ErrorDetails = new ErrorDetails(stop),
            };
            if (terminate)
            {
                cmdlet.ThrowTerminatingError(record);
            }

            cmdlet.WriteError(record);
        }

        return loaded;
    }
}
