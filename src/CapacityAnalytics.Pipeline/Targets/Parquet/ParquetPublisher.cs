using System.Globalization;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Targets.Parquet;

/// <summary>
/// Writes one Parquet file (or partition folder) per table and a manifest into a new folder, then swaps it in:
/// <c>parquet/current</c> always points at a complete publish, and the last <c>keep</c> publishes stay beside it.
/// </summary>
public sealed class ParquetPublisher(string root, int keep) : IPublisher
{
    public string Name => "parquet";

    private string Root => root;
    public PublishTargetKind Kind => PublishTargetKind.Parquet;

    /// <summary>Writes the publish into <c>runs/&lt;run&gt;</c>, complete with its manifest; <c>current</c> still points at the previous one.</summary>
    public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        var runs = OutputPath.Inside(root, "runs");
        Directory.CreateDirectory(runs);
        // Folders a killed run left half-written are never a publish: clear them (one writer per warehouse holds the lock).
        foreach (var stale in Directory.GetDirectories(root, ".incoming-*")) Directory.Delete(OutputPath.Inside(root, stale), recursive: true);
        var incoming = OutputPath.Inside(root, ".incoming-" + context.RunId);
        Directory.CreateDirectory(incoming);

        var entries = new List<ManifestTable>();
        var final = OutputPath.Inside(runs, context.RunId);
        var previous = Previous(root);
        var kept = 0;
        try
        {
            foreach (var table in PublishedTables.WithContent(context.Connection, tables))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (rows, fingerprint, partitions) = table.Content!;
                ManifestTable? last = null;
                if (previous is { } before && before.Tables.TryGetValue(table.Name, out last) && last.Fingerprint == fingerprint
                    && CopyFiles(before.Folder, last, incoming) is { } copied)
                {
                    entries.Add(copied);
                    kept++;
                    continue;
                }
                // Of a partitioned fact, the partitions that did not change are copied and only the others written.
                var reuse = partitions is null || previous is null || last?.Partitions is null ? null
                    : Reusable(previous.Value.Folder, table, last, partitions);
                entries.Add(WriteTable(context, table, incoming, rows, reuse) with { Fingerprint = fingerprint, Partitions = partitions });
            }
            var manifest = new Manifest(context.RunId, context.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), entries) { Build = AppBuild.Id };
            // The manifest is written last: a folder without one is never a publish.
            File.WriteAllText(Path.Combine(incoming, Manifest.FileName), manifest.ToJson());
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(incoming, final);
        }
        catch
        {
            if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
            throw;
        }
        return new Prepared(this, runs, final)
        {
            Result = new PublishResult(Name, Path.Combine(root, CurrentPointer.LinkName), entries.Count, entries.Sum(e => e.Rows)) { Kept = kept },
        };
    }

    /// <summary>The publish <c>current</c> points at, with its tables by name; null when there is none, its manifest cannot be read or another build of the app wrote it.</summary>
    private static (string Folder, Dictionary<string, ManifestTable> Tables)? Previous(string root)
    {
        if (CurrentPointer.Resolve(root) is not { } folder || !File.Exists(Path.Combine(folder, Manifest.FileName))) return null;
        try
        {
            var manifest = Manifest.Read(Path.Combine(folder, Manifest.FileName));
            // Files another build wrote may not be what this one writes (its Parquet options, its column order).
            if (manifest.Build != AppBuild.Id) return null;
            return (folder, manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidDataException or ArgumentException)
        {
            return null; // not a manifest this version reads: every table is written again
        }
    }

    /// <summary>
    /// Copies an unchanged table's files from the previous publish into <paramref name="folder"/>, at the same paths, and
    /// returns its manifest entry with their hashes taken again; null (write the table) when a file is missing.
    /// </summary>
    private static ManifestTable? CopyFiles(string previous, ManifestTable table, string folder)
    {
        var sources = table.Files.Select(f => (f.Path, From: Path.GetFullPath(Path.Combine(previous, f.Path)))).ToList();
        if (table.Files.Count == 0 || sources.Any(s => !s.From.StartsWith(Path.TrimEndingDirectorySeparator(previous) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(s.From))) return null;
        var files = new List<ManifestFile>();
        foreach (var (path, from) in sources)
        {
            var to = OutputPath.Inside(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            files.Add(new ManifestFile(path, Manifest.Sha256(to)));
        }
        return table with { Files = files };
    }

    /// <summary>Points <c>current</c> at the committed run's folder when a kill left it prepared but not switched.</summary>
    public bool RollForward(RunContext context, string committedRunId)
    {
        if (!Directory.Exists(root)) return false;
        var final = OutputPath.Inside(Path.Combine(root, "runs"), committedRunId);
        if (!File.Exists(Path.Combine(final, Manifest.FileName))) return false;
        if (CurrentPointer.Resolve(root) is { } current && string.Equals(Path.GetFullPath(current), final, StringComparison.Ordinal)) return false;
        CurrentPointer.Swap(root, final);
        return true;
    }

    private sealed class Prepared(ParquetPublisher publisher, string runs, string final) : PreparedPublish
    {
        protected override void Switch() => CurrentPointer.Swap(publisher.Root, final);

        public override void Finish() => publisher.Prune(runs, final);

        protected override void Discard()
        {
            // Never delete the folder readers use (a rerun of the same run id would share it).
            var current = CurrentPointer.Resolve(publisher.Root);
            if (Directory.Exists(final) && !string.Equals(current is null ? null : Path.GetFullPath(current), final, StringComparison.Ordinal))
            {
                Directory.Delete(final, recursive: true);
            }
        }
    }

    /// <summary>
    /// The units (<see cref="PublishedTable.Unit"/>) of a table whose fingerprint is the one the previous publish
    /// recorded and whose files it still has, with those files (paths under the previous publish's folder).
    /// </summary>
    private static Dictionary<string, List<string>> Reusable(string previous, PublishedTable table, ManifestTable last, IReadOnlyDictionary<string, string> units)
    {
        var reusable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (value, fingerprint) in units)
        {
            if (!last.Partitions!.TryGetValue(value, out var was) || was != fingerprint) continue;
            var files = last.Files.Select(f => f.Path).Where(f => InUnit(table, value, f)).ToList();
            if (files.Count > 0 && files.All(f => File.Exists(Path.Combine(previous, f)))) reusable[value] = files.Select(f => Path.Combine(previous, f)).ToList();
        }
        return reusable;
    }

    /// <summary>
    /// Whether a file (its path in the publish) holds rows of the unit <paramref name="unit"/>: a file of its folder
    /// (<c>fct_activity/year=2025/</c>), or with <see cref="PublishedTable.FileBy"/> a file named after it in the table's
    /// folders (<c>year=2025/part_2025-03.parquet</c>, or <c>part_2025-03_N.parquet</c> when DuckDB wrote several).
    /// </summary>
    private static bool InUnit(PublishedTable table, string unit, string path)
    {
        var folders = $"{table.Name}/{PartitionColumn}=";
        if (table.FileBy is null) return path.StartsWith($"{folders}{unit}/", StringComparison.Ordinal);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return path.StartsWith(folders, StringComparison.Ordinal)
            && (name == $"part_{unit}.parquet" || name.StartsWith($"part_{unit}_", StringComparison.Ordinal));
    }

    /// <summary>The column a partitioned table's folders are named by (<c>year=2025/</c>).</summary>
    private const string PartitionColumn = "year";

    /// <summary>The column DuckDB splits a folder's files by, before they are named after its values.</summary>
    private const string FileColumn = "_file";

    /// <param name="reuse">Of a partitioned table: units to copy from the previous publish (value, its files) instead of writing them.</param>
    private static ManifestTable WriteTable(RunContext context, PublishedTable table, string folder, long rows, Dictionary<string, List<string>>? reuse)
    {
        var connection = context.Connection;
        var columns = connection.ColumnTypes(table.Name).Select(c => new ManifestColumn(c.Name, c.Type)).ToList();
        var order = table.OrderBy == "all" ? "all" : table.OrderBy;
        string target;
        string? copy;
        if (table.PartitionBy is { } partition)
        {
            target = Path.Combine(folder, table.Name);
            var skip = reuse is { Count: > 0 }
                ? $" where coalesce(cast({table.Unit} as varchar), '') not in ({string.Join(", ", reuse.Keys.Order(StringComparer.Ordinal).Select(Sql.Literal))})"
                : "";
            // A unit with rows is one the fingerprints list: with some reused, the copy writes something unless all are.
            var written = skip.Length == 0 || table.Content?.Partitions is not { } units || units.Keys.Any(u => !reuse!.ContainsKey(u));
            var (fileColumn, by) = table.FileBy is { } fileBy
                ? ($", {fileBy} as \"{FileColumn}\"", $"\"{PartitionColumn}\", \"{FileColumn}\"")
                : ("", $"\"{PartitionColumn}\"");
            copy = written
                ? $"copy (select *, {partition} as \"{PartitionColumn}\"{fileColumn} from \"{table.Name}\"{skip} order by {order}) to {Sql.Literal(target)} "
                    + $"(format parquet, compression zstd, partition_by ({by}), filename_pattern 'part_{{i}}')"
                : null;
        }
        else
        {
            target = Path.Combine(folder, table.Name + ".parquet");
            copy = $"copy (select * from \"{table.Name}\" order by {order}) to {Sql.Literal(target)} (format parquet, compression zstd)";
        }
        if (copy is not null) connection.Execute(copy);
        if (copy is not null && table.FileBy is not null) NameFiles(target);
        foreach (var file in reuse?.Values.SelectMany(f => f) ?? [])
        {
            var to = OutputPath.Inside(target, Path.Combine(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileName(file)));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: false);
        }
        var files = (Directory.Exists(target)
                ? Directory.GetFiles(target, "*.parquet", SearchOption.AllDirectories)
                : [target])
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new ManifestFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), Manifest.Sha256(f)))
            .ToList();
        return new ManifestTable(table.Name, rows, columns, files);
    }

    /// <summary>
    /// Moves the files DuckDB wrote into <c>year=Y/_file=F/</c> up into their folder as <c>part_F.parquet</c>
    /// (<c>part_F_N.parquet</c> for the N-th of several), so the folders stay the hive partitions readers know.
    /// </summary>
    private static void NameFiles(string target)
    {
        foreach (var split in Directory.GetDirectories(target, FileColumn + "=*", SearchOption.AllDirectories))
        {
            var value = Path.GetFileName(split)[(FileColumn.Length + 1)..];
            var parts = Directory.GetFiles(split, "*.parquet").Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var name = parts.Count == 1 ? $"part_{value}.parquet" : $"part_{value}_{i}.parquet";
                File.Move(parts[i], OutputPath.Inside(Path.GetDirectoryName(split)!, name));
            }
            Directory.Delete(split);
        }
    }

    private void Prune(string runs, string current)
    {
        var old = Directory.GetDirectories(runs)
            .Where(d => !string.Equals(d, current, StringComparison.Ordinal))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Skip(Math.Max(0, keep));
        foreach (var dir in old)
        {
            Directory.Delete(OutputPath.Inside(runs, dir), recursive: true);
        }
    }
}
