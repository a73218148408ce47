using System;
using System.IO;
using System.Management.Automation;
using ResidencyPS.IO;

namespace ResidencyPS.Binding;

/// <summary>Writes a file for a cmdlet: a problem becomes a FileNotWritten error naming the path as the user gave it.</summary>
internal static class FileWriting
{
    /// <summary>False, with the error written, when the file could not be written; the previous file is then unchanged.</summary>
    public static bool TryWrite(PSCmdlet cmdlet, string target, string given, Action<TextWriter> write, bool byteOrderMark = false)
    {
        try
        {
            AtomicFile.Write(target, write, byteOrderMark);
            return true;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            var message = "Cannot write '" + given + "': " + ex.Message + " Nothing was changed.";
            cmdlet.WriteError(new ErrorRecord(new IOException(message, ex), ErrorIds.FileNotWritten, ErrorCategory.WriteError, given)
            {
                ErrorDetails = new ErrorDetails(message),
            });
            return false;
        }
    }
}
