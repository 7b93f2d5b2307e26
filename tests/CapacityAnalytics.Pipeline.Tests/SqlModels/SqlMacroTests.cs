using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.SqlModels;

public sealed class SqlMacroTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public SqlMacroTests()
    {
        _connection.Open();
        _connection.Execute(File.ReadAllText(TestFiles.RepoFile("sql/macros/time.sql")));
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    // the last microsecond of a UTC day and the first of the next
    [InlineData("2026-03-28 23:59:59.999999+00", "2026-03-28")]
    [InlineData("2026-03-29 00:00:00+00", "2026-03-29")]
    // an offset east of UTC: 00:30 on Jan 1st in +02 is 22:30 on Dec 31st in UTC
    [InlineData("2026-01-01 00:30:00+02", "2025-12-31")]
    // west of UTC: 20:00 in -05 is 01:00 the next day
    [InlineData("2025-12-31 20:00:00-05", "2026-01-01")]
    // before 1970 the division rounds down, not towards zero
    [InlineData("1969-12-31 23:59:59+00", "1969-12-31")]
    [InlineData("1969-12-31 00:00:00+00", "1969-12-31")]
    public void The_utc_day_of_a_timestamp_is_the_day_the_zone_conversion_gives(string timestamp, string day)
    {
        Assert.Equal(day, _connection.Scalar<string>($"select cast(utc_date(timestamptz '{timestamp}') as varchar)"));
        Assert.Equal(day, _connection.Scalar<string>($"select cast(cast(timezone('UTC', timestamptz '{timestamp}') as date) as varchar)"));
    }

    [Fact]
    public void A_missing_timestamp_has_no_day()
    {
        Assert.Null(_connection.Scalar<string>("select cast(utc_date(null::timestamptz) as varchar)"));
    }
}
