using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Makes a reject of a row a mapping file produced point at the mapping: the reason gets the mapping file and line
/// of the entity column, the export columns it reads, and what to change. The reject already names the export file,
/// line, column and value, so the whole message is one line from the export cell to the mapping key.
/// </summary>
internal static class MappingHints
{
    public static void Annotate(DuckDBConnection connection, Preset preset, PresetReport report)
    {
        if (!connection.TableExists(RejectsTable.Name)) return;
        foreach (var (entity, columns) in preset.Lineage)
        {
            foreach (var (column, lineage) in columns)
            {
                var files = report.Sources.Where(s => s.Source == lineage.Source).SelectMany(s => s.Files).ToList();
                if (files.Count == 0) continue;
                var reads = lineage.Columns.Count == 0 ? "a constant" : string.Join(", ", lineage.Columns.Select(c => $"{lineage.Source}.{c}"));
                var prefix = $"; mapping {preset.Lines.At(lineage.Path)} maps {entity}.{column} from {reads}: ";
                connection.Execute($"""
                    update {RejectsTable.Name}
                    set reason = reason || {Sql.Literal(prefix)} || {Advice("reason")}
                    where entity = {Sql.Literal(entity)} and "column" = {Sql.Literal(column)}
                      and file in ({string.Join(", ", files.Select(Sql.Literal))})
                      and reason not like '%; mapping %'
                    """);
            }
        }
    }

    /// <summary>What to change in the mapping, by the kind of reject.</summary>
    private static string Advice(string reason) => $$"""
        case
            when {{reason}} like 'not a date%' or {{reason}} like 'not an ISO-8601%'
                then 'give the export column a format that matches the value (format: ''%d/%m/%Y %H:%M'' or order: dmy / mdy under the column), or list the value under null_tokens'
            when {{reason}} like 'required value is empty%'
                then 'map a column that is always filled (coalesce: [a, b]), or leave such rows out with where'
            when {{reason}} like 'not one of%'
                then 'add the value to a map under maps and use map: on this column'
            when {{reason}} like 'not a decimal%' or {{reason}} like 'not an integer%' or {{reason}} like 'not a boolean%'
                then 'list the value under null_tokens, or compute the column (multiply/divide, when)'
            when {{reason}} like 'below the minimum%' or {{reason}} like 'above the maximum%'
                then 'check the unit (e.g. seconds vs minutes: divide: 60) or leave such rows out with where'
            else 'check the export value and this mapping entry'
        end
        """;
}
