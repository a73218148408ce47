using System.IO;
using System.Management.Automation;
using System;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Binding;

/// <summary>
/// Lets a policy parameter take a policy object or the path of a policy file, so
/// <c>-Policy ./vendor.json</c> and <c>-Policy (Get-ResidencyPolicy)</c> both work.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PolicyTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case ResidencyPolicy policy:
                return policy;
            case FileInfo file:
                return Load(file.FullName);
            case string path when !string.IsNullOrWhiteSpace(path):
                // Only a file system path: 'Function:/prompt' once read ./prompt from the process's working folder.
                var resolved = engineIntrinsics.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                if (provider.Name != "FileSystem")
                {
                    throw new ArgumentTransformationMetadataException(
                        "'" + path + "' is a path of the " + provider.Name + " provider; -Policy takes a policy object or the file system path of a policy file.");
                }

                return Load(resolved);
            default:
                throw new ArgumentTransformationMetadataException(
                    "Expected a policy (from Get-ResidencyPolicy or Import-ResidencyPolicy -PassThru) or the path of a policy file, not '" + value + "'.");
        }
    }

    private static ResidencyPolicy Load(string path)
    {
        try
        {
            return PolicyLoader.LoadFile(path);
        }
        catch (PolicyValidationException ex)
        {
            throw new ArgumentTransformationMetadataException(PolicyErrors.TransformationMessage(ex), ex);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
