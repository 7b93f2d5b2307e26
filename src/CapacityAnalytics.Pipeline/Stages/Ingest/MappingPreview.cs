using System.Globalization;
using System.Text.RegularExpressions;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// <c>capacity validate DIR --mapping FILE</c>: applies a mapping file to a folder of exports the way a run would
/// (translated, typed, checked) in a throw-away in-memory DuckDB, and says what came of it: rows read per export
/// table, rows mapped and rejected per entity with the reasons, the first mapped rows, the export columns the
/// mapping leaves unused, and the entities a run would still be missing.
/// </summary>
public static partial class MappingPreview
{
    public const int SampleRows = 5;

    public static MappingPreviewResult Run(string folder, string mappingFile, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mapping = Path.GetFullPath(mappingFile);
        var preset = PresetLoader.LoadFile(mapping);
        var config = AdHocPipeline.For(folder, SourceConfig.CanonicalPreset, Path.GetTempPath(), options.Timezone);
        config.Sources[0].Mapping = mapping;
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var outcome = SourceSetIngest.Run(connection, config, options with { RejectThreshold = 1 }, PresetLoader.DefaultDirectory,
            null, CancellationToken.None, requireMandatory: false);
        var report = outcome.Presets[0];

        var entities = outcome.Result.Entities
            .Select(e => new MappedEntity(e.Entity, e.RowsRead, e.RowsLoaded, e.RowsRejected, Reasons(connection, e.Entity), Sample(connection, e.Table)))
            .ToList();
        var produced = entities.Select(e => e.Entity).ToHashSet(StringComparer.Ordinal);
        var missing = InputContract.Entities.Where(e => !produced.Contains(e.Name) && e.Name != InputContract.UsageEvents.Name)
            .Select(e => new MissingEntity(e.Name, e.Optional))
            .ToList();
        var sources = report.Sources
            .Select(s => new ReadSource(s.Source, s.Files, s.Rows, Unused(preset, s)))
            .ToList();
        return new MappingPreviewResult(mapping, Path.GetFullPath(folder), sources, entities, missing, Problems(connection), report.Describe().Skip(1).ToList());
    }

    /// <summary>Export columns nothing in the mapping reads: not declared, and not named in any entity's SQL.</summary>
    private static List<string> Unused(Preset preset, PresetSourceSummary summary)
    {
        var source = preset.Source(summary.Source);
        var declared = source?.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var words = preset.Entities.SelectMany(e => Word().Matches(e.Sql).Select(m => m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        return summary.ColumnNames.Where(c => !declared.Contains(c) && !words.Contains(c) && !(source?.Aliases.Values.Contains(c) ?? false)).ToList();
    }

    private static List<RejectReason> Reasons(DuckDBConnection connection, string entity)
    {
        using var command = connection.Command($"""
            select "column", regexp_replace(reason, '; mapping .*$', ''), count(distinct (file, line)), min(value)
            from {RejectsTable.Name}
            where entity = $1
            group by 1, 2
            order by 3 desc, 1, 2
            """, entity);
        using var reader = command.ExecuteReader();
        var reasons = new List<RejectReason>();
        while (reader.Read())
        {
            reasons.Add(new RejectReason(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return reasons;
    }

    private static List<IReadOnlyDictionary<string, string?>> Sample(DuckDBConnection connection, string table)
    {
        var columns = connection.ColumnNames(table).Where(c => c is not (LandingColumns.File or LandingColumns.FileOrder)).ToList();
        using var command = connection.Command(
            $"select {string.Join(", ", columns.Select(c => $"cast({Sql.Identifier(c)} as varchar)"))} from {Sql.Identifier(table)} limit {SampleRows}");
        using var reader = command.ExecuteReader();
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++) row[columns[i]] = reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(row);
        }
        return rows;
    }

    private static List<ExtractProblem> Problems(DuckDBConnection connection)
    {
        using var command = connection.Command($"select entity, file, line, \"column\", value, reason from {RejectsTable.Name} order by file, line, \"column\"");
        using var reader = command.ExecuteReader();
        var problems = new List<ExtractProblem>();
        while (reader.Read())
        {
            problems.Add(new ExtractProblem(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }
        return problems;
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

/// <summary>What a mapping made of a folder of exports.</summary>
public sealed record MappingPreviewResult(
    string Mapping,
    string Folder,
    IReadOnlyList<ReadSource> Sources,
    IReadOnlyList<MappedEntity> Entities,
    IReadOnlyList<MissingEntity> Missing,
    IReadOnlyList<ExtractProblem> Problems,
    IReadOnlyList<string> Notes)
{
    public MappedEntity? Entity(string name) => Entities.FirstOrDefault(e => e.Entity == name);

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Sources.Sum(s => s.Rows)} row(s) read, {Entities.Sum(e => e.RowsMapped)} mapped, {Entities.Sum(e => e.RowsRejected)} rejected");
}

/// <summary>An export table as read: its files, rows and the columns the mapping leaves unused.</summary>
public sealed record ReadSource(string Source, IReadOnlyList<string> Files, long Rows, IReadOnlyList<string> UnusedColumns);

/// <summary>One mapped entity: rows mapped (landed), loaded and rejected, why, and the first loaded rows.</summary>
public sealed record MappedEntity(
    string Entity,
    long RowsMapped,
    long RowsLoaded,
    long RowsRejected,
    IReadOnlyList<RejectReason> Reasons,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> FirstRows);

/// <summary>Rejected rows of one column for one reason, with one example value.</summary>
public sealed record RejectReason(string? Column, string Reason, long Rows, string? Example);

/// <summary>A contract entity the mapping does not produce; a required one must come from another source.</summary>
public sealed record MissingEntity(string Entity, bool Optional);
