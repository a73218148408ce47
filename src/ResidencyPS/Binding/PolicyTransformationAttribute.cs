using System;
using System.IO;
using System.Management.Automation;
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
                // Through the module's one path resolver, as -Path elsewhere: a wildcard naming one file, PSDrives, only
                // file system paths ('Function:/prompt' once read ./prompt from the process's working folder).
                if (PathResolver.ExistingFile(engineIntrinsics.SessionState.Path, path, literal: false, "policy file", ErrorIds.PolicyFileNotFound, out var error) is string found)
                {
                    return Load(found);
                }

                throw new ArgumentTransformationMetadataException("-Policy takes a policy object or the path of a policy file: " + error!.Exception.Message, error.Exception);
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
