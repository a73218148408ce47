using System;
using System.IO;
using System.Management.Automation;
using ResidencyPS.Reports;

namespace ResidencyPS.Binding;

/// <summary>A controller answers file as a cmdlet meets it: loaded once, its faults as error records, then a stop.</summary>
internal static class ControllerFiles
{
    /// <summary>
    /// Loads the file. A file that cannot be used writes one InvalidControllerFile error per problem (file, line, position,
    /// JSON path) and then stops the cmdlet: no record is written with half the controller's answers.
    /// </summary>
    public static ControllerAnswers Load(PSCmdlet cmdlet, string path, ResidencyPolicy policy)
    {
        var file = PathResolver.ExistingFile(cmdlet, path, literal: false, ControllerAnswers.What, ErrorIds.ControllerFileNotFound);
        ControllerAnswers? answers = null;
        if (file != null)
        {
            try
            {
                answers = ControllerAnswers.LoadFile(file, policy);
            }
            catch (PolicyValidationException ex)
            {
                foreach (var error in PolicyErrors.Invalid(ex, path, ErrorIds.InvalidControllerFile, "Fix the controller answers file (Get-Help Export-ResidencyReport -Parameter ControllerPath) and write the record again."))
                {
                    cmdlet.WriteError(error);
                }
            }
            catch (NotRegularFileException ex)
            {
                cmdlet.WriteError(PolicyErrors.NotRegular(ex, path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ControllerFileInvalid, ErrorCategory.ReadError, path));
            }
        }

        if (answers == null)
        {
            var stop = "The controller answers file '" + path + "' cannot be used (see the errors above); no record was written.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidDataException(stop), ErrorIds.ControllerFileInvalid, ErrorCategory.InvalidData, path)
            {
                ErrorDetails = new ErrorDetails(stop),
            });
        }

        return answers!;
    }
}
