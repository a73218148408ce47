using System;
using System.IO;
using System.Text;

namespace ResidencyPS.IO;

/// <summary>
/// The one writer of files: the content goes to a new temporary file created exclusively beside the target (a
/// unique name, so no existing file or link of that name is ever followed or overwritten), is flushed to disk,
/// and then replaces the target in one rename. A failed write leaves the previous file as it was and no
/// temporary file behind.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="target"/>; IO problems surface as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    public static void Write(string target, Action<TextWriter> write)
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

        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false));
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
}
