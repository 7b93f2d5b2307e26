using System.Globalization;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.SqlServer;
using CapacityAnalytics.Pipeline.Tests.Support;
using DuckDB.NET.Data;
using Microsoft.Data.SqlClient;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

/// <summary>Against a real server named by CAPACITY_TEST_SQLSERVER; each test uses its own schema and drops it.</summary>
public sealed class SqlServerLiveTests : IDisposable
{
    private readonly string _schema = "capacity_test_" + Guid.NewGuid().ToString("N")[..8];
    private readonly DuckDBConnection _warehouse = new("DataSource=:memory:");

    public SqlServerLiveTests() => _warehouse.Open();

    private static string ConnectionString => Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable)!;

    private void Duck(string sql)
    {
        using var command = _warehouse.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object[]> Server(string sql)
    {
        using var connection = new SqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private PublishResult Publish(params string[] tables)
    {
        var publisher = new SqlServerPublisher(new SqlServerTarget { ConnectionEnv = SqlServerFactAttribute.Variable, Schema = _schema, BatchSize = 2 });
        var context = TestRunContext.For(_warehouse);
        return publisher.Publish(context, tables.Select(t => new PublishedTable(t)).ToList(), CancellationToken.None);
    }

    [SqlServerFact]
    public void Two_tables_publish_then_republish_replaces_them_and_leaves_no_staging_tables()
    {
        // Given two tables, one with every mart type
        Duck("create table dim_segment as select * from (values ('smb', 0.0), ('enterprise', 50000.0)) t(segment, min_arr)");
        Duck("create table fct_activity as select 'a' || i as activity_id, timestamptz '2025-01-01 12:00:00+00' + to_days(i::int) as occurred_at, "
            + "i::bigint as n, i::integer as k, (i * 1.5)::double as d, 1.25::decimal(18,2) as m, i % 2 = 0 as even, date '2025-01-01' as day "
            + "from range(5) r(i)");

        // When published, then the data changes and it is published again
        var first = Publish("dim_segment", "fct_activity");
        Duck("delete from fct_activity where n >= 3");
        Duck("update dim_segment set min_arr = 1 where segment = 'smb'");
        Publish("dim_segment", "fct_activity");

        // Then the tables hold the second publish's rows, with the right values, and nothing else is left in the schema
        Assert.Equal(7, first.Rows);
        Assert.Equal(3, Convert.ToInt32(Server($"select count(*) from [{_schema}].[fct_activity]")[0][0], CultureInfo.InvariantCulture));
        Assert.Equal(1.0, Convert.ToDouble(Server($"select min_arr from [{_schema}].[dim_segment] where segment = 'smb'")[0][0], CultureInfo.InvariantCulture));
        var row = Server($"select activity_id, occurred_at, m, even, day from [{_schema}].[fct_activity] where activity_id = 'a1'")[0];
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero), row[1]);
        Assert.Equal(1.25m, row[2]);
        Assert.Equal(false, row[3]);
        Assert.Equal(new DateTime(2025, 1, 1), row[4]);
        var tables = Server($"select name from sys.tables where schema_id = schema_id('{_schema}') order by name").Select(r => (string)r[0]);
        Assert.Equal(["dim_segment", "fct_activity"], tables);
    }

    [SqlServerFact]
    public void A_query_source_lands_its_rows_and_pushes_usage_down()
    {
        var variable = SqlServerFactAttribute.Variable;
        var accounts = new SqlServerSource(new SourceConfig
        {
            Entity = "accounts",
            ConnectionEnv = variable,
            Query = "select * from (values ('acc1', cast(1200.50 as decimal(18,2))), ('acc2', cast(10 as decimal(18,2)))) v(account_id, arr)",
        });
        var usage = new SqlServerSource(new SourceConfig
        {
            Entity = "usage_events",
            ConnectionEnv = variable,
            Query = "select * from (values ('acc1', 'u1', cast('2025-01-02T10:00:00' as datetime2)), ('acc1', 'u1', cast('2025-01-02T11:00:00' as datetime2)), "
                + "('acc1', 'u2', cast('2025-01-02T12:00:00' as datetime2))) v(account_id, user_id, occurred_at);",
        });

        Assert.Equal(2, accounts.Land(_warehouse, CancellationToken.None));
        Assert.Equal(1, usage.Land(_warehouse, CancellationToken.None));

        using var command = _warehouse.CreateCommand();
        command.CommandText = "select string_agg(account_id || '=' || arr || '@' || _line, ',' order by _line) from land_accounts";
        Assert.Equal("acc1=1200.50@1,acc2=10.00@2", command.ExecuteScalar());
        command.CommandText = "select account_id || ' ' || date || ' ' || active_users || ' ' || events || ' ' || coalesce(key_events, '-') from land_usage_events_daily";
        Assert.Equal("acc1 2025-01-02 2 3 -", command.ExecuteScalar());
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable))) return;
        Server($"declare @sql nvarchar(max) = N''; select @sql += N'drop table [{_schema}].' + quotename(name) + N';' from sys.tables where schema_id = schema_id('{_schema}'); "
            + $"exec(@sql); if schema_id('{_schema}') is not null exec(N'drop schema [{_schema}]'); select 1");
    }
}
