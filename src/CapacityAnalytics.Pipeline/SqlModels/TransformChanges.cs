using System.Security.Cryptography;
using System.Text;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// What changed since the last successful build, for an incremental build: the rows ingest changed
/// (<see cref="IngestChangeLog"/>) and the days the as-of date moved over (<c>as_of_change(day)</c>). The last build's
/// state (<c>transform_state</c>: a fingerprint of the SQL folder, the model file's parameters and the DuckDB version;
/// its as-of date and data start) decides whether a partial build is possible at all; when it is not,
/// <see cref="FullReason"/> says why.
/// </summary>
public sealed class TransformChanges
{
    public const string StateTable = "transform_state";
    public const string AsOfChangeTable = "as_of_change";

    private readonly string fingerprint;
    private readonly DateOnly asOf;
    private readonly DateOnly dataStart;

    private TransformChanges(string fingerprint, DateOnly asOf, DateOnly dataStart, string? fullReason)
    {
        this.fingerprint = fingerprint;
        this.asOf = asOf;
        this.dataStart = dataStart;
        FullReason = fullReason;
    }

    /// <summary>Null when the build may rebuild only what changed; else why everything is rebuilt.</summary>
    public string? FullReason { get; }

    public bool Incremental => FullReason is null;

    /// <summary>
    /// Reads the last build's state against this one (the parameters and <c>run_context</c> already loaded) and creates
    /// <c>as_of_change</c>: the days d with min(old, new as-of) &lt; d &lt;= max(old, new as-of), whose rows a
    /// <c>&lt;= as_of</c> filter now keeps or drops differently (empty when the as-of date did not move).
    /// </summary>
    public static TransformChanges Open(DuckDBConnection connection, string sqlDirectory, bool incremental)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var print = Fingerprint(connection, sqlDirectory);
        DateOnly asOf, dataStart;
        using (var command = connection.Command("select as_of, data_start from run_context"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            asOf = reader.GetFieldValue<DateOnly>(0);
            dataStart = reader.GetFieldValue<DateOnly>(1);
        }
        connection.Execute($"create or replace temp table {AsOfChangeTable} (day date)");
        var reason = incremental ? null : "asked for a full build";
        (string Fingerprint, DateOnly AsOf, DateOnly DataStart)? last = null;
        if (reason is null && connection.TableExists(StateTable))
        {
            using var command = connection.Command($"select fingerprint, as_of, data_start from {StateTable}");
            using var reader = command.ExecuteReader();
            if (reader.Read() && !reader.IsDBNull(0) && !reader.IsDBNull(1) && !reader.IsDBNull(2))
            {
                last = (reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2));
            }
        }
        reason ??= last is null ? "no earlier build to start from"
            : !connection.TableExists(IngestChangeLog.Table) ? "the warehouse does not record ingest changes (ingest_change)"
            : connection.Scalar<long>($"select count(*) from {IngestChangeLog.Table} where entity = $1", IngestChangeLog.Everything) > 0 ? "a full ingest"
            : last.Value.Fingerprint != print ? "the SQL models or the model file changed"
            : last.Value.DataStart != dataStart ? "the data start (first activity date) moved"
            : null;
        if (reason is null && last!.Value.AsOf != asOf)
        {
            var (from, to) = last.Value.AsOf < asOf ? (last.Value.AsOf, asOf) : (asOf, last.Value.AsOf);
            connection.Execute($"insert into {AsOfChangeTable} select cast(unnest(generate_series($1::date + 1, $2::date, interval 1 day)) as date)", from, to);
        }
        return new TransformChanges(print, asOf, dataStart, reason);
    }

    /// <summary>Records this build as the last one and empties the change log (inside the build's transaction).</summary>
    public void Commit(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute($"create or replace table {StateTable} (fingerprint varchar, as_of date, data_start date)");
        connection.Execute($"insert into {StateTable} values ($1, $2, $3)", fingerprint, asOf, dataStart);
        if (connection.TableExists(IngestChangeLog.Table)) connection.Execute($"delete from {IngestChangeLog.Table}");
        connection.Execute($"drop table if exists {AsOfChangeTable}");
    }

    /// <summary>A hash of the SQL folder's .sql and .yaml files, the model_* parameter tables, the model version and DuckDB's version.</summary>
    private static string Fingerprint(DuckDBConnection connection, string sqlDirectory)
    {
        var text = new StringBuilder();
        foreach (var path in Directory.EnumerateFiles(sqlDirectory, "*", SearchOption.AllDirectories)
                     .Where(p => Path.GetExtension(p) is ".sql" or ".yaml" or ".yml")
                     .Select(p => Path.GetRelativePath(sqlDirectory, p).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            text.Append(path).Append('\n').Append(File.ReadAllText(Path.Combine(sqlDirectory, path))).Append('\n');
        }
        var parameters = connection.Strings("""
            select table_name from duckdb_tables()
            where schema_name = 'main' and database_name = current_database() and table_name like 'model\_%' escape '\'
            order by table_name
            """);
        foreach (var table in parameters)
        {
            text.Append(table).Append('\n').Append(connection.Scalar<string>(
                $"select string_agg(t::varchar, '\n' order by t::varchar) from {Sql.Identifier(table)} t")).Append('\n');
        }
        text.Append(connection.Scalar<string>("select model_version || ' ' || version() from run_context"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
