using System.Diagnostics;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Bench;

/// <summary>
/// The floor a pipeline's load is compared with: a plain DuckDB <c>read_csv</c> of the same files into tables, one
/// <c>create table x as select * from read_csv(...)</c> per entity into a fresh database, nothing else.
/// </summary>
public static class FloorLoad
{
    public static FloorResult Run(BenchInput input, string databasePath, MemorySampler sampler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sampler);
        DeleteDatabase(databasePath);
        var steps = new List<BenchStep>();
        var peak = MemoryPeak.None;
        using (var connection = new DuckDBConnection("DataSource=" + databasePath))
        {
            connection.Open();
            foreach (var file in input.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(input.Directory, file.Name);
                sampler.Begin();
                var watch = Stopwatch.StartNew();
                connection.Execute(CreateTableSql(file.Entity, path));
                var seconds = watch.Elapsed.TotalSeconds;
                var memory = sampler.End();
                peak = peak.Max(memory);
                var rows = connection.RowCount(file.Entity);
                steps.Add(new BenchStep(file.Entity, seconds, rows, memory));
            }
        }
        DeleteDatabase(databasePath);
        return new FloorResult(steps, peak);
    }

    public static string CreateTableSql(string entity, string path) =>
        $"create table {Sql.Identifier(entity)} as select * from read_csv({Sql.Literal(path)}, header=true)";

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
