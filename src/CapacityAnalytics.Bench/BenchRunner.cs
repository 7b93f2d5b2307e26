using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench;

/// <summary>
/// Runs one benchmark profile: generates (or reuses) its company, warms the page cache, runs every pipeline stage on
/// a fresh warehouse with every serverless publish target, then the raw read_csv floor on the same files.
/// </summary>
public sealed class BenchRunner(string dataRoot, string runRoot, int seed, IRunObserver observer)
{
    public ProfileResult Run(BenchProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var sampler = new MemorySampler();
        var progress = new Progress(observer);
        var input = BenchData.Ensure(profile, seed, BenchData.DirectoryFor(dataRoot, profile, seed), sampler, progress);
        BenchData.WarmCache(input);

        var runDirectory = Path.Combine(runRoot, FormattableString.Invariant($"{profile.Name}-seed{seed}"));
        if (Directory.Exists(runDirectory)) Directory.Delete(runDirectory, recursive: true);
        Directory.CreateDirectory(runDirectory);

        observer.Note($"{profile.Name}: pipeline (ingest, transform, calibrate, publish) into {runDirectory}");
        Settle();
        var config = Config(input.Directory, Path.Combine(runDirectory, "pipeline"));
        var stages = new BenchObserver(sampler, observer);
        new PipelineRunner(TimeProvider.System, stages).Run(config, StageCatalog.For(config), "bench", cancellationToken);

        observer.Note($"{profile.Name}: floor (one read_csv per entity into a fresh DuckDB file)");
        Settle();
        var floor = FloorLoad.Run(input, Path.Combine(runDirectory, "floor.duckdb"), sampler, cancellationToken);
        return new ProfileResult(profile, seed, input, floor, stages.Stages);
    }

    /// <summary>The ad-hoc canonical pipeline over the company with every serverless publish target.</summary>
    public static PipelineConfig Config(string extracts, string outDirectory)
    {
        var config = AdHocPipeline.For(extracts, SourceConfig.CanonicalPreset, outDirectory);
        config.Name = "bench";
        config.Publish.Duckdb = new DuckDbTarget();
        config.Publish.Parquet = new ParquetTarget();
        config.Publish.Dashboard = new DashboardTarget();
        config.Publish.Powerbi = new PowerBiTarget();
        return config;
    }

    /// <summary>Starts each measured phase from a collected managed heap, so its peak is its own.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed class Progress(IRunObserver observer) : IProgress<string>
    {
        public void Report(string value) => observer.Note(value);
    }
}
