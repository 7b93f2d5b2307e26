using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// <c>capacity validate</c>: checks one folder of exports without loading it anywhere. A canonical folder is checked
/// by <see cref="ExtractValidator"/>; a vendor folder the way it is loaded, translated by its preset and typed in an
/// in-memory DuckDB, without requiring the entities other sources of a pipeline provide.
/// </summary>
public static class SourceValidator
{
    public static IReadOnlyList<ExtractProblem> Validate(string folder, string preset, IngestOptions options, string? presetsDirectory = null)
    {
        var config = AdHocPipeline.For(folder, preset, Path.GetTempPath(), options.Timezone);
        if (config.Sources[0].Kind == SourceKind.CanonicalFolder) return ExtractValidator.Validate(folder, options);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        try
        {
            SourceSetIngest.Run(connection, config, options, presetsDirectory ?? PresetLoader.DefaultDirectory, null, CancellationToken.None, requireMandatory: false);
        }
        catch (IngestException ex)
        {
            return [new ExtractProblem(null, folder, null, null, null, ex.Message)];
        }
        using var command = connection.Command("select entity, file, line, \"column\", value, reason from ingest_rejects order by file, line, \"column\"");
        using var reader = command.ExecuteReader();
        var problems = new List<ExtractProblem>();
        while (reader.Read())
        {
            problems.Add(new ExtractProblem(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }
        return problems;
    }
}
