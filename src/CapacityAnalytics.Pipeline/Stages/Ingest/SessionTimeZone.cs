using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Sets DuckDB's session time zone (ICU) for the scope of a typing step, so a timestamp without an offset is read in
/// the pipeline's zone, and restores the previous zone afterwards so later SQL runs as before.
/// </summary>
public sealed class SessionTimeZone : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string _previous;

    private SessionTimeZone(DuckDBConnection connection, string previous)
    {
        _connection = connection;
        _previous = previous;
    }

    public static SessionTimeZone Use(DuckDBConnection connection, string timezone)
    {
        Validate(connection, timezone);
        var previous = connection.Scalar<string>("select current_setting('TimeZone')") ?? "UTC";
        connection.Execute($"set TimeZone = {Sql.Literal(timezone)}");
        return new SessionTimeZone(connection, previous);
    }

    /// <summary>Throws an <see cref="IngestException"/> unless the name is an IANA zone DuckDB knows.</summary>
    public static void Validate(DuckDBConnection connection, string timezone)
    {
        if (connection.Scalar<long>("select count(*) from pg_timezone_names() where name = $1", timezone) == 0)
        {
            throw new IngestException($"unknown timezone '{timezone}'; use an IANA name such as UTC or Europe/Berlin.");
        }
    }

    public void Dispose() => _connection.Execute($"set TimeZone = {Sql.Literal(_previous)}");
}
