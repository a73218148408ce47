using System.Management.Automation;
using System.Threading;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Commands;

/// <summary>
/// Starts parsing the embedded policy on a thread-pool thread when the module is imported, so the parse overlaps
/// with the rest of Import-Module (format and types files) instead of delaying the first answer. The policy is
/// still parsed once per process: a query that arrives first simply waits for the same lazy value.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <inheritdoc />
    public void OnImport() => ThreadPool.QueueUserWorkItem(_ => PolicyStore.Warm());
}
