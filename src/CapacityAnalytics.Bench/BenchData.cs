using System.Diagnostics;
using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Bench;

/// <summary>Generates a profile's company into its folder, or reuses it when the marker says it is already there.</summary>
public static class BenchData
{
    /// <summary>The company's folder under the data root: <c>&lt;profile&gt;-seed&lt;seed&gt;</c>.</summary>
    public static string DirectoryFor(string dataRoot, BenchProfile profile, int seed) =>
        Path.Combine(dataRoot, FormattableString.Invariant($"{profile.Name}-seed{seed}"));

    public static BenchInput Ensure(BenchProfile profile, int seed, string directory, MemorySampler sampler, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sampler);
        var options = profile.ToSampleOptions(seed);
        var marker = BenchDataMarker.Read(directory);
        if (BenchDataMarker.IsReusable(marker, options, directory))
        {
            progress?.Report($"{profile.Name}: reusing the company in {directory}");
            return new BenchInput(directory, marker!.Files, true,
                new BenchStep("generate", marker.GenerationSeconds, marker.Files.Sum(f => f.Rows), MemoryPeak.None));
        }

        progress?.Report($"{profile.Name}: generating {profile.Accounts:N0} accounts, {profile.Csms} CSMs, {profile.Months} months into {directory}");
        Directory.CreateDirectory(directory);
        BenchDataMarker.Delete(directory);
        sampler.Begin();
        var watch = Stopwatch.StartNew();
        var result = SampleCompanyGenerator.Write(options, directory);
        var seconds = watch.Elapsed.TotalSeconds;
        var memory = sampler.End();
        var files = result.Paths
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BenchFile(p.Key, Path.GetFileName(p.Value), new FileInfo(p.Value).Length, result.RowsWritten[p.Key]))
            .ToList();
        new BenchDataMarker(options, files, seconds).Write(directory);
        return new BenchInput(directory, files, false, new BenchStep("generate", seconds, files.Sum(f => f.Rows), memory));
    }

    /// <summary>Reads every file once so the pipeline and the floor both start from a warm page cache.</summary>
    public static void WarmCache(BenchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new byte[1 << 20];
        foreach (var file in input.Files)
        {
            using var stream = new FileStream(Path.Combine(input.Directory, file.Name), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }
}
