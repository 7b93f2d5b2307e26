using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Publish;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Stages;

/// <summary>The pipeline's stages in their fixed order; a schedule or command may run a subset.</summary>
public static class StageCatalog
{
    public static readonly IReadOnlyList<string> Names = ["ingest", "transform", "calibrate", "publish"];

    public static IReadOnlyList<IStage> For(PipelineConfig config, IReadOnlyCollection<string>? only = null)
    {
        var wanted = only is { Count: > 0 } ? only : Names;
        var stages = new List<IStage>();
        foreach (var name in Names.Where(wanted.Contains))
        {
            stages.Add(name switch
            {
                "ingest" => IngestStage.Default(),
                "transform" => TransformStage.Default(),
                "calibrate" => new CalibrateStage(),
                "publish" => PublishStage.For(config),
                _ => throw new ConfigurationException($"unknown stage '{name}'"),
            });
        }
        return stages;
    }
}
