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

    public PublishResult Publish(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        var connection = context.Connection;
        long rows = 0;
        connection.Execute($"create schema if not exists {Schema}");
        connection.Execute("begin transaction");
        try
        {
            foreach (var table in tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                connection.Execute($"create or replace table {Schema}.\"{table.Name}\" as select * from main.\"{table.Name}\" order by {table.OrderBy}");
                rows += connection.Scalar<long>($"select count(*) from {Schema}.\"{table.Name}\"");
            }
            connection.Execute("commit");
        }
        catch
        {
            connection.Execute("rollback");
            throw;
        }
        return new PublishResult(Name, $"{context.Config.WarehousePath} (schema {Schema})", tables.Count, rows);
    }
}
