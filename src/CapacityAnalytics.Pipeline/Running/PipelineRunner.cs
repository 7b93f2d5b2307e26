using System.Diagnostics;
using System.Globalization;
using CapacityAnalytics.Core.Model;
using CapacityAnalytics.Pipeline.Configuration;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>Runs a pipeline's stages in order against its warehouse and reports each stage.</summary>
public sealed class PipelineRunner(TimeProvider clock, IRunObserver observer)
{
    public RunSummary Run(PipelineConfig config, IReadOnlyList<IStage> stages, string trigger = "manual", CancellationToken cancellationToken = default)
    {
        var model = LoadModel(config);
        Directory.CreateDirectory(Path.GetDirectoryName(config.WarehousePath)!);
        var started = clock.GetUtcNow();
        var runId = started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + config.Name;
        using var connection = new DuckDBConnection($"DataSource={config.WarehousePath}");
        connection.Open();
        var context = new RunContext
        {
            Config = config,
            Model = model,
            Connection = connection,
            Clock = clock,
            Observer = observer,
            RunId = runId,
            Trigger = trigger,
        };
        var results = new List<StageResult>();
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            observer.StageStarted(stage.Name);
            var watch = Stopwatch.StartNew();
            var result = stage.Run(context, cancellationToken) with { Seconds = watch.Elapsed.TotalSeconds };
            results.Add(result);
            observer.StageCompleted(result);
        }
        return new RunSummary(runId, config.WarehousePath, results, context.Outputs);
    }

    private static CapacityModel LoadModel(PipelineConfig config)
    {
        if (!File.Exists(config.ModelPath))
        {
            throw new ConfigurationException($"{config.SourceFile}: key 'model' points at {config.ModelPath}, which does not exist; copy pipelines/capacity-model.yaml there.");
        }
        try
        {
            return CapacityModelLoader.LoadFile(config.ModelPath);
        }
        catch (ModelFileException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}

/// <summary>What a run did, for the CLI's summary.</summary>
public sealed record RunSummary(string RunId, string WarehousePath, IReadOnlyList<StageResult> Stages, IReadOnlyDictionary<string, object> Outputs);
