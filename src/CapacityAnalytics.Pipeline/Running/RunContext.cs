using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Configuration;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>Everything a stage needs: the pipeline, its capacity model, the open warehouse, the clock and the observer.</summary>
public sealed record RunContext
{
    public required PipelineConfig Config { get; init; }
    public required CapacityModel Model { get; init; }
    public required DuckDBConnection Connection { get; init; }
    public required TimeProvider Clock { get; init; }
    public required IRunObserver Observer { get; init; }
    public required string RunId { get; init; }
    public string Trigger { get; init; } = "manual";
}
