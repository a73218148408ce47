using System.IO;
using System.Text;

namespace ResidencyPS.IO;

/// <summary>A file this module would write past <see cref="BoundedWriter.MaxBytes"/>; nothing was written.</summary>
internal sealed class OutputTooLargeException : IOException
{
    /// <summary>What the limit is and what to do, after "the output would be larger than N MiB, " (a report's by default).</summary>
    public const string ReportAdvice = "the most ResidencyPS writes into one file; report fewer results (filter them first) or write them in parts.";

    public OutputTooLargeException(long limit, string advice = ReportAdvice)
        : base("the output would be larger than " + (limit / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MiB, " + advice)
    {
    }
}

/// <summary>
/// Passes text on and refuses to pass more than a limit: a report is bounded by its input in size, never by what a hostile
/// policy can multiply (one long statement cited by every row of a CSV report once made 542 KB into 200 MB).
/// </summary>
internal sealed class BoundedWriter : TextWriter
{
    /// <summary>The most one file of this module holds: 256 MiB of UTF-8.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly TextWriter _inner;
    private readonly long _limit;
    private readonly string _advice;
    private long _written;

    public BoundedWriter(TextWriter inner, long limit = MaxBytes, string advice = OutputTooLargeException.ReportAdvice)
    {
        _inner = inner;
        _limit = limit;
        _advice = advice;
    }

    public override Encoding Encoding => _inner.Encoding;

    // Counted in UTF-8 bytes, as the file is written: a character of CJK text is three of them (counting characters let
    // 256 Mi of them become 725 MiB). A surrogate written alone is counted as the two bytes of its half of four.
    public override void Write(char value)
    {
        Count(value < 0x80 ? 1 : value < 0x800 ? 2 : char.IsSurrogate(value) ? 2 : 3);
        _inner.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value == null ? 0 : Encoding.UTF8.GetByteCount(value));
        _inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(Encoding.UTF8.GetByteCount(buffer, index, count));
        _inner.Write(buffer, index, count);
    }

    public override void Flush() => _inner.Flush();

    private void Count(int bytes)
    {
        _written += bytes;
        if (_written > _limit)
        {
            throw new OutputTooLargeException(_limit, _advice);
        }
    }
}
