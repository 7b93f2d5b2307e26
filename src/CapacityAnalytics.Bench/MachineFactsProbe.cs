using System.Runtime.InteropServices;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Bench;

/// <summary>Reads the facts a benchmark report's header states about the machine and the build.</summary>
public static class MachineFactsProbe
{
    public static MachineFacts Read() => new(
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        DuckDbVersion(),
        BuildConfiguration,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    private static string DuckDbVersion()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection.Scalar<string>("select version()") ?? "unknown";
    }
}
