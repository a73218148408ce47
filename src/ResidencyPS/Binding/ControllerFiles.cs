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
    public static ControllerAnswers Load(PSCmdlet cmdlet, string path, ResidencyPolicy policy) =>
        InputFiles.Load(cmdlet, path, Kind, file => ControllerAnswers.LoadFile(file, policy));

    private static readonly InputFiles.Kind Kind = new InputFiles.Kind(ControllerAnswers.What, ErrorIds.ControllerFileNotFound, ErrorIds.InvalidControllerFile,
        ErrorIds.ControllerFileInvalid, "Fix the controller answers file (Get-Help Export-ResidencyReport -Parameter ControllerPath) and write the record again.",
        "no record was written.");
}
