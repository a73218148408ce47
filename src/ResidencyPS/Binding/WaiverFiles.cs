using System;
using System.Management.Automation;
using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Binding;

/// <summary>A waiver file as a cmdlet meets it: loaded once per pipeline, its faults as error records, its stale waivers as warnings.</summary>
internal static class WaiverFiles
{
    private static readonly InputFiles.Kind Kind = new InputFiles.Kind(WaiverLoader.What, ErrorIds.WaiverFileNotFound, ErrorIds.InvalidWaiver, ErrorIds.WaiverFileInvalid,
        "Fix the waiver file (Get-Help about_ResidencyPS_Waivers) and run the test again.", "nothing was tested.");

    /// <summary>
    /// Loads the waiver file, warning about expired waivers. A file that cannot be used writes one InvalidWaiver error
    /// per problem (file, line, position, JSON path) and then stops the cmdlet: nothing is tested against half a file.
    /// </summary>
    /// <param name="cmdlet">The cmdlet that writes the errors and warnings.</param>
    /// <param name="path">The waiver file as given.</param>
    /// <param name="policy">The policy whose names the waivers use.</param>
    /// <param name="warningDays">Warn about every current waiver whose last day is at most this many days away; null for none.</param>
    public static WaiverSet Load(PSCmdlet cmdlet, string path, ResidencyPolicy policy, int? warningDays = null)
    {
        var waivers = InputFiles.Load(cmdlet, path, Kind, file => WaiverLoader.LoadFile(file, policy, NameFilter.WildcardTest, DateTime.UtcNow));
        foreach (var expired in waivers.Expired)
        {
            cmdlet.WriteWarning("Waiver " + expired + " in " + waivers.Origin + " has expired and no longer applies: review it, then renew or remove it.");
        }

        foreach (var invalidated in waivers.Invalidated)
        {
            cmdlet.WriteWarning("Waiver " + invalidated + " in " + waivers.Origin + " no longer applies: " + invalidated.Invalidated
                + ". Review it against the policy text (Get-PolicyStatement), then update what it names or remove it.");
        }

        foreach (var (waiver, daysLeft) in warningDays is int days ? waivers.ExpiringWithin(days) : Array.Empty<(Waiver, int)>())
        {
            cmdlet.WriteWarning("Waiver " + waiver + " in " + waivers.Origin + (daysLeft == 0 ? " expires today (UTC): from tomorrow" : " expires in " + daysLeft + " day" + (daysLeft == 1 ? string.Empty : "s")
                + ": after that") + " the results it covers no longer pass. Review it, then renew or remove it.");
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
