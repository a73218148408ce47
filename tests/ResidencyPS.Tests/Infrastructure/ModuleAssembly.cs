using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ResidencyPS.Tests.Infrastructure;

/// <summary>
/// The test project compiles against ResidencyPS but does not copy it: at run time it resolves from the
/// built module folder, so the engine tests, the runspace tests and the Pester specs all exercise the
/// very DLL users import.
/// </summary>
internal static class ModuleAssembly
{
    public static string ModuleDll => Path.Combine(Path.GetDirectoryName(TestPaths.ModuleManifest)!, "ResidencyPS.dll");

    [ModuleInitializer]
    internal static void HookResolution() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "ResidencyPS")
        {
            return null;
        }

        TestPaths.RequireModule();
        return context.LoadFromAssemblyPath(ModuleDll);
    }
}
