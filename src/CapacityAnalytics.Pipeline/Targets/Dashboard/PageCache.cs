using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// What each published page's data was read from, kept beside the pages in <see cref="FileName"/>: a key (the build of the
/// app, <see cref="AppBuild"/>, the page, the measures catalog), the fingerprint of every table the page looked for or named in a
/// query (<see cref="Absent"/> for one the warehouse did not have; of a <see cref="WarehouseQueries.Lookup"/>, the columns
/// it read), and where the data's JSON is in the page with its
/// SHA-256. A page's data is a function of these alone, so when a publish finds the same key and the same
/// fingerprints, the data is taken from the page the folder holds instead of queried again, and only the page around
/// it (the as-of date) is rendered (a daily run does not query the calibration and planning tables). A page that read
/// a table without a fingerprint (one the publish does not cover) is queried every time.
/// </summary>
public sealed class PageCache
{
    /// <summary>The record, in the dashboard folder.</summary>
    public const string FileName = ".capacity-pages.json";

    /// <summary>The fingerprint recorded for a table the warehouse did not have.</summary>
    public const string Absent = "absent";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string previousFolder;
    private readonly Dictionary<string, PageRecord> previous;
    private readonly IReadOnlyDictionary<string, string> fingerprints;
    private readonly IReadOnlySet<string> existing;
    private readonly Func<string, IReadOnlyList<string>, string?>? columnsFingerprint;
    private readonly Dictionary<string, string?> projections = new(StringComparer.Ordinal);
    private readonly List<PageRecord> records = [];

    /// <param name="previousFolder">The published dashboard folder (it may not exist yet).</param>
    /// <param name="fingerprints">The fingerprint of each published table, by name.</param>
    /// <param name="existing">The names of the warehouse's tables.</param>
    /// <param name="columnsFingerprint">The fingerprint of some columns of a warehouse table, for a read of those columns
    /// alone (<see cref="WarehouseQueries.Lookup"/>); null: such a read is queried every time.</param>
    public PageCache(string previousFolder, IReadOnlyDictionary<string, string> fingerprints, IReadOnlySet<string> existing,
        Func<string, IReadOnlyList<string>, string?>? columnsFingerprint = null)
    {
        this.previousFolder = previousFolder;
        this.fingerprints = fingerprints;
        this.existing = existing;
        this.columnsFingerprint = columnsFingerprint;
        previous = Read(Path.Combine(previousFolder, FileName));
    }

    /// <summary>The names of the warehouse's tables, as read for this publish.</summary>
    public IReadOnlySet<string> Tables => existing;

    /// <summary>How many pages took their data from the folder.</summary>
    public int Kept { get; private set; }

    /// <summary>The key of a page's data: what it is read by besides the tables.</summary>
    public static string KeyOf(DashboardPage page, MeasureCatalog catalog)
    {
        var text = new StringBuilder()
            .AppendLine(AppBuild.Id)
            .AppendLine(page.Id);
        foreach (var measure in catalog.Measures) text.AppendLine(measure.ToString());
        return Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The page's data as the folder's page holds it, when it was recorded under the same key and tables and
    /// is there unchanged; else null.</summary>
    public string? Reusable(DashboardPage page, string key)
    {
        if (!previous.TryGetValue(page.FileName, out var record) || record.Key != key || record.Tables is null) return null;
        if (record.Tables.Any(t => Current(t.Key) != t.Value)) return null;
        var path = Path.Combine(previousFolder, page.FileName);
        if (!File.Exists(path)) return null;
        var html = File.ReadAllText(path);
        if (record.DataStart < 0 || record.DataLength < 0 || record.DataStart > html.Length - record.DataLength) return null;
        var data = html.Substring(record.DataStart, record.DataLength);
        if (Sha256(Encoding.UTF8.GetBytes(data)) != record.DataSha256) return null;
        Kept++;
        return data;
    }

    /// <summary>Records a page whose data (<paramref name="dataJson"/>) was read from <paramref name="reads"/>, or taken
    /// from the folder when <paramref name="reads"/> is null.</summary>
    public void Rendered(DashboardPage page, string key, IReadOnlyList<string>? reads, string dataJson, RenderedPage rendered)
    {
        var tables = reads?.ToDictionary(t => t, Current, StringComparer.Ordinal)
            ?? previous[page.FileName].Tables!.ToDictionary(t => t.Key, t => (string?)t.Value, StringComparer.Ordinal);
        var covered = tables.Values.All(f => f is not null);
        records.Add(new PageRecord(page.FileName, key, covered ? new SortedDictionary<string, string>(tables!, StringComparer.Ordinal) : null,
            rendered.DataStart, dataJson.Length, Sha256(Encoding.UTF8.GetBytes(dataJson))));
    }

    /// <summary>Writes the record of the pages written into <paramref name="folder"/>.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(records.OrderBy(r => r.File, StringComparer.Ordinal).ToList(), Json) + "\n");

    private string? Current(string read)
    {
        if (WarehouseQueries.ParseProjection(read) is not var (table, columns))
        {
            return fingerprints.TryGetValue(read, out var fingerprint) ? fingerprint : existing.Contains(read) ? null : Absent;
        }
        if (!existing.Contains(table)) return Absent;
        if (!projections.TryGetValue(read, out var projected)) projections[read] = projected = columnsFingerprint?.Invoke(table, columns);
        return projected;
    }

    private static Dictionary<string, PageRecord> Read(string path)
    {
        try
        {
            var records = File.Exists(path) ? JsonSerializer.Deserialize<List<PageRecord>>(File.ReadAllText(path), Json) : null;
            return (records ?? []).Where(r => r.File is not null).ToDictionary(r => r.File, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return []; // an unreadable record only means every page is rendered
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed record PageRecord(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("tables")] SortedDictionary<string, string>? Tables,
        [property: JsonPropertyName("data_start")] int DataStart,
        [property: JsonPropertyName("data_length")] int DataLength,
        [property: JsonPropertyName("data_sha256")] string DataSha256);
}
