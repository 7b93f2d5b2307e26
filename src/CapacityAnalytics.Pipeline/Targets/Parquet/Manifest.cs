using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityAnalytics.Pipeline.Targets.Parquet;

/// <summary>manifest.json of a Parquet publish: run id, the app build, and per table its schema, row count and file hashes.</summary>
public sealed record Manifest(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("published_at")] string PublishedAt,
    [property: JsonPropertyName("tables")] IReadOnlyList<ManifestTable> Tables)
{
    public const string FileName = "manifest.json";

    /// <summary>The build of the app that wrote the files (<see cref="Running.AppBuild"/>): another build's files are never kept.</summary>
    [JsonPropertyName("app_build")]
    public string? Build { get; init; }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    public static Manifest Read(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: empty manifest");

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

public sealed record ManifestTable(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("columns")] IReadOnlyList<ManifestColumn> Columns,
    [property: JsonPropertyName("files")] IReadOnlyList<ManifestFile> Files)
{
    /// <summary>
    /// The table's content fingerprint in the warehouse when it was written (TableFingerprint): equal in two
    /// publishes, the table did not change between them. The next publish copies the files of an unchanged table
    /// instead of writing them again.
    /// </summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    /// <summary>Of a partitioned table, each partition's fingerprint by its value: the next publish writes only those that changed.</summary>
    [JsonPropertyName("partitions")]
    public IReadOnlyDictionary<string, string>? Partitions { get; init; }
}

public sealed record ManifestColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

public sealed record ManifestFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256);
