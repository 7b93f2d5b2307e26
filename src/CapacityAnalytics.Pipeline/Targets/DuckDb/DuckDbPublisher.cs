using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Targets.DuckDb;

/// <summary>
/// Publishes the star schema inside the warehouse file as schema <c>published</c>, replaced in one transaction:
/// BI tools that open the DuckDB file see one consistent publish and none of the staging or intermediate tables.
/// </summary>
public sealed class DuckDbPublisher : IPublisher
{
    public const string Schema = "published";

    public string Name => "duckdb";

    public PublishTargetKind Kind => PublishTargetKind.DuckDb;

    /// <summary>Nothing is written aside: the switch is the copy itself, inside the warehouse transaction that is the publish's commit point.</summary>
    public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken) =>
        new Prepared(context, tables, cancellationToken)
        {
            Result = new PublishResult(Name, $"{context.Config.WarehousePath} (schema {Schema})", tables.Count, 0),
        };

    private sealed class Prepared(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken) : PreparedPublish
    {
        public long Rows { get; private set; }

        public override bool InWarehouse => true;

        protected override void Switch()
        {
            var connection = context.Connection;
            connection.Execute($"create schema if not exists {Schema}");
            long rows = 0;
            var kept = 0;
            // Compared by the units the publish reads the warehouse tables by (PublishedTable.Unit): of fct_activity each
            // month, so a daily run replaces the current month's rows, not the table.
            var published = TableFingerprint.OfTables(connection, Schema, tables.Select(t => (t.Name, t.Unit)));
            foreach (var table in PublishedTables.WithContent(connection, tables))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Publish(connection, table, table.Content!, published.GetValueOrDefault(table.Name))) kept++;
                rows += table.Content!.Rows;
            }
            Rows = rows;
            Result = Result with { Rows = rows, Kept = kept };
        }

        protected override void Discard()
        {
        }
    }

    /// <summary>
    /// Copies one table into the published schema; true when the published one (<paramref name="published"/>, null when
    /// there is none) already held the same rows and was kept. Comparing fingerprints costs a scan of each, writing again
    /// a sort and a compressed copy, and most of a daily run's tables did not change. Of a partitioned fact only the
    /// units that changed (<see cref="PublishedTable.Unit"/>) are replaced.
    /// </summary>
    private static bool Publish(DuckDB.NET.Data.DuckDBConnection connection, PublishedTable table, TableContent content, TableContent? published)
    {
        var name = Sql.Identifier(table.Name);
        if (published is not null && published.Fingerprint == content.Fingerprint) return true;
        if (published?.Partitions is { } was && content.Partitions is { } now && table.Unit is { } partition)
        {
            var changed = now.Keys.Union(was.Keys)
                .Where(p => !now.TryGetValue(p, out var a) || !was.TryGetValue(p, out var b) || a != b)
                .Order(StringComparer.Ordinal).ToList();
            // Another column or type changes every partition's fingerprint: then the table is copied whole.
            if (changed.Count < now.Count)
            {
                var where = $"coalesce(cast({partition} as varchar), '') in ({string.Join(", ", changed.Select(Sql.Literal))})";
                connection.Execute($"delete from {Schema}.{name} where {where}");
                connection.Execute($"insert into {Schema}.{name} select * from main.{name} where {where} order by {table.OrderBy}");
                return false;
            }
        }
        connection.Execute($"create or replace table {Schema}.{name} as select * from main.{name} order by {table.OrderBy}");
        return false;
    }
}
