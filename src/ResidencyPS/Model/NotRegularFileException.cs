using System.IO;

namespace ResidencyPS;

/// <summary>A path names something that is not a regular file with content (a device, a pipe, a socket, an empty file).</summary>
public sealed class NotRegularFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>, a <paramref name="what"/> (policy file, waiver file).</summary>
    public NotRegularFileException(string path, string what)
        : base("The " + what + " '" + path + "' is empty or is not a regular file (a device, a pipe and a socket are refused, since reading one "
            + "may never end); a " + what + " must be a regular file holding one JSON object.")
    {
        Path = path;
    }

    /// <summary>The path that was refused.</summary>
    public string Path { get; }
}
