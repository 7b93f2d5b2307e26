using System.Data;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Connections;
using DuckDB.NET.Data;
using Microsoft.Data.SqlClient;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;

/// <summary>
/// A pipeline source that is a SQL Server / Azure SQL / Fabric query for one entity. Its rows land in
/// <c>land_&lt;entity&gt;</c> exactly like an extract file's (text columns, <c>_file</c> = <c>sqlserver:&lt;entity&gt;</c>),
/// so the typing step treats both alike. Raw usage events are aggregated to account-day on the server and land in
/// <see cref="PushdownQuery.UsageDailyLandingTable"/> instead.
/// </summary>
public sealed class SqlServerSource
{
    private readonly SourceConfig _source;
    private readonly string _key;

    public SqlServerSource(SourceConfig source)
    {
        _source = source;
        Entity = InputContract.Find(source.Entity ?? "")
            ?? throw new ConfigurationException(
                $"sources[entity={source.Entity}]: unknown entity; use one of {string.Join(", ", InputContract.Entities.Select(e => e.Name))}.");
        _key = $"sources[entity={Entity.Name}]";
        if (string.IsNullOrWhiteSpace(source.Query))
        {
            throw new ConfigurationException($"{_key}: query is empty; write the select that returns the entity's columns.");
        }
    }

    public EntitySpec Entity { get; }

    /// <summary>Raw usage events are aggregated on the server (docs/sqlserver.md).</summary>
    public bool PushesDown => Entity == InputContract.UsageEvents;

    /// <summary>The DuckDB table the rows land in.</summary>
    public string LandingTable => PushesDown ? PushdownQuery.UsageDailyLandingTable : "land_" + Entity.Name;

    /// <summary>The T-SQL the server runs.</summary>
    public string ServerQuery => PushesDown ? PushdownQuery.UsageDaily(_source.Query!) : _source.Query!;

    /// <summary>What <c>_file</c> says for these rows.</summary>
    public string FileTag => "sqlserver:" + Entity.Name;

    /// <summary>Runs the query and lands its rows; returns how many.</summary>
    public long Land(DuckDBConnection warehouse, CancellationToken cancellationToken)
    {
        var connection = SqlServerConnectionString.FromEnvironment(_source.ConnectionEnv, _key + ".connection_env");
        try
        {
            using var server = new SqlConnection(connection.Value);
            server.Open();
            using var command = server.CreateCommand();
            command.CommandText = ServerQuery;
            command.CommandTimeout = 0;
            using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            return LandRows(warehouse, reader, cancellationToken);
        }
        catch (Exception ex) when (SqlServerFailure.IsDriverFailure(ex))
        {
            throw SqlServerFailure.Wrap(ex, $"{_key}: SQL Server query", connection);
        }
    }

    /// <summary>Lands rows as the query returns them; separate from the connection so it is tested without a server.</summary>
    public long LandRows(DuckDBConnection warehouse, IDataReader rows, CancellationToken cancellationToken)
    {
        if (!PushesDown)
        {
            var returned = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = Entity.RequiredColumns.Select(c => c.Name).Where(c => !returned.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ConfigurationException(
                    $"{_key}: the query returns no {string.Join(", ", missing)} (required); alias the source column, e.g. select Id as {missing[0]}.");
            }
        }
        var empty = PushesDown ? PushdownQuery.UsageDailyColumns.Skip(rows.FieldCount).ToList() : null;
        return QueryLanding.Land(warehouse, LandingTable, rows, FileTag, empty, cancellationToken);
    }
}
