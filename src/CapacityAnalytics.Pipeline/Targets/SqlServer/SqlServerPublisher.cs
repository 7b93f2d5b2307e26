using System.Globalization;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Connections;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Warehouse;
using Microsoft.Data.SqlClient;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>
/// Publishes the star schema to SQL Server, Azure SQL or Fabric Warehouse: each table is bulk-copied into a new
/// <c>[schema].[name__incoming]</c>, then one transaction swaps them all in, so readers never see a half publish and a
/// failed load leaves the previous tables untouched.
/// </summary>
public sealed class SqlServerPublisher : IPublisher
{
    private const string ConnectionKey = "publish.sqlserver.connection_env";

    private readonly SqlServerTarget _target;
    private readonly SqlDialect _dialect;

    public SqlServerPublisher(SqlServerTarget target)
    {
        _target = target;
        _dialect = SqlDialects.Parse(target.Dialect);
        if (string.IsNullOrWhiteSpace(target.Schema))
        {
            throw new ConfigurationException("publish.sqlserver.schema is empty; name the schema the tables go to (e.g. capacity).");
        }
    }

    public string Name => "sqlserver";

    public PublishTargetKind Kind => PublishTargetKind.SqlServer;

    /// <summary>Bulk-copies every table into <c>[schema].[name__incoming]</c>; the published tables are untouched.</summary>
    public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        var connectionString = SqlServerConnectionString.FromEnvironment(_target.ConnectionEnv, ConnectionKey);
        var plans = tables
            .Where(t => context.Connection.TableExists(t.Name))
            .Select(t => BulkLoadPlan.For(context.Connection, t.Name, _dialect, _target.BatchSize))
            .ToList();
        var schema = _target.Schema;
        long rows = 0;
        var step = "connecting";
        try
        {
            using var server = new SqlConnection(connectionString.Value);
            server.Open();
            step = $"creating schema {schema}";
            Execute(server, SqlServerDdl.CreateSchema(schema), cancellationToken);
            var writer = new SqlBulkWriter(server);
            foreach (var plan in plans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                step = $"loading {schema}.{plan.Staging}";
                Execute(server, SqlServerDdl.DropTable(schema, plan.Staging), cancellationToken);
                Execute(server, SqlServerDdl.CreateTable(schema, plan.Staging, plan.Columns), cancellationToken);
                rows += Load(context, schema, plan, writer, cancellationToken);
            }
        }
        catch (Exception ex) when (SqlServerFailure.IsDriverFailure(ex))
        {
            throw SqlServerFailure.Wrap(ex, $"SQL Server publish ({step})", connectionString);
        }
        return new Prepared(this, connectionString, plans)
        {
            Result = new PublishResult(Name, $"schema {schema} ({_dialect}, connection from ${connectionString.Variable})", plans.Count, rows),
        };
    }

    /// <summary>Swaps the loaded tables in, in one SQL Server transaction.</summary>
    private sealed class Prepared(SqlServerPublisher publisher, SqlServerConnectionString connectionString, List<BulkLoadPlan> plans) : PreparedPublish
    {
        protected override void Switch()
        {
            var schema = publisher._target.Schema;
            try
            {
                using var server = new SqlConnection(connectionString.Value);
                server.Open();
                Execute(server, SqlServerDdl.Swap(schema, plans.Select(p => p.Table).ToList(), publisher._dialect), CancellationToken.None);
            }
            catch (Exception ex) when (SqlServerFailure.IsDriverFailure(ex))
            {
                throw SqlServerFailure.Wrap(ex, $"SQL Server publish (swapping {plans.Count} tables into {schema})", connectionString);
            }
        }

        // The __incoming tables are dropped and reloaded by the next publish.
        protected override void Discard()
        {
        }
    }

    private static long Load(RunContext context, string schema, BulkLoadPlan plan, IBulkWriter writer, CancellationToken cancellationToken)
    {
        using var command = context.Connection.CreateCommand();
        command.CommandText = plan.SelectSql;
        using var reader = command.ExecuteReader();
        var rows = BulkLoader.Load(reader, plan.Columns, plan.BatchSize, TSql.Name(schema, plan.Staging), writer, cancellationToken: cancellationToken);
        context.Observer.Note(string.Create(CultureInfo.InvariantCulture, $"sqlserver: {plan.Table} {rows} rows"));
        return rows;
    }

    private static void Execute(SqlConnection server, string sql, CancellationToken cancellationToken)
    {
        using var command = server.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
