using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

/// <summary>One preset applied to one folder, on its own in-memory DuckDB.</summary>
internal sealed class PresetRun : IDisposable
{
    public PresetRun(string preset, string extractFolder, PresetRunOptions? options = null)
        : this(PresetLoader.Load(PresetLoader.DefaultDirectory, preset), extractFolder, options)
    {
    }

    public PresetRun(Preset preset, string extractFolder, PresetRunOptions? options = null)
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Report = PresetTranslator.Translate(Connection, preset, extractFolder, options);
    }

    /// <summary>A user mapping file written to the extract folder's side and applied to it.</summary>
    public static PresetRun Mapping(TempExtract extract, string yaml)
    {
        var file = Path.Combine(extract.Folder, "mapping.yaml.txt");
        File.WriteAllText(file, yaml);
        var preset = PresetLoader.Parse(new StringReader(yaml), file, "mapping", userMapping: true);
        return new PresetRun(preset, extract.Folder);
    }

    public DuckDBConnection Connection { get; }

    public PresetReport Report { get; }

    public Dictionary<string, string?> Row(string entity, string keyColumn, string key) =>
        LandedTable.Row(Connection, entity, keyColumn, key);

    public long Count(string sql) => LandedTable.Count(Connection, sql);

    public void Dispose() => Connection.Dispose();
}

/// <summary>A throw-away extract folder with hand-written files.</summary>
internal sealed class TempExtract : IDisposable
{
    public TempExtract()
    {
        Folder = Path.Combine(Path.GetTempPath(), "presets-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes the text exactly as given (no newline added, line ends as written).</summary>
    public TempExtract With(string fileName, string content)
    {
        File.WriteAllText(Path.Combine(Folder, fileName), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
