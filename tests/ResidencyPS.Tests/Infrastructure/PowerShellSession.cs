using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>The outcome of one script: what it wrote to the pipeline and to the error stream.</summary>
public sealed record ScriptResult(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors)
{
    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    public IReadOnlyList<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId).ToList();
}

/// <summary>
/// A real runspace (CreateDefault2, as pwsh has) with the built module imported by path, as a user imports it.
/// One per test class; each script runs in it in turn.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;
    private readonly object _gate = new();

    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("ModuleManifest", TestPaths.RequireModule());
        var import = Run("Import-Module $ModuleManifest -ErrorAction Stop; Get-Module ResidencyPS");
        if (import.Errors.Count > 0 || import.Output.Count != 1)
        {
            throw new InvalidOperationException("Importing the module failed: " + string.Join("; ", import.Errors));
        }
    }

    /// <summary>Runs a script; errors are collected, not thrown, so tests can assert them.</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        lock (_gate)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            foreach (var pair in variables ?? new Dictionary<string, object?>())
            {
                _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            }

            ps.AddScript(script);
            Collection<PSObject> output;
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                return new ScriptResult(new Collection<PSObject>(), ps.Streams.Error.Append(ex.ErrorRecord).ToList());
            }

            return new ScriptResult(output, ps.Streams.Error.ToList());
        }
    }

    /// <summary>Runs a script that must not write any error.</summary>
    public Collection<PSObject> RunClean(string script)
    {
        var result = Run(script);
        if (result.Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The script wrote errors: " + string.Join(" | ", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }

        return result.Output;
    }

    public void Dispose() => _runspace.Dispose();
}
