using System.Globalization;
using CapacityAnalytics.Pipeline.Targets.SqlServer;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class BulkLoaderTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public BulkLoaderTests() => _connection.Open();

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private RecordingBulkWriter LoadTable(string table, SqlDialect dialect, int batchSize, out long rows)
    {
        var plan = BulkLoadPlan.For(_connection, table, dialect, batchSize);
        using var command = _connection.CreateCommand();
        command.CommandText = plan.SelectSql;
        using var reader = command.ExecuteReader();
        var writer = new RecordingBulkWriter();
        rows = BulkLoader.Load(reader, plan.Columns, plan.BatchSize, TSql.Name("capacity", plan.Staging), writer);
        return writer;
    }

    [Theory]
    [InlineData(0L, 3, new int[0])]
    [InlineData(2L, 3, new[] { 2 })]
    [InlineData(6L, 3, new[] { 3, 3 })]
    [InlineData(120_005L, 50_000, new[] { 50_000, 50_000, 20_005 })]
    public void Rows_are_planned_as_full_batches_then_the_rest(long rows, int batchSize, int[] expected)
    {
        Assert.Equal(expected, BulkLoadPlan.Batches(rows, batchSize));
    }

    [Theory]
    [InlineData(7, 3)]
    [InlineData(6, 3)]
    [InlineData(1, 5)]
    [InlineData(0, 5)]
    public void A_table_streams_in_exactly_the_planned_batches_with_no_empty_batch(int rows, int batchSize)
    {
        // Given a table of numbered rows
        Exec($"create table numbers as select i::bigint as n from range({rows}) r(i)");

        // When it is bulk loaded in batches
        var writer = LoadTable("numbers", SqlDialect.SqlServer, batchSize, out var loaded);

        // Then the batches are those planned, and every row arrives once, in order
        Assert.Equal(BulkLoadPlan.Batches(rows, batchSize), writer.BatchSizes);
        Assert.Equal(rows, loaded);
        Assert.Equal(Enumerable.Range(0, rows).Select(i => (object)(long)i), writer.Rows.Select(r => r[0]));
        Assert.All(writer.Destinations, d => Assert.Equal("[capacity].[numbers__incoming]", d));
    }

    [Fact]
    public void Values_arrive_in_the_dotnet_types_SqlBulkCopy_writes_into_the_mapped_columns()
    {
        // Given a row of each mart type, and a row of nulls
        Exec("create table t as select 'héllo'::varchar as v, 42::bigint as b, 7::integer as i, 1.5::double as d, "
            + "12.34::decimal(18,2) as m, true as f, date '2025-03-04' as dt, "
            + "timestamptz '2025-03-04 05:06:07.123456+00' as ts, sum(9::bigint) as h, 3::smallint as s");
        Exec("insert into t values (null, null, null, null, null, null, null, null, null, null)");

        // When it is loaded
        var writer = LoadTable("t", SqlDialect.SqlServer, 10, out _);

        // Then the names are the table's and each value has its SqlBulkCopy type
        Assert.Equal(["v", "b", "i", "d", "m", "f", "dt", "ts", "h", "s"], writer.Names);
        var row = writer.Rows[0];
        Assert.Equal("héllo", row[0]);
        Assert.Equal(42L, row[1]);
        Assert.Equal(7, row[2]);
        Assert.Equal(1.5, row[3]);
        Assert.Equal(12.34m, row[4]);
        Assert.Equal(true, row[5]);
        Assert.Equal(new DateTime(2025, 3, 4), row[6]);
        var instant = Assert.IsType<DateTimeOffset>(row[7]);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(DateTimeOffset.Parse("2025-03-04T05:06:07.123456Z", CultureInfo.InvariantCulture), instant);
        Assert.Equal(9m, row[8]);
        Assert.Equal((short)3, row[9]);
        Assert.All(writer.Rows[1], v => Assert.Equal(DBNull.Value, v));
        Assert.Equal(row.Select(v => v.GetType()), writer.FieldTypes);
    }

    [Fact]
    public void For_Fabric_an_instant_arrives_as_its_utc_datetime()
    {
        Exec("create table t as select timestamptz '2025-03-04 05:06:07+02' as ts");

        var writer = LoadTable("t", SqlDialect.Fabric, 10, out _);

        var utc = Assert.IsType<DateTime>(writer.Rows[0][0]);
        Assert.Equal(new DateTime(2025, 3, 4, 3, 6, 7, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void The_plan_sizes_text_by_the_longest_value_and_quotes_odd_names()
    {
        Exec("create table \"odd \"\"t\"\"\" as select repeat('x', 4001) as long_text, 'short' as \"short text\"");

        var plan = BulkLoadPlan.For(_connection, "odd \"t\"", SqlDialect.SqlServer);

        Assert.Equal(["nvarchar(max)", "nvarchar(4000)"], plan.Columns.Select(c => c.SqlType));
        Assert.Equal("select \"long_text\", \"short text\" from \"odd \"\"t\"\"\"", plan.SelectSql);
        Assert.Equal(BulkLoadPlan.DefaultBatchSize, plan.BatchSize);
    }

    [Fact]
    public void A_batch_size_below_one_is_a_configuration_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => BulkLoadPlan.Batches(10, 0));
        Assert.Contains("publish.sqlserver.batch_size", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _connection.Dispose();
}
