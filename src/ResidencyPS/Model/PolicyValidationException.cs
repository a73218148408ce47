using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS;

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
