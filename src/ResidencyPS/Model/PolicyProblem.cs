namespace ResidencyPS;

/// <summary>One problem found in a policy file.</summary>
public sealed class PolicyProblem
{
    /// <summary>Creates a problem report.</summary>
    public PolicyProblem(string path, string message, int? line = null, int? position = null)
    {
        // A refused file's own text (a key, a value) is quoted in messages: its control characters are shown, not sent to the console.
        Path = Bounded(Escape(path));
        Message = Bounded(Escape(message));
        Line = line;
        Position = position;
    }

    /// <summary>The JSON path of the offending value, for example <c>residency[3].regions[0]</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what is accepted.</summary>
    public string Message { get; }

    /// <summary>The line in the file, when known.</summary>
    public int? Line { get; }

    /// <summary>The position in the line, when known.</summary>
    public int? Position { get; }

    /// <summary>The longest message or path a problem keeps: a refusal costs what the file costs, never a copy of a huge value.</summary>
    public const int MaxLength = 1000;

    private static string Bounded(string text) =>
        text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 60) + "... (" + text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters in all)";

    /// <summary>Text as a message may show it: control characters written as \uXXXX escapes.</summary>
    internal static string Escape(string text) => ResidencyPS.Engine.Text.InertText.Escape(text);

    /// <inheritdoc />
    public override string ToString() =>
        (Line is int line ? "line " + line + (Position is int pos ? ", position " + pos : string.Empty) + ", " : string.Empty)
        + (string.IsNullOrEmpty(Path) ? string.Empty : Path + ": ") + Message;
}
