using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench;

/// <summary>
/// Runs one benchmark profile: generates (or reuses) its company, warms the page cache, links its files into the run's
/// own extract folder, runs every pipeline stage on a fresh warehouse with every serverless publish target, adds one new
/// day of data to the run's folder and runs the pipeline again on the same warehouse (the incremental profile), then the
/// raw read_csv floor on the generated files.
/// </summary>
/// <param name="clock">The runs' clock (the system clock by default); it decides what is plausible and names the runs.</param>
public sealed class BenchRunner(string dataRoot, string runRoot, int seed, IRunObserver observer, TimeProvider? clock = null)
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
        // The generated company is reused by later runs: this run reads, and adds the new day to, its own folder.
        var extracts = Path.Combine(runDirectory, "extracts");
        var linked = RunExtracts.Create(input, extracts);
        if (linked < input.Files.Count) observer.Note($"{profile.Name}: {input.Files.Count - linked} of {input.Files.Count} extract files copied (the file system cannot hard-link them)");

        observer.Note($"{profile.Name}: pipeline (ingest, transform, calibrate, publish) into {runDirectory}");
        Settle();
        var config = Config(extracts, Path.Combine(runDirectory, "pipeline"));
        var stages = new BenchObserver(sampler, observer);
        RunPipeline(config, stages, cancellationToken);

        var newDay = NewDay.Write(extracts);
        observer.Note(FormattableString.Invariant(
            $"{profile.Name}: incremental: one new day ({newDay.Day:yyyy-MM-dd}, {newDay.Rows:N0} rows in {newDay.Files.Count} files), the pipeline again on the same warehouse"));
        Settle();
        var incrementalStages = new BenchObserver(sampler, observer);
        var summary = RunPipeline(config, incrementalStages, cancellationToken, DailyStages);
        var ingest = summary.Stages.FirstOrDefault(s => s.Stage == "ingest");
        var incremental = new IncrementalResult(newDay, incrementalStages.Stages,
            ingest?.Details ?? (summary.NothingToDo ? ["no new input: nothing to do"] : []));

        observer.Note($"{profile.Name}: floor (one read_csv per entity into a fresh DuckDB file)");
        Settle();
        var floor = FloorLoad.Run(input, Path.Combine(runDirectory, "floor.duckdb"), sampler, cancellationToken);
        return new ProfileResult(profile, seed, input, floor, stages.Stages, incremental);
    }

    /// <summary>
    /// The stages of the daily run after the new day, as the sample pipeline schedules them (its `daily` schedule):
    /// calibration is a quarterly job (`quarterly-calibration`), so the daily run does not refit the model.
    /// </summary>
    public static readonly IReadOnlyList<string> DailyStages = ["ingest", "transform", "publish"];

    /// <summary>
    /// One pipeline run, its stages timed by <paramref name="stages"/>; what the run does outside its stages (opening
    /// the warehouse, hashing new input files, planning, the run log) is timed as the step "run bookkeeping", so the
    /// steps add up to the run's wall time.
    /// </summary>
    private RunSummary RunPipeline(PipelineConfig config, BenchObserver stages, CancellationToken cancellationToken, IReadOnlyCollection<string>? only = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var summary = new PipelineRunner(clock ?? TimeProvider.System, stages).Run(config, StageCatalog.For(config, only), "bench", cancellationToken);
        stages.AddBookkeeping(watch.Elapsed.TotalSeconds);
        return summary;
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
