using System.Globalization;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Tests.Support;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

/// <summary>An in-memory warehouse holding the marts and capacity tables of <c>Fixtures/bi-warehouse.sql</c>.</summary>
public sealed class BiWarehouse : IDisposable
{
    public const double CustomerFacingShare = 2.0 / 3.0;

    public DuckDBConnection Connection { get; }

    public MeasureCatalog Catalog { get; } = MeasureCatalog.LoadDefault().Resolve(
        new Dictionary<string, double>(StringComparer.Ordinal) { ["customer_facing_share"] = CustomerFacingShare });

    public BiWarehouse()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Targets", "Fixtures", "bi-warehouse.sql")));
    }

    /// <summary>The published tables the fixture holds, in publish order.</summary>
    public IReadOnlyList<PublishedTable> Tables => [.. PublishedTables.For(TestFiles.RepoFile("sql")).Where(t => Number($"select count(*) from information_schema.tables where table_name = '{t.Name}'") > 0)];

    public double? Measure(string name, string? where = null)
    {
        var row = MeasureQuery.Run(Connection, [Catalog[name]], null, where)[0];
        return row[name] as double?;
    }

    public double Number(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<string> Columns(string table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"select column_name from information_schema.columns where table_name = '{table}' order by ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    public void Dispose() => Connection.Dispose();
}
