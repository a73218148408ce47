using System;
using System.IO;
using System.Management.Automation;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Binding;

/// <summary>A waiver file as a cmdlet meets it: loaded once per pipeline, its faults as error records, its stale waivers as warnings.</summary>
internal static class WaiverFiles
{
    /// <summary>
    /// Loads the waiver file, warning about expired waivers. A file that cannot be used writes one InvalidWaiver error
    /// per problem (file, line, position, JSON path) and then stops the cmdlet: nothing is tested against half a file.
    /// </summary>
    public static WaiverSet Load(PSCmdlet cmdlet, string path, ResidencyPolicy policy)
    {
        var file = PathResolver.ExistingFile(cmdlet, path, literal: false, WaiverLoader.What, ErrorIds.WaiverFileNotFound);
        WaiverSet? waivers = null;
        if (file != null)
        {
            try
            {
                waivers = WaiverLoader.LoadFile(file, policy, NameFilter.WildcardTest, DateTime.UtcNow);
            }
            catch (PolicyValidationException ex)
            {
                foreach (var error in PolicyErrors.Invalid(ex, path, ErrorIds.InvalidWaiver, "Fix the waiver file (Get-Help about_ResidencyPS_Waivers) and run the test again."))
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
                cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.WaiverFileInvalid, ErrorCategory.ReadError, path));
            }
        }

        if (waivers == null)
        {
            var stop = "The waiver file '" + path + "' cannot be used (see the errors above); nothing was tested.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidDataException(stop), ErrorIds.WaiverFileInvalid, ErrorCategory.InvalidData, path)
            {
                ErrorDetails = new ErrorDetails(stop),
            });
        }

        foreach (var expired in waivers!.Expired)
        {
            cmdlet.WriteWarning("Waiver " + expired + " in " + waivers.Origin + " has expired and no longer applies: review it, then renew or remove it.");
        }

        return waivers;
    }

    /// <summary>Warns about every current waiver that covered no result: a stale waiver hides change.</summary>
    public static void WarnUnused(PSCmdlet cmdlet, WaiverSet waivers)
    {
        foreach (var unused in waivers.Unused)
        {
            cmdlet.WriteWarning("Waiver " + unused + " in " + waivers.Origin + " covered none of the results: remove it, or check its product, data category and verdict.");
        }
    }
}
