using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Tests.Operations;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>
/// Disk full during a stage: DuckDB then refuses every statement on the warehouse ("database has been invalidated"),
/// including the run log's own. The message a user sees must still be the first cause.
/// </summary>
public sealed class FirstCauseOfAFailedRunTests
{
    /// <summary>A stage that leaves the warehouse unusable and fails with the cause a full disk gives.</summary>
    private sealed class DiskFullStage : IStage
    {
        public string Name => "transform";

        public StageResult Run(RunContext context, CancellationToken cancellationToken)
        {
            context.Connection.Close();
            throw new IOException("IO Error: Could not write file \"capacity.duckdb.wal\": No space left on device");
        }
    }

    [Fact]
    public void A_stage_that_fails_and_leaves_the_warehouse_unusable_reports_its_own_cause_not_the_logs()
    {
        // Given a warehouse whose last publish was run-before, and a transform that fails the way a full disk makes it fail
        using var harness = new PipelineHarness();
        Directory.CreateDirectory(harness.Config.OutDirectory);
        using (var connection = harness.Open()) PublishLog.Committed(connection, "run-before", DateTimeOffset.UnixEpoch);
        var runner = new PipelineRunner(TimeProvider.System, SilentObserver.Instance);

        // When it runs
        var ex = Assert.Throws<IOException>(() => runner.Run(harness.Config, [new DiskFullStage()]));

        // Then the error is the disk's, and the run log's failure to write is kept beside it
        Assert.Contains("No space left on device", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Data[RunLog.NotLoggedKey]);
        // ... and, although the warehouse could not be read after it, the message can say where and which run the
        // publish targets hold: the stage failed before publishing, so what they held when the run started
        Assert.Equal("transform", ex.Data[RunLog.StageKey]);
        Assert.Equal("run-before", ex.Data[PublishLog.PublishedRunKey]);
    }
}
