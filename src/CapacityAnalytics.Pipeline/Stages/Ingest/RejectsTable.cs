using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// <c>ingest_rejects(entity, file, line, column, value, reason)</c>: one row per bad cell (or per structural error)
/// of the last ingest. It is written outside the swap of the raw tables, so it stays queryable after a failed run.
/// </summary>
public static class RejectsTable
{
    public const string Name = "ingest_rejects";

    public static void Recreate(DuckDBConnection connection) => connection.Execute(
        $"create or replace table {Name} (entity varchar, file varchar, line bigint, \"column\" varchar, value varchar, reason varchar)");

    public static void EnsureExists(DuckDBConnection connection) => connection.Execute(
        $"create table if not exists {Name} (entity varchar, file varchar, line bigint, \"column\" varchar, value varchar, reason varchar)");

    /// <summary>Appends the bad cells of a checked-rows table (see <see cref="CheckedRowsSql"/>); returns the rows that had any.</summary>
    public static long AppendChecked(DuckDBConnection connection, string entity, string checkedTable)
    {
        connection.Execute($"""
            insert into {Name}
            select $1, {LandingColumns.File}, {LandingColumns.Line}, struct_extract(p, 'column'), struct_extract(p, 'value'), struct_extract(p, 'reason')
            from (
                select {LandingColumns.File}, {LandingColumns.Line}, {LandingColumns.FileOrder}, unnest({CheckedRowsSql.Errors}) as p
                from {Sql.Identifier(checkedTable)}
                where not {CheckedRowsSql.Ok}
            )
            order by {LandingColumns.FileOrder}, {LandingColumns.Line}
            """, entity);
        return connection.Scalar<long>(
            $"select count(*) from {Sql.Identifier(checkedTable)} where not {CheckedRowsSql.Ok}");
    }

    public static void Append(DuckDBConnection connection, IEnumerable<IngestReject> rejects)
    {
        using var appender = connection.CreateAppender(Name);
        foreach (var reject in rejects)
        {
            appender.CreateRow()
                .AppendValue(reject.Entity)
                .AppendValue(reject.File)
                .AppendValue(reject.Line)
                .AppendValue(reject.Column)
                .AppendValue(reject.Value)
                .AppendValue(reject.Reason)
                .EndRow();
        }
    }
}
