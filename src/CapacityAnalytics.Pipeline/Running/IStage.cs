namespace CapacityAnalytics.Pipeline.Running;

/// <summary>One step of the pipeline (ingest, transform, calibrate, publish).</summary>
public interface IStage
{
    string Name { get; }

    /// <summary>
    /// Called under the warehouse's writer lock before any stage of the run starts. A stage that finds the whole run
    /// has nothing to do (no input changed since the last good run) returns the reason; otherwise null.
    /// </summary>
    string? Prepare(RunContext context, IReadOnlyList<string> stagesInRun) => null;

    StageResult Run(RunContext context, CancellationToken cancellationToken);

    /// <summary>Called once every stage of the run has succeeded, before the run is logged as ok.</summary>
    void Complete(RunContext context, IReadOnlyList<string> stagesInRun)
    {
    }
}
