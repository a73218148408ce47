using System;
using System.IO;
using System.Text;

namespace ResidencyPS.IO;

/// <summary>
/// The one writer of files: the content goes to a new temporary file created exclusively beside the target (a
/// unique name, so no existing file or link of that name is ever followed or overwritten), is flushed to disk,
/// and then replaces the target in one rename. A failed write leaves the previous file as it was and no
/// temporary file behind. A killed process cannot clean up after itself: the next write to the same folder
/// removes the temporary files of this writer that no process holds open any more. A rewrite keeps the target's
/// permissions (a private report stays private); its owner becomes the writer, as for any file written anew.
/// </summary>
internal static class AtomicFile
{
    /// <summary>How every temporary file of this writer ends: <c>.&lt;target&gt;.&lt;guid&gt;.residencyps.tmp</c>.</summary>
    internal const string Suffix = ".residencyps.tmp";

    /// <summary>Writes <paramref name="target"/>; IO problems surface as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    public static void Write(string target, Action<TextWriter> write, bool byteOrderMark = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target));
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("The folder '" + folder + "' does not exist.");
        }

        if (Directory.Exists(target))
        {
            throw new IOException("'" + target + "' is a folder; name a file.");
        }

        var prefix = "." + Path.GetFileName(target) + ".";
        RemoveAbandoned(folder!);
        var temporary = Path.Combine(folder, prefix + Guid.NewGuid().ToString("N") + Suffix);
        var mode = File.Exists(target) ? UnixMode.Of(target) : null;
        try
        {
            // Created with the permissions of the file it replaces, and set again in case the creation mask narrowed them:
            // the content is never readable by more people than the file it replaces, not even for a moment.
            using (var stream = UnixMode.CreateNew(temporary, mode))
            {
                UnixMode.Set(temporary, mode);
                // A large buffer: a 100,000-row result file is over 100 MB, written in many small pieces.
                using var writer = new StreamWriter(stream, new UTF8Encoding(byteOrderMark), 1 << 16);
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(target))
            {
                File.Replace(temporary, target, null);
            }
            else
            {
                File.Move(temporary, target);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    // Only files of this writer's own pattern that no process holds, for any target in the folder (reports with a
    // date in their names are never written again under the same name): a writer keeps its temporary file open
    // without sharing (an exclusive lock on Unix) until the rename, so a write in progress anywhere is never
    // touched, and no process has to be looked up.
    private static void RemoveAbandoned(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, ".*" + Suffix))
        {
            try
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }

                File.Delete(file);
            }
            catch (IOException)
            {
                // In use by a live writer, or removed by another one first: not ours to report.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
