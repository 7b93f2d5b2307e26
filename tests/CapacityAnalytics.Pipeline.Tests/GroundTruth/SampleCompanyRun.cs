using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Sample;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.GroundTruth;

/// <summary>
/// A generated sample company taken through ingest and the SQL models, with its ground truth: what the
/// recovery tests measure the product against.
/// </summary>
public sealed class SampleCompanyRun : IDisposable
{
    private readonly string _folder;

    public SampleCompanyRun(int seed, int accounts = 600, int csms = 12, int months = 18)
    {
        _folder = Directory.CreateTempSubdirectory($"capacity-truth-{seed}-").FullName;
        var extracts = Path.Combine(_folder, "extracts");
        var sample = SampleCompanyGenerator.Write(new SampleOptions(accounts, csms, months, seed), extracts);
        Truth = sample.GroundTruth;
        Model = CapacityModelLoader.LoadFile(Path.Combine(RepoRoot(), "pipelines", "capacity-model.yaml"));
        Connection = new DuckDBConnection($"DataSource={Path.Combine(_folder, "capacity.duckdb")}");
        Connection.Open();
        IngestService.IngestFolder(Connection, extracts, new IngestOptions());
        SqlModelRunner.Build(Connection, Path.Combine(RepoRoot(), "sql"), Model, asOf: null);
    }

    public SampleGroundTruth Truth { get; }

    public CapacityModel Model { get; }

    public DuckDBConnection Connection { get; }

    private static string RepoRoot() => RepoPaths.Root;

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
