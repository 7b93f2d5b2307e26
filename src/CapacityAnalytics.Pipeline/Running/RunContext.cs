using CapacityAnalytics.Core.Model;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Incremental;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>Everything a stage needs: the pipeline, its model, the open warehouse, the clock and the observer.</summary>
public sealed class RunContext
{
    public required PipelineConfig Config { get; init; }
    public required CapacityModel Model { get; init; }
    public required DuckDBConnection Connection { get; init; }
    public required TimeProvider Clock { get; init; }
    public required IRunObserver Observer { get; init; }
    public required string RunId { get; init; }
    public string Trigger { get; init; } = "manual";
    /// <summary>What changed in the input since the last ingest (set when the run includes ingest).</summary>
    public IncrementalPlan? Incremental { get; set; }
    /// <summary>Values a stage leaves for later ones (e.g. open alerts for the summary).</summary>
    public Dictionary<string, object> Outputs { get; } = [];
}
