using System;
using System.IO;
using System.Reflection;

namespace ResidencyPS.IO;

/// <summary>
/// A file's Unix permissions, read and set through File.GetUnixFileMode and File.SetUnixFileMode (.NET 7 and later, so
/// PowerShell 7), found once by name since netstandard2.0 lacks them. On Windows and in Windows PowerShell 5.1 they are
/// absent, and a replaced file keeps the folder's inherited access rules as before.
/// </summary>
internal static class UnixMode
{
    private static readonly MethodInfo? Get = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

    private static readonly MethodInfo? SetMethod = Get == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), Get.ReturnType });

    /// <summary>The permissions of <paramref name="path"/> (a boxed UnixFileMode); null where the platform has none.</summary>
    public static object? Of(string path)
    {
        if (Get == null || Environment.OSVersion.Platform != PlatformID.Unix)
        {
            return null;
        }

        try
        {
            return Get.Invoke(null, new object[] { path });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Gives <paramref name="path"/> the permissions <paramref name="mode"/> from <see cref="Of"/>; nothing when it is null.</summary>
    public static void Set(string path, object? mode)
    {
        if (mode == null || SetMethod == null)
        {
            return;
        }

        try
        {
            SetMethod.Invoke(null, new[] { path, mode });
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }
}
