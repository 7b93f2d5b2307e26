using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench.Tests;

public sealed class BenchMeasureTests
{
    private const string Status = "Name:\tcapacity\nVmPeak:\t 3000000 kB\nVmHWM:\t  456789 kB\nVmRSS:\t  123456 kB\nThreads:\t12\n";

    [Theory]
    [InlineData("VmRSS:", 123_456)]
    [InlineData("VmHWM:", 456_789)]
    [InlineData("VmSwap:", 0)]
    public void Status_lines_are_read_in_kilobytes(string key, long expected)
    {
        Assert.Equal(expected, MemorySampler.ParseStatusKilobytes(Status, key));
    }

    [Fact]
    public void Memory_peaks_combine_by_maximum()
    {
        Assert.Equal(new MemoryPeak(5, 7), new MemoryPeak(5, 2).Max(new MemoryPeak(3, 7)));
    }

    [Fact]
    public void Stage_rows_are_rows_read_when_reported_else_rows_written()
    {
        Assert.Equal(10, BenchObserver.StageRows(new AnyStage("ingest", 1, 10, 9, [])));
        Assert.Equal(9, BenchObserver.StageRows(new AnyStage("transform", 1, 0, 9, [])));
    }

    [Fact]
    public void Floor_is_one_plain_read_csv_per_entity()
    {
        Assert.Equal(
            "create table \"usage_events\" as select * from read_csv('/d/it''s/usage_events.csv', header=true)",
            FloorLoad.CreateTableSql("usage_events", "/d/it's/usage_events.csv"));
    }

    [Fact]
    public void Bench_config_publishes_every_serverless_target()
    {
        var config = BenchRunner.Config("/data/S", "/runs/S");

        Assert.Equal("canonical", Assert.Single(config.Sources).Preset);
        Assert.NotNull(config.Publish.Duckdb);
        Assert.NotNull(config.Publish.Parquet);
        Assert.NotNull(config.Publish.Dashboard);
        Assert.NotNull(config.Publish.Powerbi);
        Assert.Null(config.Publish.Sqlserver);
    }

    private sealed record AnyStage(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details)
        : StageResult(Stage, Seconds, RowsIn, RowsOut, Details);
}
