using System.Diagnostics;
using System.Reflection;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>The outcome of a separate pwsh process.</summary>
public sealed record PwshResult(int ExitCode, string Output, string Error);

/// <summary>Runs scripts in fresh pwsh processes (the dotnet tool), as a scheduled task or a new console would.</summary>
public static class PwshProcess
{
    private static readonly string PwshDll = Directory
        .GetFiles(typeof(PwshProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PowerShellToolFolder").Value!,
            "pwsh.dll", SearchOption.AllDirectories)
        .OrderBy(p => p.Contains(OperatingSystem.IsWindows() ? "win" : "unix", StringComparison.Ordinal) ? 0 : 1)
        .First();

    /// <summary>Runs <paramref name="script"/> with -NoProfile; <paramref name="environment"/> overrides variables (null removes one).</summary>
    public static PwshResult Run(string script, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null) =>
        Start(new[] { "-Command", script }, environment, timeout, workingDirectory);

    /// <summary>Runs a script file as a scheduler does: pwsh -NoProfile -NonInteractive -File <paramref name="file"/>.</summary>
    public static PwshResult RunFile(string file, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        Start(new[] { "-File", file }, environment, timeout);

    /// <summary>Starts <paramref name="script"/> in a pwsh that runs until it ends or is killed; its output is redirected.</summary>
    public static Process StartBackground(string script)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { PwshDll, "-NoProfile", "-NonInteractive", "-Command", script })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PSModulePath");
        return Process.Start(start)!;
    }

    private static PwshResult Start(string[] arguments, IDictionary<string, string?>? environment, TimeSpan? timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory != null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in new[] { PwshDll, "-NoProfile", "-NonInteractive" }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        // The in-process PowerShell of the test host rewrites PSModulePath; a fresh pwsh must compute its own.
        start.Environment.Remove("PSModulePath");
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            if (pair.Value == null)
            {
                start.Environment.Remove(pair.Key);
            }
            else
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pwsh did not finish: " + string.Join(" ", arguments));
        }

        return new PwshResult(process.ExitCode, output.Result, error.Result);
    }
}
