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
            foreach (var table in tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A table that holds what the published one holds is kept: comparing costs a scan of each, writing it
                // again a sort and a compressed copy (most of a daily run's publish is tables that did not change).
                if (TableFingerprint.Same(connection, "main", Schema, table.Name)) kept++;
                else connection.Execute($"create or replace table {Schema}.\"{table.Name}\" as select * from main.\"{table.Name}\" order by {table.OrderBy}");
                rows += connection.Scalar<long>($"select count(*) from {Schema}.\"{table.Name}\"");
            }
            Rows = rows;
            Result = Result with { Rows = rows, Kept = kept };
        }

        protected override void Discard()
        {
        }
    }
}
