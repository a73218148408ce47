using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Binding;

/// <summary>The one shape of every error about a policy that cannot be used, whichever cmdlet or parameter met it.</summary>
internal static class PolicyErrors
{
    /// <summary>What to do about a policy file that was refused.</summary>
    public const string FixTheFile =
        "Fix the file (its format: Get-Help about_ResidencyPS_PolicyFormat, and policy.schema.json in the module folder) and try again; the active policy was not changed.";

    /// <summary>
    /// One error per problem of a refused file (a policy, or with <paramref name="errorId"/> and
    /// <paramref name="recommendedAction"/> a waiver file): the file, the line and position, the JSON path and what is accepted.
    /// </summary>
    public static IEnumerable<ErrorRecord> Invalid(PolicyValidationException ex, object? target, string errorId = ErrorIds.InvalidPolicy,
        string recommendedAction = FixTheFile) =>
        ex.Problems.Select(problem =>
        {
            var message = ex.Origin + ": " + problem;
            return new ErrorRecord(new InvalidDataException(message, ex), errorId, ErrorCategory.InvalidData, target ?? ex.Origin)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };
        });

    /// <summary>A policy file that exists but cannot be read (permissions, a folder, an I/O failure).</summary>
    public static ErrorRecord Unreadable(Exception ex, string path) =>
        new ErrorRecord(ex, ErrorIds.PolicyFileUnreadable, ErrorCategory.ReadError, path)
        {
            ErrorDetails = new ErrorDetails("The policy file '" + path + "' cannot be read: " + ex.Message),
        };

    /// <summary>A path that names a device, a pipe, a socket or an empty file, refused before it is opened.</summary>
    public static ErrorRecord NotRegular(NotRegularFileException ex, string path) =>
        new ErrorRecord(ex, ErrorIds.NotRegularFile, ErrorCategory.InvalidArgument, path)
        {
            ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Name a regular file; copy the content of a device or pipe into a file first." },
        };

    /// <summary>The session's policy could not be loaded at all (a damaged module).</summary>
    public static ErrorRecord Unavailable(Exception ex) =>
        new ErrorRecord(ex, ErrorIds.PolicyUnavailable, ErrorCategory.InvalidData, null)
        {
            ErrorDetails = new ErrorDetails("No policy is available to answer from: " + ex.Message)
            {
                RecommendedAction = "Run Import-ResidencyPolicy -Default, or reinstall the module.",
            },
        };

    /// <summary>The message a -Policy argument that names a bad file fails with (parameter binding takes one message).</summary>
    public static string TransformationMessage(PolicyValidationException ex) =>
        string.Join(Environment.NewLine, ex.Problems.Select(problem => ex.Origin + ": " + problem));

    /// <summary>Loads a policy file; errors already written for the caller, null when it failed.</summary>
    public static ResidencyPolicy? TryLoad(PSCmdlet cmdlet, string file, string target, System.Threading.CancellationToken cancel)
    {
        try
        {
            return PolicyLoader.LoadFile(file, cancel);
        }
        catch (PolicyValidationException ex)
        {
            foreach (var error in Invalid(ex, target))
            {
                cmdlet.WriteError(error);
            }
        }
        catch (NotRegularFileException ex)
        {
            cmdlet.WriteError(NotRegular(ex, target));
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            cmdlet.WriteError(Unreadable(ex, target));
        }

        return null;
    }
}
