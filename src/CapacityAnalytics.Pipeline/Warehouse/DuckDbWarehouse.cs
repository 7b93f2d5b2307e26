using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>A DuckDB database (a file or <c>:memory:</c>) with the few helpers every stage needs.</summary>
public sealed class DuckDbWarehouse : IDisposable
{
    private DuckDbWarehouse(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    /// <summary>Opens (creating if needed) a DuckDB file, or an in-memory database for <c>:memory:</c>.</summary>
    public static DuckDbWarehouse Open(string path)
    {
        var connection = new DuckDBConnection("DataSource=" + path);
        connection.Open();
        return new DuckDbWarehouse(connection);
    }

    public int Execute(string sql, params object?[] parameters) => Connection.Execute(sql, parameters);

    public T? Scalar<T>(string sql, params object?[] parameters) => Connection.Scalar<T>(sql, parameters);

    public bool TableExists(string table) => Connection.TableExists(table);

    public long RowCount(string table) => Connection.RowCount(table);

    public void Dispose() => Connection.Dispose();
}
