using System.Diagnostics;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// Loads only new files into existing raw tables: each entity's new files are landed and typed as in a full ingest
/// (same checks, same rejects, deduplicated among themselves), then merged with the raw table by the same
/// latest-wins rule: the new files have the highest file order, so a key they hold replaces the loaded version.
/// Every raw table takes its new rows in place, all in one transaction (<see cref="PendingTables.CommitAppend"/>), so
/// the cost follows the new rows; a failure leaves the raw tables and their rejects as they were. The swap
/// records in <see cref="IngestChangeLog"/> the old and the new version of every new or replaced row (its account,
/// CSM and natural day, <see cref="ChangeColumns"/>), for the transform to rebuild only what they touch.
/// </summary>
public static class AppendIngest
{
    public static IngestResult Run(DuckDBConnection connection, IReadOnlyList<InputFile> added, IngestOptions options, CancellationToken cancellationToken)
    {
        SessionTimeZone.Validate(connection, options.Timezone);
        RejectsTable.EnsureExists(connection);
        var results = new List<EntityIngestResult>();
        var pending = new List<string>();
        var appends = new List<(string, string?)>();
        var paths = added.Select(f => f.Path).ToList();
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                // A previous attempt on the same files (failed on the reject threshold) must not leave its rejects twice.
                foreach (var path in paths) connection.Execute($"delete from {RejectsTable.Name} where file = $1", path);
                transaction.Commit();
            }
            connection.Execute($"create or replace table {PendingTables.ChangeTable} ({IngestChangeLog.Columns})");
            foreach (var group in added.GroupBy(f => f.Entity, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entity = InputContract.Find(group.Key) ?? throw new IngestException($"unknown entity '{group.Key}'.");
                var watch = Stopwatch.StartNew();
                var files = group.OrderBy(f => f.Order).Select(f => new ExtractFile(f.Path, FormatOf(f.Path), f.Order)).ToList();
                // The new files alone, as a full ingest loads an entity; then merged with what is loaded.
                var loaded = IngestService.LoadEntity(connection, entity, files, options);
                pending.Add(loaded.Table);
                var (rows, superseded) = entity == InputContract.UsageEvents
                    ? (UsageEventsAppend.Merge(connection), 0)
                    : ListChanges(connection, entity, loaded.Table);
                appends.Add((loaded.Table, Replaces(entity)));
                results.Add(loaded with
                {
                    DuplicatesSuperseded = loaded.DuplicatesSuperseded + superseded,
                    Seconds = watch.Elapsed.TotalSeconds,
                    TableRows = rows,
                });
            }
            IngestService.ThrowIfOverThreshold(connection, results, options.RejectThreshold);
            PendingTables.CommitAppend(connection, appends);
            return new IngestResult(results, []);
        }
        catch
        {
            PendingTables.Discard(connection, pending);
            foreach (var entity in added.Select(f => f.Entity).Distinct(StringComparer.Ordinal))
            {
                connection.Execute($"drop table if exists {Sql.Identifier(LandingColumns.TableFor(entity))}");
            }
            throw;
        }
    }

    /// <summary>A new row replaces the loaded row with its key (SQL over loaded <c>o</c> and new <c>n</c>); null for an entity without a key.</summary>
    private static string? Replaces(EntitySpec entity) =>
        entity.Key.Count == 0 ? null : string.Join(" and ", entity.Key.Select(k => $"n.{Sql.Identifier(k)} = o.{Sql.Identifier(k)}"));

    // Lists the loaded rows the new ones replace and the new rows as changes; returns the rows the raw table will
    // hold once the new rows join it (PendingTables.CommitAppend) and how many loaded rows they replace.
    private static (long Rows, long Superseded) ListChanges(DuckDBConnection connection, EntitySpec entity, string rawTable)
    {
        var raw = Sql.Identifier(rawTable);
        var fresh = Sql.Identifier(PendingTables.NameFor(rawTable));
        var (account, csm, day) = ChangeColumns(entity);
        var replaced = Replaces(entity) is { } match ? $"from {raw} o where exists (select 1 from {fresh} n where {match})" : $"from {raw} o where false";
        connection.Execute($"""
            insert into {PendingTables.ChangeTable}
            select {Sql.Literal(entity.Name)}, {account}, {csm}, {day} {replaced}
            union all
            select {Sql.Literal(entity.Name)}, {account}, {csm}, {day} from {fresh} o
            """);
        var superseded = connection.Scalar<long>($"select count(*) {replaced}");
        return (connection.RowCount(rawTable) - superseded + connection.RowCount(PendingTables.NameFor(rawTable)), superseded);
    }

    /// <summary>
    /// What a changed row of <paramref name="entity"/> touches (SQL over alias <c>o</c>): its account and CSM (null when
    /// the entity has none) and its natural day as the models read it (activities: UTC date of occurred_at, as
    /// stg_activities; tickets: UTC date of created_at; dated entities: their date; accounts and CSMs: none).
    /// </summary>
    public static (string Account, string Csm, string Day) ChangeColumns(EntitySpec entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var columns = entity.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var account = columns.Contains("account_id") ? "trim(o.account_id)" : "null::varchar";
        var csm = columns.Contains("csm_id") ? "trim(o.csm_id)" : "null::varchar";
        var day = entity.Name switch
        {
            "activities" => "cast(timezone('UTC', o.occurred_at) as date)",
            "tickets" => "cast(timezone('UTC', o.created_at) as date)",
            "account_history" => "o.valid_from",
            "opportunities" => "o.created_on",
            _ when columns.Contains("date") => "o.date",
            _ => "null::date",
        };
        return (account, csm, day);
    }

    private static ExtractFormat FormatOf(string path) =>
        string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase) ? ExtractFormat.Parquet : ExtractFormat.Csv;
}
