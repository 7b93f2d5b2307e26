namespace CapacityAnalytics.Pipeline.Running;

/// <summary>One step of the pipeline (ingest, transform, calibrate, publish).</summary>
public interface IStage
{
    string Name { get; }

    StageResult Run(RunContext context, CancellationToken cancellationToken);
}
