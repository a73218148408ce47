using System;
using System.Management.Automation;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Binding;

/// <summary>The engine's problems as PowerShell error records: the kind is the error id, the offending value the target.</summary>
internal static class Problems
{
    /// <summary>The error record of <paramref name="problem"/>, its target's name made inert.</summary>
    public static ErrorRecord ToErrorRecord(this Problem problem)
    {
        Exception exception = problem.Kind switch
        {
            ProblemKind.InvalidWildcardPattern => new WildcardPatternException(problem.Message),
            // Not the argument's fault: the input was made by another policy than the one answering.
            ProblemKind.PolicyMismatch => new InvalidOperationException(problem.Message),
            _ => problem.Class == ProblemClass.ObjectNotFound ? new ItemNotFoundException(problem.Message) : new ArgumentException(problem.Message),
        };
        var category = problem.Class switch
        {
            ProblemClass.ObjectNotFound => ErrorCategory.ObjectNotFound,
            ProblemClass.InvalidData => ErrorCategory.InvalidData,
            _ => ErrorCategory.InvalidArgument,
        };
        return new ErrorRecord(exception, problem.Kind.ToString(), category, problem.Target)
        {
            ErrorDetails = new ErrorDetails(problem.Message) { RecommendedAction = problem.RecommendedAction },
        }.Inert();
    }
}
