using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// Fingerprints a pipeline's source files. To keep it cheap, a file whose path, size and last-write time match what
/// <c>loaded_file</c> holds keeps its recorded hash; only a file seen for the first time, or whose size or time
/// changed, is read and hashed (streaming XXH128). A file rewritten with the same size within the file system's
/// time resolution would be missed; extracts are written whole by an export, so that does not happen in practice.
/// </summary>
public static class InputScanner
{
    private static readonly HashSet<string> DataExtensions = new([".csv", ".parquet", ".json", ".tsv", ".txt"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The data files read as delimited text, whose newlines ingest counts.</summary>
    private static readonly HashSet<string> TextExtensions = new([".csv", ".tsv", ".txt"], StringComparer.OrdinalIgnoreCase);

    /// <returns>The files, ordered by path; null when a source is not a folder of files (a SQL query) and so cannot be tracked.</returns>
    public static IReadOnlyList<InputFile>? Scan(PipelineConfig config, IReadOnlyDictionary<string, InputFile> known)
    {
        var files = new List<InputFile>();
        foreach (var source in config.Sources)
        {
            if (source.Kind == SourceKind.SqlServerQuery || source.Path is null) return null;
            var folder = config.Resolve(source.Path);
            if (!Directory.Exists(folder)) return null; // ingest reports the missing folder
            if (source.Kind == SourceKind.CanonicalFolder)
            {
                var extract = ExtractDiscovery.Discover(folder);
                foreach (var (entity, entityFiles) in extract.FilesByEntity)
                {
                    files.AddRange(entityFiles.Select(f => Fingerprint(f.Path, entity, f.Order, known)));
                }
            }
            else
            {
                // A vendor export folder: only its data files count (not sockets, notes or the tool's own output).
                files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(path => DataExtensions.Contains(Path.GetExtension(path)))
                    .Order(StringComparer.Ordinal)
                    .Select(path => Fingerprint(path, "", 0, known)));
                // A changed mapping file changes every row it produces: it is an input like the exports.
                if (source.Mapping is not null && File.Exists(config.Resolve(source.Mapping)))
                {
                    files.Add(Fingerprint(config.Resolve(source.Mapping), "", 0, known));
                }
            }
        }
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    public static InputFile Fingerprint(string path, string entity, int order, IReadOnlyDictionary<string, InputFile> known)
    {
        var info = new FileInfo(path);
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (known.TryGetValue(path, out var seen) && seen.Size == info.Length && seen.ModifiedTicks == ticks)
        {
            return new InputFile(path, info.Length, ticks, seen.ContentHash, entity, order);
        }
        // A CSV's newlines are counted on another core while this one hashes it: ingest needs them to map DuckDB's
        // records to lines, and a second pass over a large file then would be on the run's critical path (0.3 s for
        // the 2.9 GB of usage events at L).
        var lines = TextExtensions.Contains(Path.GetExtension(path)) ? Task.Run(() => CsvLineMap.CountLines(path)) : null;
        var hash = FileHash.Content(path);
        return new InputFile(path, info.Length, ticks, hash, entity, order) { Lines = lines?.GetAwaiter().GetResult() };
    }
}
