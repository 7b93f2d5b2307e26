using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// The typing step, shared by canonical ingest and the presets: <c>land_&lt;entity&gt;</c> (whoever wrote it) to the
/// pending raw table, every bad cell to <see cref="RejectsTable"/>, re-exports deduplicated, usage_events aggregated
/// to account-day. The raw table becomes visible only when <see cref="PendingTables.Commit"/> swaps it in.
/// </summary>
public static class LandedEntityTyper
{
    /// <summary>The temp table of the checked rows while an entity is typed.</summary>
    public const string CheckedTable = "_ingest_checked";

    public static TypingResult Type(DuckDBConnection connection, string entity, IngestOptions options)
    {
        var spec = InputContract.Find(entity) ?? throw new IngestException($"unknown entity '{entity}'; expected one of {string.Join(", ", InputContract.Entities.Select(e => e.Name))}.");
        var land = LandingColumns.TableFor(spec.Name);
        if (!connection.TableExists(land))
        {
            throw new IngestException($"{land}: landing table not found; land the {spec.Name} files before typing them.");
        }
        var columns = connection.ColumnNames(land).Select(c => c.Trim().ToLowerInvariant()).ToList();
        foreach (var required in spec.RequiredColumns.Where(r => !columns.Contains(r.Name, StringComparer.Ordinal)))
        {
            throw new MissingColumnException(land, spec.Name, required.Name);
        }
        using (SessionTimeZone.Use(connection, options.Timezone))
        {
            connection.Execute($"create or replace temp table {CheckedTable} as {CheckedRowsSql.Build(spec, columns, Sql.Identifier(land), window: options.Plausible)}");
        }
        return TypeChecked(connection, spec, columns, options);
    }

    /// <summary>
    /// The rest of typing once <see cref="CheckedTable"/> holds the checked rows (<see cref="CheckedRowsSql"/>, from a
    /// landing table or straight from the files: <see cref="LandingLoader.LandChecked"/>): bad cells to
    /// <see cref="RejectsTable"/>, the pending raw table of the good rows, the checked table dropped.
    /// </summary>
    /// <param name="columns">The source's columns (contract, extra and bookkeeping), lower-case.</param>
    public static TypingResult TypeChecked(DuckDBConnection connection, EntitySpec spec, IReadOnlyCollection<string> columns, IngestOptions options)
    {
        RejectsTable.EnsureExists(connection);
        using (SessionTimeZone.Use(connection, options.Timezone))
        {
            try
            {
                var typed = connection.RowCount(CheckedTable);
                var rejected = RejectsTable.AppendChecked(connection, spec.Name, CheckedTable);
                var (table, sql) = RawSql(spec, CheckedRowsSql.ExtraColumns(spec, columns).ToList(), CheckedTable,
                    keysUnique: spec != InputContract.UsageEvents && !RawTableSql.HasDuplicateKeys(connection, spec, CheckedTable));
                connection.Execute($"create or replace table {Sql.Identifier(PendingTables.NameFor(table))} as {sql}");
                var tableRows = connection.RowCount(PendingTables.NameFor(table));
                var duplicates = spec.Key.Count > 0 ? typed - rejected - tableRows : 0;
                return new TypingResult(spec.Name, table, typed, rejected, duplicates, tableRows);
            }
            finally
            {
                connection.Execute($"drop table if exists {CheckedTable}");
            }
        }
    }

    /// <summary>Creates the pending raw table of an entity with no files this run: the same columns, no rows.</summary>
    public static string CreateEmpty(DuckDBConnection connection, EntitySpec entity)
    {
        var (table, sql) = RawSql(entity, [], $"({CheckedRowsSql.Build(entity, [], LandingColumns.Empty(LandingColumns.Bookkeeping))})");
        connection.Execute($"create or replace table {Sql.Identifier(PendingTables.NameFor(table))} as {sql}");
        return table;
    }

    /// <summary>The raw table an entity loads into and the query that fills it from its checked rows.</summary>
    /// <param name="keysUnique">See <see cref="RawTableSql.Build"/>.</param>
    public static (string Table, string Sql) RawSql(EntitySpec entity, IReadOnlyCollection<string> extras, string checkedRelation, bool keysUnique = false) =>
        entity == InputContract.UsageEvents
            ? (UsageEventsDaily.Table, UsageEventsDaily.AggregateSql(checkedRelation))
            : (entity.StagingTable, RawTableSql.Build(entity, extras, checkedRelation, keysUnique));
}
