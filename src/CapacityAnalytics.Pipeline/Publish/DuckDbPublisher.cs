using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Publish;

/// <summary>
/// Publishes the star schema inside the warehouse file as schema <c>published</c>, replaced in one transaction:
/// BI tools that open the DuckDB file see one consistent publish and none of the staging or intermediate tables.
/// </summary>
public sealed class DuckDbPublisher : IPublisher
{
    public const string Schema = "published";

    public string Name => "duckdb";

    public PublishResult Publish(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        var connection = context.Connection;
        long rows = 0;
        Db.Execute(connection, $"create schema if not exists {Schema}");
        Db.Execute(connection, "begin transaction");
        try
        {
            foreach (var table in tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Db.Execute(connection, $"create or replace table {Schema}.\"{table.Name}\" as select * from main.\"{table.Name}\" order by {table.OrderBy}");
                rows += Db.Scalar<long>(connection, $"select count(*) from {Schema}.\"{table.Name}\"");
            }
            Db.Execute(connection, "commit");
        }
        catch
        {
            Db.Execute(connection, "rollback");
            throw;
        }
        return new PublishResult(Name, $"{context.Config.WarehousePath} (schema {Schema})", tables.Count, rows);
    }
}
