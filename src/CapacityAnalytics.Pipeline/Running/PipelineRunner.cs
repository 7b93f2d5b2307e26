using System.Diagnostics;
using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>
/// Runs a pipeline's stages in order against its warehouse: holds the warehouse's writer lock, logs the run in
/// <c>pipeline_run</c> and reports each stage. Every stage is first asked to prepare (<see cref="IStage.Prepare"/>):
/// when one finds that nothing changed since the last good run, the run does nothing and logs 'skipped'.
/// Cancellation is checked between stages; a cancelled or failed stage rolls back its own work.
/// </summary>
public sealed class PipelineRunner(TimeProvider clock, IRunObserver observer)
{
    /// <summary>How long a run waits for another run on the same warehouse before giving up.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Stages whose recovery runs first even when the run does not include them (a publish a killed run committed but
    /// did not switch everywhere is finished by the next run of any kind).
    /// </summary>
    public Func<PipelineConfig, IReadOnlyList<IStage>>? Recovery { get; init; }

    public RunSummary Run(PipelineConfig config, IReadOnlyList<IStage> stages, string trigger = "manual", CancellationToken cancellationToken = default)
    {
        var model = LoadModel(config);
        using var writerLock = WarehouseLock.Acquire(config.WarehousePath, LockTimeout, cancellationToken);
        var started = clock.GetUtcNow();
        var runId = started.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture) + "-" + config.Name;
        writerLock.Describe(runId, started);
        using var connection = new DuckDBConnection($"DataSource={config.WarehousePath}");
        connection.Open();
        LimitMemory(connection, config);
        RunLog.MarkAbandoned(connection);
        RunLog.Started(connection, runId, config.Name, trigger, started);
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
        var names = stages.Select(s => s.Name).ToList();
        string? published = null;
        IStage? current = null;
        try
        {
            var recovering = stages.Concat((Recovery?.Invoke(config) ?? []).Where(r => !names.Contains(r.Name)));
            foreach (var stage in recovering)
            {
                if (stage.Recover(context) is { } recovered) observer.Note(recovered);
            }
            published = PublishLog.Last(connection) ?? "";
            foreach (var stage in stages)
            {
                if (stage.Prepare(context, names) is { } nothingToDo)
                {
                    observer.Note(nothingToDo);
                    RunLog.Finished(connection, runId, clock.GetUtcNow(), "skipped", results, null);
                    return new RunSummary(runId, config.WarehousePath, results) { NothingToDo = true };
                }
            }
            foreach (var stage in stages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = stage;
                observer.StageStarted(stage.Name);
                var watch = Stopwatch.StartNew();
                var result = stage.Run(context, cancellationToken) with { Seconds = watch.Elapsed.TotalSeconds };
                results.Add(result);
                observer.StageCompleted(result);
            }
            foreach (var stage in stages) stage.Complete(context, names);
        }
        catch (Exception ex)
        {
            var status = ex is OperationCanceledException ? "cancelled" : "failed";
            if (current is not null) ex.Data[RunLog.StageKey] = current.Name;
            // Before the publish stage no target was touched: they hold what they held when the run started, which is
            // what the message can say even when the failure left the warehouse unreadable (a full disk).
            if (published is not null && current?.WritesPublishTargets != true) ex.Data[PublishLog.PublishedRunKey] = published;
            try
            {
                RunLog.Finished(connection, runId, clock.GetUtcNow(), status, results, ex.Message, ex.Data[RunLog.RejectsKey] as long? ?? 0);
                ex.Data[PublishLog.PublishedRunKey] = PublishLog.Last(connection) ?? "";
            }
#pragma warning disable CA1031 // The warehouse may be unusable after the failure (a full disk invalidates it): the first cause is the one to report.
            catch (Exception logging) when (logging is not OperationCanceledException)
#pragma warning restore CA1031
            {
                ex.Data[RunLog.NotLoggedKey] = logging.Message.Split('\n')[0];
            }
            throw;
        }
        RunLog.Finished(connection, runId, clock.GetUtcNow(), "ok", results, null);
        return new RunSummary(runId, config.WarehousePath, results);
    }

    private static void LimitMemory(DuckDBConnection connection, PipelineConfig config)
    {
        using var command = connection.CreateCommand();
        var spill = Path.Combine(Path.GetDirectoryName(config.WarehousePath)!, ".duckdb-spill");
        // FSST (string compression) off: the warehouse's text is mostly short ids and categories that dictionary
        // compression already holds; analysing FSST for every string column cost 0.3 to 0.5 s of a full run at L for a
        // warehouse 7% smaller (docs/bench.md).
        command.CommandText = $"set memory_limit = '{config.MemoryLimit.Replace("'", "", StringComparison.Ordinal)}'; "
            + $"set temp_directory = '{spill.Replace("'", "''", StringComparison.Ordinal)}'; "
            + "set disabled_compression_methods = 'fsst'";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException ex)
        {
            throw new ConfigurationException($"{config.SourceFile}: key 'memory_limit' '{config.MemoryLimit}' is not a size DuckDB accepts (e.g. 1536MB, 4GB): {ex.Message.Split('\n')[0]}", ex);
        }
    }

    /// <summary>The pipeline's model file, loaded; a missing or bad file is a configuration error naming it.</summary>
    public static CapacityModel LoadModel(PipelineConfig config)
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
public sealed record RunSummary(string RunId, string WarehousePath, IReadOnlyList<StageResult> Stages)
{
    /// <summary>The result of the named stage's type, when that stage ran.</summary>
    public T? Stage<T>() where T : StageResult => Stages.OfType<T>().FirstOrDefault();

    /// <summary>No input changed since the last successful run: no stage ran, nothing was written but the run log.</summary>
    public bool NothingToDo { get; init; }
}
