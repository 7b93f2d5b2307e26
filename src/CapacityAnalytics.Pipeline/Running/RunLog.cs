using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Running;

/// <summary>The <c>pipeline_run</c> table: one row per run, written when it starts and again when it ends.</summary>
public static class RunLog
{
    /// <summary>Exception data key: why a failed run could not be written to pipeline_run (the warehouse was unusable).</summary>
    public const string NotLoggedKey = "capacity.run-not-logged";

    public const string Table = "pipeline_run";

    /// <summary>The key under which a failing stage's exception carries the rows it rejected, for the run's row.</summary>
    public const string RejectsKey = "capacity.rejects";

    /// <summary>The key under which a failed run's exception carries the stage it failed in.</summary>
    public const string StageKey = "capacity.stage";

    public static void Ensure(DuckDBConnection connection) => Exec(connection,
        $"create table if not exists {Table} (run_id varchar primary key, pipeline varchar, trigger varchar, "
        + "started timestamptz, finished timestamptz, status varchar, stage_seconds varchar, rows_in bigint, rows_out bigint, "
        + "rejects bigint, error varchar)");

    public static void Started(DuckDBConnection connection, string runId, string pipeline, string trigger, DateTimeOffset started)
    {
        Ensure(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"insert or replace into {Table} (run_id, pipeline, trigger, started, status) values ($1, $2, $3, $4, 'running')";
        command.Parameters.Add(new DuckDBParameter(runId));
        command.Parameters.Add(new DuckDBParameter(pipeline));
        command.Parameters.Add(new DuckDBParameter(trigger));
        command.Parameters.Add(new DuckDBParameter(started.UtcDateTime));
        command.ExecuteNonQuery();
    }

    public static void Finished(DuckDBConnection connection, string runId, DateTimeOffset finished, string status,
        IReadOnlyList<StageResult> stages, string? error, long failedStageRejects = 0)
    {
        var timings = JsonSerializer.Serialize(stages.ToDictionary(s => s.Stage, s => Math.Round(s.Seconds, 3)));
        using var command = connection.CreateCommand();
        command.CommandText = $"update {Table} set finished = $1, status = $2, stage_seconds = $3, rows_in = $4, rows_out = $5, "
            + "rejects = $6, error = $7 where run_id = $8";
        command.Parameters.Add(new DuckDBParameter(finished.UtcDateTime));
        command.Parameters.Add(new DuckDBParameter(status));
        command.Parameters.Add(new DuckDBParameter(timings));
        command.Parameters.Add(new DuckDBParameter(stages.Count > 0 ? stages[0].RowsIn : 0L));
        command.Parameters.Add(new DuckDBParameter(stages.Count > 0 ? stages[^1].RowsOut : 0L));
        command.Parameters.Add(new DuckDBParameter(stages.Sum(s => s.Rejects) + failedStageRejects));
        command.Parameters.Add(new DuckDBParameter((object?)error ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter(runId));
        command.ExecuteNonQuery();
    }

    /// <summary>Marks runs left 'running' by a process that died as 'killed', so history tells the truth.</summary>
    public static int MarkAbandoned(DuckDBConnection connection)
    {
        Ensure(connection);
        return Exec(connection, $"update {Table} set status = 'killed', error = 'the process ended before the run finished' where status = 'running'");
    }

    /// <summary>
    /// When a schedule last started a run of a pipeline (trigger <c>cron:&lt;schedule&gt;</c> or
    /// <c>catch-up:&lt;schedule&gt;</c>), or null when it never did.
    /// </summary>
    public static DateTimeOffset? LastScheduledStart(DuckDBConnection connection, string pipeline, string schedule)
    {
        if (!TableExists(connection)) return null;
        using var command = connection.CreateCommand();
        command.CommandText = $"select epoch_ms(max(started)) from {Table} where pipeline = $1 and trigger in ($2, $3)";
        command.Parameters.Add(new DuckDBParameter(pipeline));
        command.Parameters.Add(new DuckDBParameter("cron:" + schedule));
        command.Parameters.Add(new DuckDBParameter("catch-up:" + schedule));
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static bool TableExists(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select count(*) from duckdb_tables() where table_name = '{Table}'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    public static IReadOnlyList<RunLogEntry> Recent(DuckDBConnection connection, int limit)
    {
        if (!TableExists(connection)) return []; // the reader may be read-only: no create here
        using var command = connection.CreateCommand();
        command.CommandText = "select run_id, pipeline, trigger, started, finished, status, stage_seconds, rows_in, rows_out, rejects, error "
            + $"from {Table} order by started desc, run_id desc limit {limit.ToString(CultureInfo.InvariantCulture)}";
        using var reader = command.ExecuteReader();
        var entries = new List<RunLogEntry>();
        while (reader.Read())
        {
            entries.Add(new RunLogEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTime>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTime>(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? 0 : reader.GetInt64(7),
                reader.IsDBNull(8) ? 0 : reader.GetInt64(8),
                reader.IsDBNull(9) ? 0 : reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return entries;
    }

    private static int Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}

public sealed record RunLogEntry(string RunId, string Pipeline, string Trigger, DateTime Started, DateTime? Finished,
    string Status, string? StageSeconds, long RowsIn, long RowsOut, long Rejects, string? Error);
