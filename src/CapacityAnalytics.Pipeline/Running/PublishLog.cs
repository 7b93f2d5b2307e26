using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>
/// <c>publish_log</c>: one row per publish that reached its commit point. The row is written in the same warehouse
/// transaction that replaces the DuckDB <c>published</c> schema, so the last row names the run every target holds, or
/// will hold once the switch a kill interrupted is finished (<c>IPublisher.RollForward</c>, at the next publish).
/// </summary>
public static class PublishLog
{
    public const string Table = "publish_log";

    /// <summary>The key under which a failed run's exception carries the run every target still holds (or null: none yet).</summary>
    public const string PublishedRunKey = "capacity.published_run";

    public static void Ensure(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"create table if not exists {Table} (run_id varchar primary key, committed timestamptz)";
        command.ExecuteNonQuery();
    }

    /// <summary>Records the commit point of a publish; call inside the warehouse transaction that switches the DuckDB target.</summary>
    public static void Committed(DuckDBConnection connection, string runId, DateTimeOffset at)
    {
        Ensure(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"insert or replace into {Table} values ($1, $2)";
        command.Parameters.Add(new DuckDBParameter(runId));
        command.Parameters.Add(new DuckDBParameter(at.UtcDateTime));
        command.ExecuteNonQuery();
    }

    /// <summary>The run of the last committed publish, or null when nothing was published yet.</summary>
    public static string? Last(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select count(*) from duckdb_tables() where table_name = '{Table}' and schema_name = 'main'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        command.CommandText = $"select run_id from {Table} order by committed desc, run_id desc limit 1";
        return command.ExecuteScalar() as string;
    }

    /// <summary>What a failed run's message says about the publish targets.</summary>
    public static string Describe(string? run) => run is null
        ? "nothing was published yet"
        : $"every publish target still holds run {run}";
}
