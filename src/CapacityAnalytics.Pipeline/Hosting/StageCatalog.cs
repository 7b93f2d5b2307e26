using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Stages.Transform;

namespace CapacityAnalytics.Pipeline.Hosting;

/// <summary>The pipeline's stages in their fixed order, built for one run; a schedule or command may run a subset.</summary>
public static class StageCatalog
{
    public static readonly IReadOnlyList<string> Names = ["ingest", "transform", "calibrate", "publish"];

    /// <param name="samples">Writes the sample company of a source declared with <c>sample:</c>; null where none may be generated.</param>
    public static IReadOnlyList<IStage> For(PipelineConfig config, IReadOnlyCollection<string>? only = null, SampleWriter? samples = null)
    {
        var wanted = only is { Count: > 0 } ? only : Names;
        var stages = new List<IStage>();
        foreach (var name in Names.Where(wanted.Contains))
        {
            stages.Add(name switch
            {
                "ingest" => IngestStage.Default(samples),
                "transform" => TransformStage.Default(),
                "calibrate" => new CalibrateStage(),
                "publish" => new PublishStage(PublishTargets.For(config)),
                _ => throw new ConfigurationException($"unknown stage '{name}'"),
            });
        }
        return stages;
    }

    /// <summary>The stages whose recovery every run performs, whatever stages it runs (<see cref="PipelineRunner.Recovery"/>).</summary>
    public static IReadOnlyList<IStage> Recovery(PipelineConfig config) => [new PublishStage(PublishTargets.For(config))];
}
