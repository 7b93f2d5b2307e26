using System.Globalization;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench;

/// <summary>The benchmark's figures as formatted tables, for the terminal and the markdown report alike.</summary>
public static class BenchTables
{
    public static readonly IReadOnlyList<string> StageColumns =
        ["stage", "seconds", "rows", "rows/s", "ratio to floor", "peak RSS MB", "peak managed MB"];

    public static ReportTable Stages(ProfileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var floor = result.Floor.Seconds;
        var rows = new List<IReadOnlyList<string>>
        {
            Row(result.Input.Reused ? "generate sample (reused; earlier time)" : "generate sample", result.Input.Generation, "", result.Input.Reused),
            Row("floor: read_csv", new BenchStep("floor", floor, result.Floor.Rows, result.Floor.Memory), Ratio(1), false),
        };
        foreach (var stage in result.Stages)
        {
            rows.Add(Row(stage.Name, stage, Ratio(ProfileResult.Ratio(stage.Seconds, floor)), false));
        }
        var ingestRows = result.Stages.Where(s => s.Name == "ingest").Sum(s => s.Rows);
        rows.Add(Row("pipeline total", new BenchStep("total", result.PipelineSeconds, ingestRows, result.PipelineMemory), Ratio(result.TotalRatio), false));
        return new ReportTable($"Profile {result.Profile.Name}", StageColumns, rows);
    }

    public static readonly IReadOnlyList<string> IncrementalColumns =
        ["stage", "full seconds", "incremental seconds", "incremental / full", "rows", "peak RSS MB", "peak managed MB"];

    /// <summary>
    /// The incremental run after one new day, stage by stage against the full run: seconds of each, their ratio, the
    /// rows the incremental stage processed and its memory peak. Empty when the profile has no incremental run.
    /// </summary>
    public static ReportTable Incremental(ProfileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<IReadOnlyList<string>>();
        if (result.Incremental is { } incremental)
        {
            foreach (var stage in incremental.Stages)
            {
                var full = result.Stages.Where(s => s.Name == stage.Name).ToList();
                rows.Add(IncrementalRow(stage.Name, full.Count > 0 ? Seconds(full.Sum(s => s.Seconds)) : "", stage, result.IncrementalStageRatio(stage.Name)));
            }
            var ingestRows = incremental.Stages.Where(s => s.Name == "ingest").Sum(s => s.Rows);
            rows.Add(IncrementalRow("pipeline total", Seconds(result.FullSecondsOfIncrementalStages),
                new BenchStep("total", incremental.PipelineSeconds, ingestRows, incremental.PipelineMemory), result.IncrementalRatio));
        }
        return new ReportTable($"Incremental run of profile {result.Profile.Name}: one new day", IncrementalColumns, rows);
    }

    public static ReportTable Input(ProfileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var floor = result.Floor.Entities.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var rows = result.Input.Files
            .Select(f => (IReadOnlyList<string>)
            [
                f.Name, FileMb(f.Bytes), Count(f.Rows),
                floor.TryGetValue(f.Entity, out var step) ? Seconds(step.Seconds) : "",
            ])
            .Append(["total", FileMb(result.Input.Bytes), Count(result.Input.Rows), Seconds(result.Floor.Seconds)])
            .ToList();
        return new ReportTable($"Input of profile {result.Profile.Name}", ["file", "MB", "rows", "floor seconds"], rows);
    }

    public static ReportTable Scaling(IReadOnlyList<ScalingStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var rows = steps
            .Select(s => (IReadOnlyList<string>)
            [
                $"{s.From} -> {s.To}", Ratio(s.InputRowsRatio), Ratio(s.InputBytesRatio), Ratio(s.PipelineTimeRatio),
                Ratio(s.FloorTimeRatio), Ratio(s.Exponent),
            ])
            .ToList();
        return new ReportTable("Scaling", ["step", "input rows x", "input MB x", "pipeline time x", "floor time x", "exponent (time ~ rows^k)"], rows);
    }

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>File sizes with one decimal, so the small files of a profile do not all show as 0.</summary>
    public static string FileMb(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>The daily run's share of a full one, to three places: its target is under 0.10, which two places round over.</summary>
    public static string IncrementalRatio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static string[] IncrementalRow(string name, string fullSeconds, BenchStep step, double ratio) =>
    [
        name, fullSeconds, Seconds(step.Seconds), Ratio(ratio), Count(step.Rows), Mb(step.Memory.RssBytes), Mb(step.Memory.ManagedBytes),
    ];

    private static string[] Row(string name, BenchStep step, string ratio, bool noMemory) =>
    [
        name,
        Seconds(step.Seconds),
        Count(step.Rows),
        step.Seconds > 0 ? Count((long)Math.Round(step.Rows / step.Seconds)) : "",
        ratio,
        noMemory ? "" : Mb(step.Memory.RssBytes),
        noMemory ? "" : Mb(step.Memory.ManagedBytes),
    ];
}
