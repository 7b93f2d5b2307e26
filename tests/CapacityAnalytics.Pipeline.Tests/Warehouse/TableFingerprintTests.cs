using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Warehouse;

public sealed class TableFingerprintTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public TableFingerprintTests()
    {
        _connection.Open();
        _connection.Execute("create table a as select * from (values (1, 'x', 2.5), (2, 'y', null), (3, null, 0.0)) t(id, name, hours)");
    }

    public void Dispose() => _connection.Dispose();

    private string Of(string table) => TableFingerprint.Of(_connection, "main", table);

    private string Variant(string select)
    {
        _connection.Execute($"create or replace table b as {select}");
        return Of("b");
    }

    [Fact]
    public void The_fingerprint_of_some_columns_changes_with_them_and_not_with_the_others()
    {
        var names = TableFingerprint.OfColumns(_connection, "a", ["id", "name"]);
        Assert.NotNull(names);

        // hours change: the id and name columns hold what they held
        _connection.Execute("update a set hours = 9.0");
        Assert.Equal(names, TableFingerprint.OfColumns(_connection, "a", ["id", "name"]));

        // a name changes, a row is added, the columns come in another order: each gives another fingerprint
        _connection.Execute("update a set name = 'z' where id = 1");
        var renamed = TableFingerprint.OfColumns(_connection, "a", ["id", "name"]);
        Assert.NotEqual(names, renamed);
        _connection.Execute("insert into a values (4, null, null)");
        Assert.NotEqual(renamed, TableFingerprint.OfColumns(_connection, "a", ["id", "name"]));
        Assert.NotEqual(TableFingerprint.OfColumns(_connection, "a", ["id", "name"]), TableFingerprint.OfColumns(_connection, "a", ["name", "id"]));

        // a column or a table that is not there has none
        Assert.Null(TableFingerprint.OfColumns(_connection, "a", ["id", "email"]));
        Assert.Null(TableFingerprint.OfColumns(_connection, "missing", ["id"]));
    }

    [Fact]
    public void The_same_rows_in_another_order_have_the_same_fingerprint()
    {
        Assert.Equal(Of("a"), Variant("select * from a order by id desc"));
        Assert.Equal(Of("a"), Variant("select * from (values (3, null, 0.0), (1, 'x', 2.5), (2, 'y', null)) t(id, name, hours)"));
    }

    [Theory]
    [InlineData("select id, name, case when id = 1 then 2.75 else hours end as hours from a")] // one value changed
    [InlineData("select id, name, coalesce(hours, 0.0) as hours from a")] // a null now 0
    [InlineData("select * from a union all select * from a where id = 2")] // a row twice
    [InlineData("select * from a where id <> 3")] // a row gone
    [InlineData("select id::bigint as id, name, hours from a")] // same values, another type
    [InlineData("select id as account_id, name, hours from a")] // a column renamed
    [InlineData("select name, id, hours from a")] // columns in another order
    [InlineData("select id, hours as name, name as hours from a where false")] // empty, other columns
    public void A_changed_value_row_type_or_column_changes_the_fingerprint(string select) =>
        Assert.NotEqual(Of("a"), Variant(select));

    [Fact]
    public void Same_compares_a_table_with_its_namesake_in_another_schema_and_a_missing_one_is_never_the_same()
    {
        _connection.Execute("create schema published");
        Assert.False(SameTable.In(_connection, "main", "published", "a"));

        _connection.Execute("create table published.a as select * from a order by hours");
        Assert.True(SameTable.In(_connection, "main", "published", "a"));

        _connection.Execute("update published.a set name = 'z' where id = 3");
        Assert.False(SameTable.In(_connection, "main", "published", "a"));
    }
}
