using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests;

/// <summary>An in-memory DuckDB shared by the tests of one class.</summary>
public sealed class DuckDbFixture : IDisposable
{
    public DuckDbFixture()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
    }

    public DuckDBConnection Connection { get; }

    public void Dispose() => Connection.Dispose();
}
