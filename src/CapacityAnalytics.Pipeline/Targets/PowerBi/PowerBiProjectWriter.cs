using System.Text;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// Writes the Power BI project (PBIP): <c>CapacityAnalytics.pbip</c>, the TMDL semantic model over the Parquet publish
/// and a report with the three dashboard pages. Deterministic: the same model gives the same bytes, and files whose
/// text did not change are not rewritten.
/// </summary>
public static class PowerBiProjectWriter
{
    public const string ProjectName = "CapacityAnalytics";
    public const string SemanticModelFolder = ProjectName + ".SemanticModel";
    public const string ReportFolder = ProjectName + ".Report";

    /// <summary>Writes the project under <paramref name="folder"/>; returns the relative paths written, in order.</summary>
    public static IReadOnlyList<string> Write(string folder, SemanticModel model, string parquetFolder) => Write(folder, Files(model, parquetFolder));

    /// <summary>Writes the files of <see cref="Files"/> under <paramref name="folder"/>; returns their relative paths, in order.</summary>
    public static IReadOnlyList<string> Write(string folder, SortedDictionary<string, string> files)
    {
        foreach (var stale in StaleFiles(folder, files))
        {
            File.Delete(stale);
        }
        RemoveEmptyReportFolders(folder);
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path) && string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal)) continue;
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        return [.. files.Keys];
    }

    /// <summary>
    /// True when <paramref name="folder"/> already holds the project <see cref="Write(string, SortedDictionary{string, string})"/> would leave there: every file
    /// with the same text and no stale one. A publish then keeps the folder as it is.
    /// </summary>
    public static bool Holds(string folder, SortedDictionary<string, string> files) =>
        Directory.Exists(folder)
        && !StaleFiles(folder, files).Any()
        && files.All(f => File.Exists(Path.Combine(folder, f.Key)) && string.Equals(File.ReadAllText(Path.Combine(folder, f.Key)), f.Value, StringComparison.Ordinal));

    /// <summary>Every file of the project: relative path (with <c>/</c>) -> text.</summary>
    public static SortedDictionary<string, string> Files(SemanticModel model, string parquetFolder)
    {
        var separator = parquetFolder.Contains('\\', StringComparison.Ordinal) ? '\\' : '/';
        var definition = SemanticModelFolder + "/definition/";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ProjectName + ".pbip"] = PbipFiles.Project(),
            [SemanticModelFolder + "/definition.pbism"] = PbipFiles.SemanticModelSettings(),
            [definition + "database.tmdl"] = SemanticModelFiles.Database(),
            [definition + "model.tmdl"] = SemanticModelFiles.Model(model),
            [definition + "expressions.tmdl"] = SemanticModelFiles.Expressions(parquetFolder.TrimEnd('/', '\\')),
            [definition + "relationships.tmdl"] = SemanticModelFiles.Relationships(model),
            [SemanticModelFolder + "/.platform"] = PbipFiles.Platform("SemanticModel"),
            [ReportFolder + "/.platform"] = PbipFiles.Platform("Report"),
            [ReportFolder + "/definition.pbir"] = PbipFiles.ReportDefinition(),
        };
        foreach (var (relative, text) in ReportFiles.Files(ReportLayout.For(model)))
        {
            files[ReportFolder + "/" + relative] = text;
        }
        foreach (var table in model.Tables)
        {
            var measures = model.Measures.Where(m => string.Equals(m.Table, table.Name, StringComparison.Ordinal));
            files[definition + "tables/" + table.Name + ".tmdl"] = TmdlTableWriter.Write(model, table, measures, separator);
        }
        return files;
    }

    /// <summary>
    /// The files under <paramref name="folder"/> the project no longer has: a table dropped from the model (its
    /// <c>.tmdl</c>), a page or visual the report no longer has (the report's <c>definition/</c> folder is the writer's),
    /// and the PBIR-Legacy <c>report.json</c> of earlier versions, which Desktop does not accept beside a
    /// <c>definition/</c> folder. Files outside these (Desktop's .pbi/ settings) are left alone.
    /// </summary>
    private static IEnumerable<string> StaleFiles(string folder, SortedDictionary<string, string> files)
    {
        var tables = Path.Combine(folder, SemanticModelFolder, "definition", "tables");
        if (Directory.Exists(tables))
        {
            foreach (var stale in Directory.GetFiles(tables, "*.tmdl").Where(f => !files.ContainsKey(SemanticModelFolder + "/definition/tables/" + Path.GetFileName(f))))
            {
                yield return stale;
            }
        }
        var report = Path.Combine(folder, ReportFolder);
        var legacy = Path.Combine(report, "report.json");
        if (File.Exists(legacy)) yield return legacy;
        var definition = Path.Combine(report, "definition");
        if (!Directory.Exists(definition)) yield break;
        foreach (var file in Directory.GetFiles(definition, "*", SearchOption.AllDirectories))
        {
            if (!files.ContainsKey(ReportFolder + "/" + Path.GetRelativePath(report, file).Replace('\\', '/'))) yield return file;
        }
    }

    /// <summary>The report's <c>definition/</c> folders left empty once their stale files are gone.</summary>
    private static void RemoveEmptyReportFolders(string folder)
    {
        var definition = Path.Combine(folder, ReportFolder, "definition");
        if (!Directory.Exists(definition)) return;
        foreach (var empty in Directory.GetDirectories(definition, "*", SearchOption.AllDirectories)
            .OrderByDescending(d => d.Length)
            .Where(d => Directory.GetFileSystemEntries(d).Length == 0))
        {
            Directory.Delete(empty);
        }
    }
}
