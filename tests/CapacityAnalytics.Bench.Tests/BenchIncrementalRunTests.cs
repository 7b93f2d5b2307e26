using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;
using CapacityAnalytics.Sample;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Bench.Tests;

/// <summary>A whole bench profile on a tiny company: the full run, the new day, the incremental run, the floor.</summary>
public sealed class BenchIncrementalRunTests : IDisposable
{
    /// <summary>40 accounts, 4 CSMs, 3 months, about 2 usage events per active account-day: seconds, not minutes.</summary>
    private static readonly BenchProfile Tiny = new("T", 40, 4, 3, 2);

    private readonly string _dir = Directory.CreateTempSubdirectory("bench-incremental-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_new_day_is_loaded_by_a_second_run_on_the_same_warehouse_and_the_generated_company_is_left_as_it_was()
    {
        var data = Path.Combine(_dir, "data");
        var runs = Path.Combine(_dir, "runs");
        var runner = new BenchRunner(data, runs, 42, SilentObserver.Instance, new SteppingClock(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero)));

        var result = runner.Run(Tiny);

        var incremental = Assert.IsType<IncrementalResult>(result.Incremental);
        var day = incremental.NewDay;
        // The company ends on its end date (a Saturday) with usage events, and CSMs log no activities on Sundays: the new
        // day is the Monday after, from the Monday before, so it brings activities as a working day does.
        Assert.Equal(DayOfWeek.Saturday, SampleOptions.DefaultEndDate.DayOfWeek);
        Assert.Equal(SampleOptions.DefaultEndDate.AddDays(2), day.Day);
        Assert.Equal(SampleOptions.DefaultEndDate.AddDays(-5), day.SourceDay);
        Assert.True(day.RowsOf("usage_events") > 0);
        Assert.True(day.RowsOf("activities") > 0);
        // The full run calibrates; the daily run after the new day does not (calibration is the quarterly job).
        Assert.Equal([BenchObserver.Bookkeeping, "ingest", "transform", "calibrate", "publish"], result.Stages.Select(s => s.Name));
        Assert.Equal([BenchObserver.Bookkeeping, "ingest", "transform", "publish"], incremental.Stages.Select(s => s.Name));

        // The new day shares no day with the loaded files, so ingest appended it and read its rows alone.
        Assert.True(incremental.Appended);
        Assert.Equal(day.Rows, incremental.Stages.Single(s => s.Name == "ingest").Rows);

        // Both runs went into the same warehouse, and the new day's rows are in it.
        var warehouse = Path.Combine(runs, "T-seed42", "pipeline", "capacity.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={warehouse};ACCESS_MODE=READ_ONLY"))
        {
            connection.Open();
            Assert.Equal(2, connection.Scalar<long>("select count(*) from pipeline_run where status = 'ok'"));
            Assert.Equal(day.RowsOf("tickets"), connection.Scalar<long>("select count(*) from raw_tickets where ticket_id like '%-D1'"));
            Assert.Equal(day.RowsOf("activities"), connection.Scalar<long>("select count(*) from raw_activities where activity_id like '%-D1'"));
            Assert.Equal(day.RowsOf("usage_events"), connection.Scalar<long>($"select coalesce(sum(events), 0)::bigint from raw_usage_events_daily where date = date '{day.Day:yyyy-MM-dd}'"));
        }

        // The generated company has no new file and is still reused by the next run.
        var company = BenchData.DirectoryFor(data, Tiny, 42);
        Assert.Empty(Directory.GetFiles(company, FormattableString.Invariant($"*_{day.Day:yyyy-MM-dd}.csv")));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(runs, "T-seed42", "extracts"), FormattableString.Invariant($"*_{day.Day:yyyy-MM-dd}.csv")).Length);
        Assert.True(BenchDataMarker.IsReusable(BenchDataMarker.Read(company), Tiny.ToSampleOptions(42), company));
        Assert.Equal(result.Input.Rows, result.Floor.Rows);
    }

    /// <summary>A clock one second later at every reading, so the two runs get different ids.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private long _readings;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _readings));
    }
}
