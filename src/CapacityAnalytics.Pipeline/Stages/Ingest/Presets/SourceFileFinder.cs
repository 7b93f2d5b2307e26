using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Finds a source's files in an extract folder: top-level CSV files whose stem matches one of the globs, and every
/// CSV file inside a top-level sub-folder whose name matches. Globs are case-insensitive, use <c>*</c> and
/// <c>?</c>, and may carry the <c>.csv</c> extension or not. The result is sorted by path: that order is the
/// source's file order (re-exports named by date sort after the earlier ones).
/// </summary>
public static class SourceFileFinder
{
    private static readonly string[] Extensions = [".csv.gz", ".csv"];

    public static IReadOnlyList<string> Find(string extractFolder, PresetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var include = source.Files.Select(ToRegex).ToList();
        var exclude = source.Exclude.Select(ToRegex).ToList();
        bool Matches(string stem) => include.Any(r => r.IsMatch(stem)) && !exclude.Any(r => r.IsMatch(stem));

        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(extractFolder))
        {
            var stem = CsvStem(Path.GetFileName(file));
            if (stem is not null && Matches(stem))
            {
                found.Add(Path.GetFullPath(file));
            }
        }
        foreach (var folder in Directory.EnumerateDirectories(extractFolder))
        {
            if (Matches(Path.GetFileName(folder)))
            {
                found.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => CsvStem(Path.GetFileName(f)) is not null)
                    .Select(Path.GetFullPath));
            }
        }
        return found.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The stem of a CSV file name, or null when the file is not CSV.</summary>
    public static string? CsvStem(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        foreach (var extension in Extensions)
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return fileName[..^extension.Length];
            }
        }
        return null;
    }

    private static Regex ToRegex(string glob)
    {
        var stem = CsvStem(glob) ?? glob;
        var pattern = "^" + Regex.Escape(stem).Replace(@"\*", ".*", StringComparison.Ordinal)
            .Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
