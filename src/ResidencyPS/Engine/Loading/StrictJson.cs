using System.Collections.Generic;

namespace ResidencyPS.Engine.Loading;

/// <summary>
/// Checks that text is exactly one RFC 8259 JSON value before Newtonsoft reads it. Newtonsoft is lenient by design
/// (comments, single quotes, unquoted keys, trailing commas, hex and octal numbers, NaN, <c>new Date()</c>); the
/// documentation promises strict JSON, so the leniency is refused here, with the line and position of the first
/// departure. The scan keeps an explicit stack, so depth costs no call stack, and it stops at the depth limit.
/// </summary>
internal static class StrictJson
{
    /// <summary>
    /// The first departure from RFC 8259 in the UTF-8 <paramref name="bytes"/> from <paramref name="start"/>; null when they
    /// are one strict JSON value. The scan reads bytes, not a decoded copy (JSON's structure is ASCII, and the caller checks
    /// the UTF-8), so a large file costs no second, larger buffer; positions count bytes.
    /// </summary>
    public static PolicyProblem? Check(byte[] bytes, int start, int maxDepth) => Check(bytes, start, bytes.Length, maxDepth);

    /// <summary>As <see cref="Check(byte[], int, int)"/>, for the bytes before <paramref name="end"/> (a buffer read into need not be full).</summary>
    public static PolicyProblem? Check(byte[] bytes, int start, int end, int maxDepth)
    {
        var scanner = new Scanner(bytes, start, end, maxDepth);
        return scanner.Run();
    }

    private sealed class Scanner
    {
        private readonly byte[] _text;
        private readonly int _end;
        private readonly int _maxDepth;
        private readonly Stack<char> _open = new Stack<char>();
        private int _at;
        private int _line = 1;
        private int _lineStart;

        public Scanner(byte[] text, int start, int end, int maxDepth)
        {
            _text = text;
            _end = end;
            _maxDepth = maxDepth;
            _at = start;
            _lineStart = start;
        }

        public PolicyProblem? Run()
        {
            var problem = Value();
            while (problem == null && _open.Count > 0)
            {
                problem = AfterValue();
            }

            if (problem != null)
            {
                return problem;
            }

            SkipSpace();
            return _at < _end ? Fail("Additional text found after the end of the JSON object") : null;
        }

        // After a value inside an array or object: a comma and the next member, or the closing bracket.
        private PolicyProblem? AfterValue()
        {
            SkipSpace();
            var close = _open.Peek() == '{' ? '}' : ']';
            if (Next() == close)
            {
                _at++;
                _open.Pop();
                return null;
            }

            if (Next() != ',')
            {
                return Fail("Expected ',' or '" + close + "'");
            }

            _at++;
            if (_open.Peek() == '{')
            {
                return Member(first: false);
            }

            SkipSpace();
            return Next() == ']' ? Fail("A comma must not come before ']'") : Value();
        }

        private PolicyProblem? Member(bool first)
        {
            SkipSpace();
            if (first && Next() == '}')
            {
                _at++;
                _open.Pop();
                return null;
            }

            if (Next() != '"')
            {
                return Fail(first || Next() != '}' ? "A property name must be a string in double quotes" : "A comma must not come before '}'");
            }

            var problem = String();
            if (problem != null)
            {
                return problem;
            }

            SkipSpace();
            if (Next() != ':')
            {
                return Fail("Expected ':' after a property name");
            }

            _at++;
            return Value();
        }

        private PolicyProblem? Value(bool first = false)
        {
            SkipSpace();
            if (first && Next() == ']')
            {
                _at++;
                _open.Pop();
                return null;
            }

            var c = Next();
            switch (c)
            {
                case '{':
                case '[':
                    if (_open.Count >= _maxDepth)
                    {
                        return Fail("The JSON is nested more than " + _maxDepth + " levels deep");
                    }

                    _at++;
                    _open.Push(c);
                    return c == '{' ? Member(first: true) : Value(first: true);
                case '"':
                    return String();
                case 't':
                    return Word("true");
                case 'f':
                    return Word("false");
                case 'n':
                    return Word("null");
                default:
                    return c == '-' || (c >= '0' && c <= '9') ? Number() : Fail(Unexpected(c));
            }
        }

