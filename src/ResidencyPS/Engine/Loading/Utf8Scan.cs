namespace ResidencyPS.Engine.Loading;

/// <summary>Finds where bytes stop being UTF-8, to name the place in a refusal (the decoder itself only says that they do).</summary>
internal static class Utf8Scan
{
    /// <summary>
    /// The index of the first byte that cannot start or continue a well-formed UTF-8 sequence (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF); <paramref name="end"/> when every byte is valid.
    /// </summary>
    public static int FirstInvalid(byte[] bytes, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            byte low = 0x80, high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                low = b == 0xE0 ? (byte)0xA0 : (byte)0x80;
                high = b == 0xED ? (byte)0x9F : (byte)0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                low = b == 0xF0 ? (byte)0x90 : (byte)0x80;
                high = b == 0xF4 ? (byte)0x8F : (byte)0xBF;
            }
            else
            {
                return i;
            }

            for (var k = 1; k < length; k++)
            {
                if (i + k >= end)
                {
                    return i;
                }

                var next = bytes[i + k];
                if (k == 1 ? next < low || next > high : next < 0x80 || next > 0xBF)
                {
                    return i;
                }
            }

            i += length;
        }

        return end;
    }

    /// <summary>Whether no byte above 0x7F is followed by a continuation byte: text in a single-byte code page such as Windows-1252.</summary>
    public static bool LooksLikeSingleByte(byte[] bytes, int start, int end)
    {
        var any = false;
        for (var i = start; i < end; i++)
        {
            if (bytes[i] >= 0x80)
            {
                any = true;
                if (i + 1 < end && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xBF)
                {
                    return false;
                }
            }
        }

        return any;
    }
}
