using System.Collections.Generic;
using System.Linq;
using System;

namespace ResidencyPS.Engine.Loading;

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

/// <summary>A policy could not be loaded; <see cref="Problems"/> names every problem found.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Creates the exception for the problems found in <paramref name="origin"/>, a policy or (<paramref name="what"/>) another file.</summary>
    public PolicyValidationException(string origin, IReadOnlyList<PolicyProblem> problems, string what = "policy")
        : base(FormatMessage(origin, problems, what))
    {
        Origin = origin;
        Problems = problems;
    }

    /// <summary>The file or resource the policy came from.</summary>
    public string Origin { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }

    private static string FormatMessage(string origin, IReadOnlyList<PolicyProblem> problems, string what) =>
        "The " + what + " '" + origin + "' is not valid (" + problems.Count + " problem" + (problems.Count == 1 ? string.Empty : "s") + "): "
        + string.Join("; ", problems.Select(p => p.ToString()));
}
