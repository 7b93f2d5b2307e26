namespace CapacityAnalytics.Bench.Tests;

/// <summary>Hand-made benchmark results with round numbers.</summary>
internal static class BenchFixtures
{
    public const long Mb = 1_048_576;

    public static ProfileResult Result(BenchProfile profile, long bytes, long rows, double[] stageSeconds, double floorSeconds, bool reused = false)
    {
        string[] names = ["ingest", "transform", "calibrate", "publish"];
        var stages = stageSeconds.Select((s, i) => new BenchStep(names[i], s, i == 0 ? rows : 1_000, new MemoryPeak((100 + i) * Mb, (10 + i) * Mb))).ToList();
        var files = new List<BenchFile> { new("accounts", "accounts.csv", bytes / 4, rows / 4), new("usage_events", "usage_events.csv", bytes - bytes / 4, rows - rows / 4) };
        var input = new BenchInput("/data", files, reused, new BenchStep("generate", 2, rows, new MemoryPeak(50 * Mb, 40 * Mb)));
        var floor = new FloorResult(
            [new BenchStep("accounts", floorSeconds / 4, rows / 4, new MemoryPeak(80 * Mb, Mb)), new BenchStep("usage_events", floorSeconds * 3 / 4, rows - rows / 4, new MemoryPeak(90 * Mb, Mb))],
            new MemoryPeak(90 * Mb, Mb));
        return new ProfileResult(profile, 42, input, floor, stages);
    }

    /// <summary>
    /// <paramref name="result"/> with an incremental run of the given stage seconds: ingest read <paramref name="ingestRows"/>
    /// rows, the others 1,000; peaks (200 + i) MB RSS and (20 + i) MB managed. The new day 2026-11-01 (from 2026-10-25):
    /// 0 activities, 7 tickets, 364 usage events.
    /// </summary>
    public static ProfileResult WithIncremental(ProfileResult result, double[] stageSeconds, long ingestRows, string ingestNote, string[]? stageNames = null)
    {
        var names = stageNames ?? ["ingest", "transform", "calibrate", "publish"];
        var stages = stageSeconds.Select((s, i) => new BenchStep(names[i], s, i == 0 ? ingestRows : 1_000, new MemoryPeak((200 + i) * Mb, (20 + i) * Mb))).ToList();
        var day = new NewDayResult(new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 25),
        [
            new BenchFile("activities", "activities_2026-11-01.csv", 82, 0),
            new BenchFile("tickets", "tickets_2026-11-01.csv", 752, 7),
            new BenchFile("usage_events", "usage_events_2026-11-01.csv", 20_679, 364),
        ], 0.25);
        return result with { Incremental = new IncrementalResult(day, stages, ["activities 100 loaded", ingestNote]) };
    }
}
