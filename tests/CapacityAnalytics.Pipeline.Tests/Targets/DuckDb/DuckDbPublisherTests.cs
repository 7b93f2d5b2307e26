using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.DuckDb;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Targets.DuckDb;

public sealed class DuckDbPublisherTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbPublisherTests()
    {
        _connection.Open();
        _connection.Execute("create table dim_segment as select * from (values ('smb', 0.0), ('enterprise', 50000.0)) t(segment, min_arr)");
        _connection.Execute("create table fct_activity as select 'a' || i as activity_id, i * 15 as minutes from range(3) r(i)");
    }

    public void Dispose() => _connection.Dispose();

    private static readonly PublishedTable[] Tables = [new("dim_segment"), new("fct_activity", "activity_id")];

    private RunContext Context => TestRunContext.For(_connection);

    private List<string> Published(string table) =>
        _connection.Strings($"select string_agg(t::varchar, ';' order by t::varchar) from {DuckDbPublisher.Schema}.{table} t");

    [Fact]
    public void A_table_the_published_schema_holds_unchanged_is_kept_and_a_changed_one_is_copied_again()
    {
        var first = new DuckDbPublisher().Publish(Context, Tables, CancellationToken.None);
        Assert.Equal(0, first.Kept);
        Assert.Equal(5, first.Rows);

        var again = new DuckDbPublisher().Publish(Context, Tables, CancellationToken.None);
        Assert.Equal(2, again.Kept);

        // one activity's minutes corrected: fct_activity is copied again, dim_segment kept
        _connection.Execute("update fct_activity set minutes = 20 where activity_id = 'a1'");
        var changed = new DuckDbPublisher().Publish(Context, Tables, CancellationToken.None);

        Assert.Equal(1, changed.Kept);
        Assert.Equal(5, changed.Rows);
        Assert.Equal(["{'activity_id': a0, 'minutes': 0};{'activity_id': a1, 'minutes': 20};{'activity_id': a2, 'minutes': 30}"], Published("fct_activity"));
        Assert.True(SameTable.In(_connection, "main", DuckDbPublisher.Schema, "dim_segment"));
    }

    [Fact]
    public void Of_a_partitioned_table_the_changed_partitions_are_replaced_and_the_published_rows_are_the_warehouse_ones()
    {
        _connection.Execute("create or replace table fct_activity as select 'a' || i as activity_id, date '2024-12-30' + i::int as activity_date, 15 as minutes from range(4) r(i)");
        PublishedTable[] tables = [new("fct_activity", "activity_id", "year(activity_date)")];
        new DuckDbPublisher().Publish(Context, tables, CancellationToken.None);

        // 2025's minutes corrected, 2024 as it was: kept whole when nothing changed, else equal to the warehouse table
        Assert.Equal(1, new DuckDbPublisher().Publish(Context, tables, CancellationToken.None).Kept);
        _connection.Execute("update fct_activity set minutes = 45 where activity_id = 'a3'");
        Assert.Equal(0, new DuckDbPublisher().Publish(Context, tables, CancellationToken.None).Kept);
        Assert.True(SameTable.In(_connection, "main", DuckDbPublisher.Schema, "fct_activity"));

        // 2024 gone, 2026 new
        _connection.Execute("delete from fct_activity where year(activity_date) = 2024");
        _connection.Execute("insert into fct_activity values ('a9', date '2026-02-01', 30)");
        new DuckDbPublisher().Publish(Context, tables, CancellationToken.None);
        Assert.True(SameTable.In(_connection, "main", DuckDbPublisher.Schema, "fct_activity"));
        Assert.Equal(["{'activity_id': a2, 'activity_date': 2025-01-01, 'minutes': 15};{'activity_id': a3, 'activity_date': 2025-01-02, 'minutes': 45};{'activity_id': a9, 'activity_date': 2026-02-01, 'minutes': 30}"],
            Published("fct_activity"));

        // a new column: every partition differs, the table is copied whole with it
        _connection.Execute("alter table fct_activity add column direction varchar default 'outbound'");
        new DuckDbPublisher().Publish(Context, tables, CancellationToken.None);
        Assert.Equal(["activity_id", "activity_date", "minutes", "direction"],
            _connection.Strings($"select column_name from duckdb_columns() where schema_name = '{DuckDbPublisher.Schema}' and table_name = 'fct_activity' order by column_index"));
    }

    [Fact]
    public void A_table_split_into_files_by_month_is_compared_and_replaced_month_by_month()
    {
        // five days, 2025-01-30 to 2025-02-03: two in January, three in February
        _connection.Execute("create or replace table fct_activity as select 'a' || i as activity_id, date '2025-01-30' + i::int as activity_date, 15 as minutes from range(5) r(i)");
        PublishedTable[] tables = [new("fct_activity", "activity_id", "year(activity_date)", "strftime(activity_date, '%Y-%m')")];
        new DuckDbPublisher().Publish(Context, tables, CancellationToken.None);
        var before = _connection.Strings($"select activity_id || ':' || rowid from {DuckDbPublisher.Schema}.fct_activity order by activity_id");

        // one February day changes: February's three rows are deleted and inserted again, January's stay in place
        _connection.Execute("update fct_activity set minutes = 30 where activity_id = 'a3'");
        Assert.Equal(0, new DuckDbPublisher().Publish(Context, tables, CancellationToken.None).Kept);

        Assert.True(SameTable.In(_connection, "main", DuckDbPublisher.Schema, "fct_activity"));
        var after = _connection.Strings($"select activity_id || ':' || rowid from {DuckDbPublisher.Schema}.fct_activity order by activity_id");
        Assert.Equal(before.Take(2), after.Take(2));
        Assert.All(before.Skip(2).Zip(after.Skip(2)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void A_published_table_edited_by_hand_is_replaced_by_the_warehouse_one()
    {
        new DuckDbPublisher().Publish(Context, Tables, CancellationToken.None);
        _connection.Execute($"delete from {DuckDbPublisher.Schema}.dim_segment where segment = 'smb'");

        var result = new DuckDbPublisher().Publish(Context, Tables, CancellationToken.None);

        Assert.Equal(1, result.Kept);
        Assert.Equal(2L, _connection.Scalar<long>($"select count(*) from {DuckDbPublisher.Schema}.dim_segment"));
    }
}
