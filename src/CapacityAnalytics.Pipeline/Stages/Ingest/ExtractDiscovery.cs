using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Finds the files of each entity in an extract folder (docs/input-contract.md): a file whose stem starts with the entity name
/// (<c>activities_2025-06.csv</c>), or any file in a sub-folder named after the entity (<c>tickets/part-001.parquet</c>).
/// </summary>
public static class ExtractDiscovery
{
    public static ExtractFolder Discover(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new IngestException($"{folder}: extract folder not found; pass the folder that holds the entity files.");
        }
        var byEntity = new Dictionary<string, List<(string Path, ExtractFormat Format)>>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (InputContract.ProductFiles.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)) continue;
            var format = FormatOf(path);
            var entity = EntityOf(folder, path);
            if (format is null || entity is null)
            {
                unknown.Add(path);
                continue;
            }
            if (!byEntity.TryGetValue(entity.Name, out var list))
            {
                byEntity[entity.Name] = list = [];
            }
            list.Add((path, format.Value));
        }
        var files = byEntity.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<ExtractFile>)kv.Value.Select((f, i) => new ExtractFile(f.Path, f.Format, i + 1)).ToList(),
            StringComparer.Ordinal);
        return new ExtractFolder(folder, files, unknown);
    }

    private static ExtractFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => ExtractFormat.Csv,
        ".parquet" => ExtractFormat.Parquet,
        _ => null,
    };

    private static EntitySpec? EntityOf(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Length > 1)
        {
            var byFolder = InputContract.ForFileStem(parts[0]);
            if (byFolder is not null && string.Equals(byFolder.Name, parts[0], StringComparison.OrdinalIgnoreCase))
            {
                return byFolder;
            }
        }
        return InputContract.ForFileStem(Path.GetFileNameWithoutExtension(path));
    }
}
