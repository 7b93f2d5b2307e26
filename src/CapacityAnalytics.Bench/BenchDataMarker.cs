using System.Text.Json;
using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Bench;

/// <summary>One generated extract file as the marker records it.</summary>
public sealed record BenchFile(string Entity, string Name, long Bytes, long Rows);

/// <summary>
/// The small file (<c>bench-data.json</c>) written beside a generated benchmark company once generation finished:
/// the options it was made from, its files and how long generation took. A company is reused only when the options
/// match and every file is still there with the recorded size.
/// </summary>
public sealed record BenchDataMarker(SampleOptions Options, IReadOnlyList<BenchFile> Files, double GenerationSeconds)
{
    public const string FileName = "bench-data.json";

    private static JsonSerializerOptions Json => SampleGroundTruth.JsonOptions;

    /// <summary>Whether a company described by <paramref name="marker"/> in <paramref name="directory"/> can be reused for <paramref name="options"/>.</summary>
    public static bool IsReusable(BenchDataMarker? marker, SampleOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (marker is null || marker.Options != options.Resolved() || marker.Files.Count == 0) return false;
        foreach (var file in marker.Files)
        {
            var info = new FileInfo(Path.Combine(directory, file.Name));
            if (!info.Exists || info.Length != file.Bytes) return false;
        }
        return true;
    }

    /// <summary>The marker in <paramref name="directory"/>, or null when there is none or it cannot be read.</summary>
    public static BenchDataMarker? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<BenchDataMarker>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    public static void Delete(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path)) File.Delete(path);
    }
}
