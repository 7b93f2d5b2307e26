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
}
