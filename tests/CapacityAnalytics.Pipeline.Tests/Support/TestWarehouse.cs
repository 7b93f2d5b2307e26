using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.SqlModels;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Support;

/// <summary>
/// An in-memory warehouse with every raw_ table ingest produces (contract columns plus _file, _line, all empty) and
/// helpers to insert hand-built rows and build the models.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    public DuckDBConnection Connection { get; }
    public CapacityModel Model { get; } = TestFiles.LoadModel();

    public TestWarehouse()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Execute("set threads = 1");
        foreach (var entity in InputContract.Entities)
        {
            var columns = entity.Columns.Select(c => $"{c.Name} {c.DuckDbType}").Append("_file varchar").Append("_line bigint");
            Execute($"create table {entity.StagingTable} ({string.Join(", ", columns)})");
        }
        Execute("create table raw_usage_events_daily (account_id varchar, date date, active_users bigint, events bigint, key_events bigint)");
    }

    /// <summary>Inserts one row into raw_<paramref name="entity"/>; property names are column names, missing columns are null.</summary>
    public TestWarehouse Add(string entity, object row)
    {
        var props = row.GetType().GetProperties();
        var names = string.Join(", ", props.Select(p => p.Name));
        var values = string.Join(", ", props.Select(p => Literal(p.GetValue(row))));
        Execute($"insert into raw_{entity} ({names}) values ({values})");
        return this;
    }

    public SqlModelBuildResult Build(DateOnly? asOf = null, string? sqlDirectory = null) =>
        SqlModelRunner.Build(Connection, sqlDirectory ?? SqlFolder.Default, Model, asOf);

    public IReadOnlyList<Dictionary<string, object?>> Rows(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public double Number(string sql) => Convert.ToDouble(Scalar(sql), CultureInfo.InvariantCulture);

    public object? Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Execute(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        DateOnly d => "date '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        DateTime t => "timestamptz '" + t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No literal for {value.GetType()}"),
    };

    public void Dispose() => Connection.Dispose();
}
