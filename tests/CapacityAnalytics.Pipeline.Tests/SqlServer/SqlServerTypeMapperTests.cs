using CapacityAnalytics.Pipeline.Targets.SqlServer;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class SqlServerTypeMapperTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public SqlServerTypeMapperTests() => _connection.Open();

    // Every type the marts produce, spelt as DuckDB spells it in information_schema.columns.
    private Dictionary<string, string> TypesOf(string createTable)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = createTable;
        command.ExecuteNonQuery();
        command.CommandText = "select column_name, data_type from information_schema.columns where table_name = 't' order by ordinal_position";
        using var reader = command.ExecuteReader();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }

    private const string MartTypes = "create table t as select "
        + "'x'::varchar as v, 1::bigint as b, 1::integer as i, 1.5::double as d, 1.25::decimal(18,2) as m, true as f, "
        + "date '2025-01-01' as dt, timestamptz '2025-01-01 00:00:00+00' as ts, sum(1::bigint) as h, "
        + "timestamp '2025-01-01 00:00:00' as naive, 1::smallint as s";

    [Fact]
    public void Every_mart_type_maps_to_its_SQL_Server_type()
    {
        var types = TypesOf(MartTypes);

        var mapped = types.ToDictionary(t => t.Key, t => SqlServerTypeMapper.Map(SqlDialect.SqlServer, "t", t.Key, t.Value, 10).SqlType);

        Assert.Equal(new Dictionary<string, string>
        {
            ["v"] = "nvarchar(4000)",
            ["b"] = "bigint",
            ["i"] = "int",
            ["d"] = "float",
            ["m"] = "decimal(18,2)",
            ["f"] = "bit",
            ["dt"] = "date",
            ["ts"] = "datetimeoffset(6)",
            ["h"] = "decimal(38,0)",
            ["naive"] = "datetime2(6)",
            ["s"] = "smallint",
        }, mapped);
    }

    [Fact]
    public void Fabric_has_varchar_and_stores_instants_as_utc_datetime2()
    {
        var types = TypesOf(MartTypes);

        var mapped = types.ToDictionary(t => t.Key, t => SqlServerTypeMapper.Map(SqlDialect.Fabric, "t", t.Key, t.Value, 10));

        Assert.Equal("varchar(8000)", mapped["v"].SqlType);
        Assert.Equal("datetime2(6)", mapped["ts"].SqlType);
        Assert.Equal(ValueKind.InstantAsUtc, mapped["ts"].Value);
        Assert.Equal("decimal(18,2)", mapped["m"].SqlType);
    }

    [Theory]
    [InlineData(SqlDialect.SqlServer, null, "nvarchar(4000)")]
    [InlineData(SqlDialect.SqlServer, 4000L, "nvarchar(4000)")]
    [InlineData(SqlDialect.SqlServer, 4001L, "nvarchar(max)")]
    [InlineData(SqlDialect.Fabric, 8000L, "varchar(8000)")]
    [InlineData(SqlDialect.Fabric, 8001L, "varchar(max)")]
    public void Text_gets_a_sized_column_up_to_the_limit_and_max_beyond(SqlDialect dialect, long? longest, string expected)
    {
        Assert.Equal(expected, SqlServerTypeMapper.Map(dialect, "t", "c", "VARCHAR", longest).SqlType);
    }

    [Fact]
    public void An_unmapped_type_is_an_error_naming_table_and_column()
    {
        var types = TypesOf("create table t as select [1, 2] as tags, interval 1 day as gap");

        var ex = Assert.Throws<CapacityException>(() => SqlServerTypeMapper.Map(SqlDialect.SqlServer, "fct_x", "tags", types["tags"]));
        Assert.Contains("Table fct_x, column tags", ex.Message, StringComparison.Ordinal);
        Assert.Contains("INTEGER[]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CapacityException>(() => SqlServerTypeMapper.Map(SqlDialect.SqlServer, "fct_x", "gap", types["gap"]));
    }

    public void Dispose() => _connection.Dispose();
}
