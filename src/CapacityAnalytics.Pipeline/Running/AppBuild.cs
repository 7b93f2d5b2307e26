using System.Security.Cryptography;
using System.Text;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>
/// Which build of the code that computes a run's outputs is running: the module version ids of the pipeline and core
/// assemblies, hashed. The build is deterministic, so the same source gives the same id and any change to either
/// assembly a new one. What a run keeps from an earlier one (raw tables it does not reload, Parquet files and dashboard
/// data it does not write again) must have been made by this build, or the new code's results would not reach the outputs.
/// </summary>
public static class AppBuild
{
    /// <summary>16 lower-case hex digits.</summary>
    public static string Id { get; } = Compute();

    private static string Compute()
    {
        var text = new StringBuilder();
        foreach (var assembly in new[] { typeof(AppBuild).Assembly, typeof(InputContract).Assembly })
        {
            text.Append(assembly.GetName().Name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
