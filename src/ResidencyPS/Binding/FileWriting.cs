using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using ResidencyPS.IO;

namespace ResidencyPS.Binding;

/// <summary>Writes a file for a cmdlet: a problem becomes a FileNotWritten error naming the path as the user gave it.</summary>
internal static class FileWriting
{
    /// <summary>
    /// The file just written, as the FileSystem provider gives it (with PSPath and the rest), so -PassThru output pipes on
    /// into Get-Content or Copy-Item as Get-Item's does; a bare FileInfo binds to neither.
    /// </summary>
    public static object Written(PSCmdlet cmdlet, string target)
    {
        var items = cmdlet.InvokeProvider.Item.Get(new[] { target }, true, true);
        return items.Count == 1 ? items[0] : new System.IO.FileInfo(target);
    }

    /// <summary>
    /// False, with the error written, when the file could not be written; the previous file is then unchanged. A file of a
    /// kind read back with a smaller limit (a lock file) is written with that limit and says what to do past it.
    /// </summary>
    public static bool TryWrite(PSCmdlet cmdlet, string target, string given, Action<TextWriter> write, bool byteOrderMark = false,
        long maxBytes = BoundedWriter.MaxBytes, string tooLarge = OutputTooLargeException.ReportAdvice)
    {
        if (Write(target, given, write, byteOrderMark, AtomicFile.Write, maxBytes, tooLarge) is ErrorRecord error)
        {
            cmdlet.WriteError(error);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Writes through <paramref name="writeFile"/> (the atomic writer; a test passes one that fails), and turns every way a
    /// path or a write can fail into one FileNotWritten error; null when the file was written. .NET Framework (Windows
    /// PowerShell 5.1) fails differently from .NET: NotSupportedException for a colon inside a file name, ArgumentException
    /// for characters it does not allow, SecurityException; PathTooLongException and a sharing violation on replace are
    /// IOExceptions on both.
    /// </summary>
    internal static ErrorRecord? Write(string target, string given, Action<TextWriter> write, bool byteOrderMark, Action<string, Action<TextWriter>, bool> writeFile,
        long maxBytes = BoundedWriter.MaxBytes, string tooLarge = OutputTooLargeException.ReportAdvice)
    {
        try
        {
            writeFile(target, writer => write(new BoundedWriter(writer, maxBytes, tooLarge)), byteOrderMark);
            return null;
        }
        catch (OutputTooLargeException ex)
        {
            return new ErrorRecord(ex, ErrorIds.OutputTooLarge, ErrorCategory.LimitsExceeded, given) { ErrorDetails = new ErrorDetails(NotWritten(given, ex)) };
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException
                                   || ex is SecurityException)
        {
            var message = NotWritten(given, ex);
            return new ErrorRecord(new IOException(message, ex), ErrorIds.FileNotWritten, ErrorCategory.WriteError, given)
            {
                ErrorDetails = new ErrorDetails(message),
            };
        }
    }

    private static string NotWritten(string given, Exception ex) => "Cannot write '" + given + "': " + ex.Message + " Nothing was changed.";
}
