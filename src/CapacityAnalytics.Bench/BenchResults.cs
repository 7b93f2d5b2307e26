namespace CapacityAnalytics.Bench;

/// <summary>Highest process RSS and managed heap seen while a step ran.</summary>
public sealed record MemoryPeak(long RssBytes, long ManagedBytes)
{
    public static readonly MemoryPeak None = new(0, 0);

    public MemoryPeak Max(MemoryPeak other) =>
        new(Math.Max(RssBytes, other.RssBytes), Math.Max(ManagedBytes, other.ManagedBytes));
}

/// <summary>One timed step of a profile: sample generation, the raw load floor, or a pipeline stage.</summary>
public sealed record BenchStep(string Name, double Seconds, long Rows, MemoryPeak Memory);

/// <summary>The generated company a profile ran on.</summary>
/// <param name="Directory">Its folder.</param>
/// <param name="Files">Its extract files.</param>
/// <param name="Reused">It was already there with the same options (not generated in this run).</param>
/// <param name="Generation">Generation time and memory (the recorded time when reused).</param>
public sealed record BenchInput(string Directory, IReadOnlyList<BenchFile> Files, bool Reused, BenchStep Generation)
{
    public long Bytes => Files.Sum(f => f.Bytes);

    public long Rows => Files.Sum(f => f.Rows);
}

/// <summary>The raw DuckDB load of the same files: one read_csv per entity into a fresh database.</summary>
public sealed record FloorResult(IReadOnlyList<BenchStep> Entities, MemoryPeak Memory)
{
    public double Seconds => Entities.Sum(e => e.Seconds);

    public long Rows => Entities.Sum(e => e.Rows);
}

/// <summary>
/// The incremental profile: after the full run, one new day of data arrives as new files and the pipeline runs again on
/// the same warehouse and output folder.
/// </summary>
/// <param name="NewDay">The files written for the new day.</param>
/// <param name="Stages">Each stage of the second run, timed as the full run's.</param>
/// <param name="IngestDetails">What the ingest stage said it did (appended the new files, or a full ingest).</param>
public sealed record IncrementalResult(NewDayResult NewDay, IReadOnlyList<BenchStep> Stages, IReadOnlyList<string> IngestDetails)
{
    public double PipelineSeconds => Stages.Sum(s => s.Seconds);

    public MemoryPeak PipelineMemory => Stages.Aggregate(MemoryPeak.None, (peak, s) => peak.Max(s.Memory));

    /// <summary>Ingest appended the new files to the loaded ones (its details say so) rather than reloading everything.</summary>
    public bool Appended => IngestDetails.Any(d => d.StartsWith("appended ", StringComparison.Ordinal));
}

/// <summary>Everything measured for one profile.</summary>
/// <param name="Incremental">The second run after one new day; null in results made before it existed.</param>
public sealed record ProfileResult(BenchProfile Profile, int Seed, BenchInput Input, FloorResult Floor, IReadOnlyList<BenchStep> Stages,
    IncrementalResult? Incremental = null)
{
    public double PipelineSeconds => Stages.Sum(s => s.Seconds);

    public double IngestSeconds => Stages.Where(s => s.Name == "ingest").Sum(s => s.Seconds);

    public MemoryPeak PipelineMemory => Stages.Aggregate(MemoryPeak.None, (peak, s) => peak.Max(s.Memory));

    /// <summary>Pipeline time over floor time (NaN without a floor).</summary>
    public double TotalRatio => Ratio(PipelineSeconds, Floor.Seconds);

    /// <summary>Ingest stage time over floor time.</summary>
    public double IngestRatio => Ratio(IngestSeconds, Floor.Seconds);

    /// <summary>
    /// Incremental run time over the full run's time in the same stages (the daily run does not calibrate; NaN
    /// without an incremental run).
    /// </summary>
    public double IncrementalRatio => Incremental is null ? double.NaN : Ratio(Incremental.PipelineSeconds, FullSecondsOfIncrementalStages);

    /// <summary>The full run's seconds in the stages the incremental run ran.</summary>
    public double FullSecondsOfIncrementalStages => Incremental is null
        ? double.NaN
        : Stages.Where(s => Incremental.Stages.Any(i => i.Name == s.Name)).Sum(s => s.Seconds);

    /// <summary>A stage's incremental time over its full-run time (NaN when either run lacks it).</summary>
    public double IncrementalStageRatio(string stage)
    {
        var full = Stages.Where(s => s.Name == stage).ToList();
        var incremental = Incremental?.Stages.Where(s => s.Name == stage).ToList();
        return full.Count == 0 || incremental is not { Count: > 0 } ? double.NaN : Ratio(incremental.Sum(s => s.Seconds), full.Sum(s => s.Seconds));
    }

    public static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}

/// <summary>Where the benchmark ran, without anything that changes from one run to the next on the same machine.</summary>
public sealed record MachineFacts(int Cores, string Runtime, string Os, string DuckDbVersion, string BuildConfiguration, long MemoryBytes);
