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

    // FileStreamOptions.UnixCreateMode (.NET 7 and later): the file is created with its permissions, so there is no moment
    // in which it exists with wider ones (a reader who opened it then kept a handle to everything written after).
    private static readonly Type? OptionsType = Type.GetType("System.IO.FileStreamOptions, System.Private.CoreLib", throwOnError: false);

    private static readonly ConstructorInfo? StreamWithOptions = OptionsType == null ? null : typeof(FileStream).GetConstructor(new[] { typeof(string), OptionsType });

    /// <summary>
    /// A new file, opened for writing without sharing, created with the permissions <paramref name="mode"/> from
    /// <see cref="Of"/> where the platform can (PowerShell 7 on Unix); with the default ones when <paramref name="mode"/>
    /// is null or it cannot.
    /// </summary>
    public static FileStream CreateNew(string path, object? mode)
    {
        if (mode != null && OptionsType != null && StreamWithOptions != null)
        {
            var options = Activator.CreateInstance(OptionsType)!;
            OptionsType.GetProperty("Mode")!.SetValue(options, FileMode.CreateNew);
            OptionsType.GetProperty("Access")!.SetValue(options, FileAccess.Write);
            OptionsType.GetProperty("Share")!.SetValue(options, FileShare.None);
            OptionsType.GetProperty("UnixCreateMode")!.SetValue(options, mode);
            try
            {
                return (FileStream)StreamWithOptions.Invoke(new[] { path, options });
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
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
