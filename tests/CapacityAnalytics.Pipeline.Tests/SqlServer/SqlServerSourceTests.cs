using System.Data;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class SqlServerSourceTests : IDisposable
{
    private readonly DuckDBConnection _warehouse = new("DataSource=:memory:");

    public SqlServerSourceTests() => _warehouse.Open();

    private List<string[]> Query(string sql)
    {
        using var command = _warehouse.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    }

    private static SqlServerSource Source(string entity, string query = "select * from crm.activities") =>
        new(new SourceConfig { Entity = entity, Query = query, ConnectionEnv = "CAPACITY_CRM" });

    private static DataTable Activities()
    {
        var table = new DataTable();
        table.Columns.Add("Activity_Id", typeof(string));
        table.Columns.Add("csm_id", typeof(string));
        table.Columns.Add("type", typeof(string));
        table.Columns.Add("occurred_at", typeof(DateTimeOffset));
        table.Columns.Add("duration_minutes", typeof(decimal));
        table.Columns.Add("logged", typeof(DateTime));
        table.Columns.Add("billable", typeof(bool));
        table.Rows.Add("a1", "c1", "qbr", new DateTimeOffset(2025, 1, 2, 9, 30, 0, TimeSpan.FromHours(2)), 45.50m, new DateTime(2025, 1, 2, 10, 0, 0, 500), true);
        table.Rows.Add("a2", "c1", "email", new DateTimeOffset(2025, 1, 3, 8, 0, 0, TimeSpan.Zero), DBNull.Value, DBNull.Value, false);
        return table;
    }

    [Fact]
    public void Query_rows_land_as_canonical_text_with_the_file_columns_of_an_extract()
    {
        // Given a query result for activities
        using var rows = Activities().CreateDataReader();

        // When it lands
        var landed = Source("activities").LandRows(_warehouse, rows, CancellationToken.None);

        // Then land_activities holds lower-cased text columns, sqlserver:activities as _file and 1-based lines
        Assert.Equal(2, landed);
        Assert.Equal(
            [
                ["activity_id", "VARCHAR"], ["csm_id", "VARCHAR"], ["type", "VARCHAR"], ["occurred_at", "VARCHAR"],
                ["duration_minutes", "VARCHAR"], ["logged", "VARCHAR"], ["billable", "VARCHAR"],
                ["_file", "VARCHAR"], ["_line", "BIGINT"], ["_file_order", "INTEGER"],
            ],
            Query("select column_name, data_type from information_schema.columns where table_name = 'land_activities' order by ordinal_position"));
        Assert.Equal(
            [
                ["a1", "c1", "qbr", "2025-01-02T09:30:00+02:00", "45.50", "2025-01-02T10:00:00.5", "true", "sqlserver:activities", "1", "0"],
                ["a2", "c1", "email", "2025-01-03T08:00:00+00:00", "<null>", "<null>", "false", "sqlserver:activities", "2", "0"],
            ],
            Query("select * from land_activities order by _line"));
    }

    [Fact]
    public void A_query_without_a_required_column_is_a_one_line_error_naming_it()
    {
        var table = Activities();
        table.Columns.Remove("occurred_at");
        using var rows = table.CreateDataReader();

        var ex = Assert.Throws<ConfigurationException>(() => Source("activities").LandRows(_warehouse, rows, CancellationToken.None));

        Assert.Equal("sources[entity=activities]: the query returns no occurred_at (required); alias the source column, e.g. select Id as occurred_at.", ex.Message);
    }

    [Fact]
    public void Usage_events_are_pushed_down_and_land_in_the_account_day_shape()
    {
        // Given the server's answer to the pushed-down query
        var source = Source("usage_events", "select * from app.events");
        var table = new DataTable();
        table.Columns.Add("account_id", typeof(string));
        table.Columns.Add("date", typeof(DateTime));
        table.Columns.Add("active_users", typeof(int));
        table.Columns.Add("events", typeof(int));
        table.Rows.Add("acc1", new DateTime(2025, 1, 2), 3, 17);
        using var rows = new DateTypedReader(table.CreateDataReader(), "date");

        // When it lands
        source.LandRows(_warehouse, rows, CancellationToken.None);

        // Then it is in land_usage_events_daily with an empty key_events, and the server ran the aggregation
        Assert.Equal("land_usage_events_daily", source.LandingTable);
        Assert.Equal([["acc1", "2025-01-02", "3", "17", "<null>", "sqlserver:usage_events", "1", "0"]], Query("select * from land_usage_events_daily"));
        Assert.Equal(PushdownQuery.UsageDaily("select * from app.events"), source.ServerQuery);
    }

    [Fact]
    public void Other_entities_run_the_query_as_written()
    {
        var source = Source("accounts", "select Id as account_id, AnnualRevenue as arr from sf.Account");

        Assert.False(source.PushesDown);
        Assert.Equal("land_accounts", source.LandingTable);
        Assert.Equal("select Id as account_id, AnnualRevenue as arr from sf.Account", source.ServerQuery);
    }

    [Fact]
    public void An_unknown_entity_or_missing_variable_is_a_configuration_error()
    {
        Assert.Throws<ConfigurationException>(() => Source("widgets"));
        var ex = Assert.Throws<ConfigurationException>(() =>
            new SqlServerSource(new SourceConfig { Entity = "accounts", Query = "select 1", ConnectionEnv = "CAPACITY_TEST_UNSET_" + Guid.NewGuid().ToString("N") })
                .Land(_warehouse, CancellationToken.None));
        Assert.Contains("sources[entity=accounts].connection_env", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _warehouse.Dispose();

    /// <summary>SqlDataReader reports a date column as "date"; a DataTableReader cannot, so this one does.</summary>
    private sealed class DateTypedReader(DataTableReader inner, string dateColumn) : IDataReader
    {
        public string GetDataTypeName(int i) => inner.GetName(i) == dateColumn ? "date" : inner.GetDataTypeName(i);
        public int FieldCount => inner.FieldCount;
        public string GetName(int i) => inner.GetName(i);
        public bool Read() => inner.Read();
        public object GetValue(int i) => inner.GetValue(i);
        public bool IsDBNull(int i) => inner.IsDBNull(i);
        public object this[int i] => inner[i];
        public object this[string name] => inner[name];
        public int Depth => inner.Depth;
        public bool IsClosed => inner.IsClosed;
        public int RecordsAffected => inner.RecordsAffected;
        public void Close() => inner.Close();
        public DataTable? GetSchemaTable() => inner.GetSchemaTable();
        public bool NextResult() => inner.NextResult();
        public void Dispose() => inner.Dispose();
        public bool GetBoolean(int i) => inner.GetBoolean(i);
        public byte GetByte(int i) => inner.GetByte(i);
        public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => inner.GetBytes(i, fieldOffset, buffer, bufferoffset, length);
        public char GetChar(int i) => inner.GetChar(i);
        public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => inner.GetChars(i, fieldoffset, buffer, bufferoffset, length);
        public IDataReader GetData(int i) => inner.GetData(i);
        public DateTime GetDateTime(int i) => inner.GetDateTime(i);
        public decimal GetDecimal(int i) => inner.GetDecimal(i);
        public double GetDouble(int i) => inner.GetDouble(i);
        public Type GetFieldType(int i) => inner.GetFieldType(i);
        public float GetFloat(int i) => inner.GetFloat(i);
        public Guid GetGuid(int i) => inner.GetGuid(i);
        public short GetInt16(int i) => inner.GetInt16(i);
        public int GetInt32(int i) => inner.GetInt32(i);
        public long GetInt64(int i) => inner.GetInt64(i);
        public int GetOrdinal(string name) => inner.GetOrdinal(name);
        public string GetString(int i) => inner.GetString(i);
        public int GetValues(object[] values) => inner.GetValues(values);
    }
}
