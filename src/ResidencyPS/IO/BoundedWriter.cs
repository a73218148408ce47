using System.IO;
using System.Text;

namespace ResidencyPS.IO;

/// <summary>A file this module would write past <see cref="BoundedWriter.MaxChars"/>; nothing was written.</summary>
internal sealed class OutputTooLargeException : IOException
{
    public OutputTooLargeException(long limit)
        : base("the output would be larger than " + (limit / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " MiB of text, the most ResidencyPS writes into one file; report fewer results (filter them first) or write them in parts.")
    {
    }
}

/// <summary>
/// Passes text on and refuses to pass more than a limit: a report is bounded by its input in size, never by what a hostile
/// policy can multiply (one long statement cited by every row of a CSV report once made 542 KB into 200 MB).
/// </summary>
internal sealed class BoundedWriter : TextWriter
{
    /// <summary>The most characters one file of this module holds: 256 MiB.</summary>
    public const long MaxChars = 256L * 1024 * 1024;

    private readonly TextWriter _inner;
    private readonly long _limit;
    private long _written;

    public BoundedWriter(TextWriter inner, long limit = MaxChars)
    {
        _inner = inner;
        _limit = limit;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        Count(1);
        _inner.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value?.Length ?? 0);
        _inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        _inner.Write(buffer, index, count);
    }

    public override void Flush() => _inner.Flush();

    private void Count(int chars)
    {
        _written += chars;
        if (_written > _limit)
        {
            throw new OutputTooLargeException(_limit);
        }
    }
}
