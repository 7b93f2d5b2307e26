using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Applies a preset to an extract folder: loads the vendor tables, runs each entity's mapping, writes the
/// all-VARCHAR <c>land_&lt;entity&gt;</c> tables (contract columns + <c>_file</c>, <c>_line</c>,
/// <c>_file_order</c>) and reports what it met. The typing step turns <c>land_</c> into typed <c>raw_</c> tables.
/// </summary>
public static class PresetTranslator
{
    public static PresetReport Translate(DuckDBConnection connection, Preset preset, string extractFolder, PresetRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(extractFolder);
        if (!Directory.Exists(extractFolder))
        {
            throw new PresetSourceMissingException($"Preset '{preset.Name}': extract folder {extractFolder} does not exist.");
        }
        var entities = SelectEntities(preset, options?.Entities);
        var parameters = new Dictionary<string, PresetParameter>(preset.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in options?.Parameters ?? new Dictionary<string, PresetParameter>())
        {
            parameters[name] = value;
        }

        var report = new PresetReportBuilder();
        var sources = new List<SourceTable>();
        try
        {
            PresetSqlFunctions.Install(connection, preset);
            var loader = new SourceLoader(connection, preset, report);
            foreach (var source in preset.Sources.Select(s => Resolve(s, parameters, preset.SourceFile)))
            {
                var table = loader.Load(source, extractFolder);
                sources.Add(table);
                report.Source(table);
            }

            var writer = new PresetLanding(connection, preset, report);
            var landed = new List<string>();
            foreach (var entity in entities)
            {
                report.Rows(entity.Name, writer.Write(entity, InputContract.Find(entity.Name)!, sources, parameters));
                landed.Add(entity.Name);
            }
            new LandingChecks(connection, report).Run(landed);
        }
        finally
        {
            DropTemporaries(connection);
        }
        return report.Build(preset.Name, extractFolder);
    }

    /// <summary>The source with parameter-named columns resolved for this run.</summary>
    private static PresetSource Resolve(PresetSource source, IReadOnlyDictionary<string, PresetParameter> parameters, string file)
    {
        var columns = source.Columns
            .Select(c => c with { Name = HeaderNormalizer.Normalize(PresetTemplate.ExpandName(c.Name, parameters, $"{file}: source '{source.Name}'")) })
            .Where(c => c.Name.Length > 0)
            .DistinctBy(c => c.Name)
            .ToList();
        return source with { Columns = columns };
    }

    private static List<PresetEntity> SelectEntities(Preset preset, IReadOnlyCollection<string>? requested)
    {
        if (requested is null)
        {
            return preset.Entities.Where(e => !e.OnRequest).ToList();
        }
        var unknown = requested.Where(r => preset.Entities.All(e => e.Name != r)).ToList();
        if (unknown.Count > 0)
        {
            throw new PresetMappingException(
                $"Preset '{preset.Name}' does not map {string.Join(", ", unknown)}; it maps {string.Join(", ", preset.Entities.Select(e => e.Name))}.");
        }
        return preset.Entities.Where(e => requested.Contains(e.Name)).ToList();
    }

    /// <summary>Drops the run's temp views and tables (all named __preset_*), also after a failed run.</summary>
    private static void DropTemporaries(DuckDBConnection connection)
    {
        const string ours = "temporary and starts_with(view_name, '__preset_')";
        foreach (var view in connection.Strings($"select view_name from duckdb_views() where {ours}"))
        {
            connection.Execute($"drop view if exists {Sql.Identifier(view)}");
        }
        foreach (var table in connection.Strings($"select table_name from duckdb_tables() where {ours.Replace("view_name", "table_name", StringComparison.Ordinal)}"))
        {
            connection.Execute($"drop table if exists {Sql.Identifier(table)}");
        }
    }
}
