using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Support;

/// <summary>A run's context over a test warehouse, for publishing or running one stage outside a pipeline run.</summary>
public static class TestRunContext
{
    public static RunContext For(DuckDBConnection connection, string runId = "run", PipelineConfig? config = null) => new()
    {
        Config = config ?? new PipelineConfig { Name = "t" },
        Model = new CapacityModel(),
        Connection = connection,
        Clock = TimeProvider.System,
        Observer = SilentObserver.Instance,
        RunId = runId,
    };
}
