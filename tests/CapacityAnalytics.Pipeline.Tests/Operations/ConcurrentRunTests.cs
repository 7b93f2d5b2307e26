using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Operations;

public class ConcurrentRunTests
{
    [Fact]
    public async Task Two_runs_on_one_warehouse_take_turns_and_neither_corrupts_it()
    {
        // Given one pipeline
        using var harness = new PipelineHarness();

        // When two threads run it at the same moment
        using var start = new Barrier(2);
        RunSummary RunAfterBarrier()
        {
            start.SignalAndWait();
            return harness.Run("ingest");
        }
        var a = Task.Run(RunAfterBarrier);
        var b = Task.Run(RunAfterBarrier);
        await Task.WhenAll(a, b);

        // Then one ran while the other waited; the second found nothing new to do; the warehouse is whole
        var statuses = harness.Strings("select status from pipeline_run order by started").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ok", "skipped"], statuses);
        Assert.Equal(harness.Scalar<long>("select count(distinct activity_id) from raw_activities"), harness.Scalar<long>("select count(*) from raw_activities"));
        var runs = harness.Strings("select started::varchar || ' ' || finished::varchar from pipeline_run order by started");
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public void A_run_that_cannot_get_the_warehouse_stops_with_a_clear_message()
    {
        // Given another writer holding the warehouse
        using var harness = new PipelineHarness();
        using var other = WarehouseLock.Acquire(harness.Config.WarehousePath, TimeSpan.Zero);

        // When a run waits at most half a second for it
        var runner = new PipelineRunner(TimeProvider.System, SilentObserver.Instance) { LockTimeout = TimeSpan.FromMilliseconds(500) };
        var error = Assert.Throws<CapacityException>(() => harness.Run(runner, "ingest"));

        // Then it names the warehouse and what to do, and wrote nothing
        Assert.Contains("another run is writing this warehouse", error.Message, StringComparison.Ordinal);
        Assert.Contains(harness.Config.WarehousePath, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.Config.WarehousePath));
    }
}