        private PolicyProblem? String()
        {
            _at++; // the opening quote
            while (_at < _end)
            {
                var c = (char)_text[_at];
                if (c == '"')
                {
                    _at++;
                    return null;
                }

                if (c < 0x20)
                {
                    return Fail("A control character (U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ") must be escaped inside a string");
                }

                if (c == '\\')
                {
                    _at++;
                    var escape = Next();
                    if (escape == 'u')
                    {
                        for (var i = 1; i <= 4; i++)
                        {
                            if (!IsHex(At(_at + i)))
                            {
                                _at += i;
                                return Fail("\\u must be followed by four hexadecimal digits");
                            }
                        }

                        _at += 5;
                        continue;
                    }

                    if ("\"\\/bfnrt".IndexOf(escape) < 0 || escape == '\0')
                    {
                        return Fail("'\\" + escape + "' is not a JSON escape; accepted: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
                    }
                }

                _at++;
            }

            return Fail("A string is not closed");
        }

        private PolicyProblem? Number()
        {
            if (Next() == '-')
            {
                _at++;
            }

            if (Next() == '0')
            {
                _at++;
                if (Next() >= '0' && Next() <= '9')
                {
                    return Fail("A number must not have a leading zero");
                }
            }
            else if (!Digits())
            {
                return Fail("Expected a digit");
            }

            if (Next() == '.')
            {
                _at++;
                if (!Digits())
                {
                    return Fail("Expected a digit after the decimal point");
                }
            }

            if (Next() == 'e' || Next() == 'E')
            {
                _at++;
                if (Next() == '+' || Next() == '-')
                {
                    _at++;
                }

                if (!Digits())
                {
                    return Fail("Expected a digit in the exponent");
                }
            }

            var after = Next();
            return char.IsLetterOrDigit(after) || after == '.' ? Fail(Unexpected(after)) : null;
        }

        private bool Digits()
        {
            var start = _at;
            while (Next() >= '0' && Next() <= '9')
            {
                _at++;
            }

            return _at > start;
        }

        private PolicyProblem? Word(string word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (At(_at + i) != word[i])
                {
                    return Fail(Unexpected(Next()));
                }
            }

            if (char.IsLetterOrDigit(At(_at + word.Length)))
            {
                return Fail(Unexpected(Next()));
            }

            _at += word.Length;
            return null;
        }

        private void SkipSpace()
        {
            while (_at < _end)
            {
                var c = (char)_text[_at];
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _at + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }

                _at++;
            }
        }

        private static string Unexpected(char c) => c switch
        {
            '\0' => "The JSON ends too early",
            '/' => "Comments are not allowed in JSON",
            '\'' => "Strings must be in double quotes, not single quotes",
            '\u00EF' => "A byte order mark may only begin the file",
            _ when c < 0x20 || c == 0x7F => "Unexpected control character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            _ when c >= 0x80 => "Unexpected non-ASCII character outside a string (values are objects, lists, strings in double quotes, numbers, true, false and null)",
            _ => "Unexpected character '" + c + "' (values are objects, lists, strings in double quotes, numbers, true, false and null)",
        };

        private char Next() => At(_at);

        private char At(int index) => index < _end ? (char)_text[index] : '\0';

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        // Comments and single quotes are the leniencies people rely on by accident: name them wherever they appear.
        private PolicyProblem Fail(string message) =>
            new PolicyProblem(string.Empty, (Next() == '/' || Next() == '\'' ? Unexpected(Next()) : message) + ".", _line, _at - _lineStart + 1);
    }
}
