using System.Runtime.CompilerServices;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>
/// One temporary folder per test run, made the process's temporary folder before any test starts: documented examples
/// write fixed names under [IO.Path]::GetTempPath() (broken-policy.json, article30.csv), and under the shared system
/// folder a second user, or a second run at the same time, would find another run's file and fail. Everything the run
/// and its child processes (fresh pwsh, Chromium, Pester's TestDrive) put in "the temporary folder" lands here instead,
/// and the folder is removed when the run ends.
/// </summary>
public static class RunTemp
{
    /// <summary>The system's temporary folder, as it was before this run replaced it.</summary>
    public static string SystemTemp { get; private set; } = Path.GetTempPath();

    /// <summary>This run's own temporary folder.</summary>
    public static string Folder { get; private set; } = string.Empty;

    /// <summary>The environment variables that name the temporary folder, on Unix (TMPDIR) and Windows (TMP, TEMP).</summary>
    public static readonly string[] Variables = { "TMPDIR", "TMP", "TEMP" };

#pragma warning disable CA2255 // A test assembly is the one place a module initializer belongs: it must run before any test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Start()
    {
        SystemTemp = Path.GetTempPath();
        RemoveStale();
        Folder = Directory.CreateTempSubdirectory("residencyps-run-").FullName;
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, Folder);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file: the folder is unique, so nothing else ever trips over it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }

    // A test host ended before its exit handler finished (a loaded machine, a killed run) leaves its folder behind.
    // Folders older than a day are no run's any more; another user's are not ours to delete and fail quietly, and a
    // run going on at the same time is younger than that.
    private static void RemoveStale()
    {
        foreach (var folder in Directory.EnumerateDirectories(SystemTemp, "residencyps-run-*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddDays(-1))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
