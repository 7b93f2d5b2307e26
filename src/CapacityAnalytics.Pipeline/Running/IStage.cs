namespace CapacityAnalytics.Pipeline.Running;

/// <summary>One step of the pipeline (ingest, transform, calibrate, publish).</summary>
public interface IStage
{
    string Name { get; }

    /// <summary>True for the stage that writes the publish targets: a failure before it leaves them as they were.</summary>
    bool WritesPublishTargets => false;

    /// <summary>
    /// Called under the warehouse's writer lock first of all, even when the run will find nothing to do: finishes what
    /// a killed run left half done that must not wait (a publish committed but not switched on every target). Returns
    /// a note for the run report, or null.
    /// </summary>
    string? Recover(RunContext context) => null;

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
