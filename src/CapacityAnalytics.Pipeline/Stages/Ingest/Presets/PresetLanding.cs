using System.Text.RegularExpressions;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Runs one entity's mapping SQL (the sources visible as CTEs under their preset names) and writes
/// <c>land_&lt;entity&gt;</c>: every contract column as VARCHAR in contract order (NULL where the mapping gives
/// none), then <c>_file</c>, <c>_line</c>, <c>_file_order</c>; rows ordered by file order, file and line.
/// </summary>
internal sealed partial class PresetLanding(DuckDBConnection connection, Preset preset, PresetReportBuilder report)
{
    /// <summary>
    /// A mapping may select <c>_source_&lt;column&gt;</c> beside a contract column: a label saying where the value
    /// came from (e.g. which ARR rule). The labels are counted into the report and not landed.
    /// </summary>
    public const string ProvenancePrefix = "_source_";

    public long Write(PresetEntity entity, EntitySpec spec, IReadOnlyList<SourceTable> sources,
        IReadOnlyDictionary<string, PresetParameter> parameters)
    {
        var where = $"{preset.SourceFile}: entity '{entity.Name}'";
        var query = Query(PresetTemplate.ExpandSql(entity.Sql, parameters, where), sources);
        List<(string Name, string Type)> produced;
        try
        {
            produced = connection.Describe($"select * from ({query}) q");
        }
        catch (DuckDBException e)
        {
            throw new PresetMappingException($"{where}: the mapping SQL fails: {e.Gist()}", e);
        }

        var provenance = produced.Select(c => c.Name)
            .Where(n => n.StartsWith(ProvenancePrefix, StringComparison.Ordinal) && spec.Column(n[ProvenancePrefix.Length..]) is not null)
            .ToList();
        var unknown = produced.Where(c => spec.Column(c.Name) is null && !LandingColumns.Bookkeeping.Contains(c.Name) && !provenance.Contains(c.Name)).Select(c => c.Name).ToList();
        if (unknown.Count > 0)
        {
            throw new PresetMappingException(
                $"{where}: the mapping produces {string.Join(", ", unknown)}, not columns of {spec.Name} ({string.Join(", ", spec.Columns.Select(c => c.Name))}).");
        }
        var lineageMissing = LandingColumns.Bookkeeping.Where(l => produced.All(c => c.Name != l)).ToList();
        if (lineageMissing.Count > 0)
        {
            throw new PresetMappingException(
                $"{where}: the mapping must select {string.Join(", ", lineageMissing)} from its main source (lineage for rejects).");
        }

        var types = produced.ToDictionary(c => c.Name, c => c.Type, StringComparer.OrdinalIgnoreCase);
        var select = spec.Columns
            .Select(c => types.TryGetValue(c.Name, out var type) ? $"{AsText("q." + Sql.Identifier(c.Name), type)} as {c.Name}" : $"cast(null as varchar) as {c.Name}")
            .Concat(["cast(q._file as varchar) as _file", "cast(q._line as bigint) as _line", "cast(q._file_order as integer) as _file_order"])
            .Concat(provenance.Select(p => $"cast(q.{Sql.Identifier(p)} as varchar) as {Sql.Identifier(p)}"));
        var table = LandingColumns.TableFor(entity.Name);
        try
        {
            connection.Execute($"""
                create or replace table {table} as
                select {string.Join(",\n    ", select)}
                from ({query}) q
                order by q._file_order, q._file, q._line
                """);
        }
        catch (DuckDBException e)
        {
            throw new PresetMappingException($"{where}: the mapping SQL fails: {e.Gist()}", e);
        }
        foreach (var label in provenance)
        {
            var column = Sql.Identifier(label);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"select coalesce({column}, 'none'), count(*) from {table} group by 1 order by 1";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    report.Provenance(new PresetProvenanceCount(entity.Name, label[ProvenancePrefix.Length..], reader.GetString(0), reader.GetInt64(1)));
                }
            }
            connection.Execute($"alter table {table} drop column {column}");
        }
        return connection.ScalarLong($"select count(*) from {table}");
    }

    /// <summary>The mapping SQL with every source as a CTE in front (merged into the mapping's own WITH, if any).</summary>
    private static string Query(string sql, IReadOnlyList<SourceTable> sources)
    {
        var ctes = string.Join(",\n", sources.Select(s => $"{Sql.Identifier(s.Source.Name)} as (select * from {Sql.Identifier(s.View)})"));
        var trimmed = sql.Trim().TrimEnd(';');
        var with = LeadingWith().Match(trimmed);
        return with.Success
            ? $"with {ctes},\n{trimmed[with.Length..]}"
            : $"with {ctes}\n{trimmed}";
    }

    /// <summary>Text in the canonical format for a value of the given DuckDB type.</summary>
    private static string AsText(string column, string type) => type.ToUpperInvariant() switch
    {
        "TIMESTAMP" or "TIMESTAMP_NS" or "TIMESTAMP_MS" or "TIMESTAMP_S" => $"strftime({column}, '{PresetSqlFunctions.CanonicalTimestampFormat}')",
        "TIMESTAMP WITH TIME ZONE" => $"strftime(timezone('UTC', {column}), '{PresetSqlFunctions.CanonicalTimestampFormat}')",
        "DATE" => $"strftime({column}, '%Y-%m-%d')",
        "DOUBLE" or "FLOAT" => $"preset_number_text({column})",
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => $"preset_number_text({column})",
        _ => $"cast({column} as varchar)",
    };

    [GeneratedRegex(@"^with\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingWith();
}
