using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>Rewrites the provisional <c>_line</c> (ordinal + 1) of one file's landed rows with the physical lines of a <see cref="CsvLineMap"/>.</summary>
public static class LineMapUpdate
{
    private const string Segments = "_ingest_line_segments";

    public static void Apply(DuckDBConnection connection, string table, string file, CsvLineMap map)
    {
        if (map.IsIdentity)
        {
            return;
        }
        connection.Execute($"create or replace temp table {Segments} (from_ordinal bigint, to_ordinal bigint, line_offset bigint)");
        using (var appender = connection.CreateAppender(Segments))
        {
            var segments = map.Segments;
            for (var i = 0; i < segments.Count; i++)
            {
                var to = i + 1 < segments.Count ? segments[i + 1].FromOrdinal - 1 : long.MaxValue;
                appender.CreateRow().AppendValue(segments[i].FromOrdinal).AppendValue(to).AppendValue(segments[i].Offset).EndRow();
            }
        }
        var line = LandingColumns.Line;
        connection.Execute($"""
            update {Sql.Identifier(table)} as l
            set {line} = l.{line} - 1 + s.line_offset
            from {Segments} s
            where l.{LandingColumns.File} = $1 and l.{line} - 1 between s.from_ordinal and s.to_ordinal
            """, file);
        connection.Execute($"drop table {Segments}");
    }
}
