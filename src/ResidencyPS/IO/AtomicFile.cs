using System.IO;
using System.Text;
using System;

namespace ResidencyPS.IO;

/// <summary>Writes a file through a temporary name beside it, so a failed write never leaves half a file behind.</summary>
internal static class AtomicFile
{
    public static void Write(string target, Action<TextWriter> write)
    {
        var temporary = target + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(temporary, target);
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
