using System.Text.Json;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets;
using CapacityAnalytics.Pipeline.Targets.Parquet;
using CapacityAnalytics.Pipeline.Tests.Operations;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>
/// Issue 12, item 3: a publish that fails or is killed half-way. Whatever happens, every target (DuckDB <c>published</c>,
/// Parquet <c>current</c>, Power BI, dashboard) holds the same run, and the message says which.
/// </summary>
[Trait("Category", "Kill")]
public sealed class HalfFinishedPublishTests
{
    private const string Publish = "  duckdb: {}\n  parquet: { keep: 3 }\n  powerbi: {}\n  dashboard: {}";

    [Theory]
    [InlineData(PublishTargetKind.DuckDb)]
    [InlineData(PublishTargetKind.Parquet)]
    [InlineData(PublishTargetKind.PowerBi)]
    [InlineData(PublishTargetKind.Dashboard)]
    public void A_target_that_fails_as_on_a_full_disk_leaves_every_target_on_the_previous_run_and_the_message_names_it(PublishTargetKind failing)
    {
        // Given a pipeline that published run P to four targets
        using var harness = new PipelineHarness(Publish);
        var good = harness.Run().RunId;

        // When the next publish fails on one target (its disk is full)
        var publishers = PublishTargets.For(harness.Config).Select(p => p.Kind == failing ? new DiskFullPublisher(p) : p).ToList();
        var runner = new PipelineRunner(TimeProvider.System, SilentObserver.Instance);
        var ex = Assert.Throws<CapacityException>(() => runner.Run(harness.Config, [new PublishStage(publishers)]));

        // Then the message names the target, the cause and the run every target still holds
        Assert.Contains("No space left on device", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"every publish target still holds run {good}", ex.Message, StringComparison.Ordinal);
        AssertEveryTargetHolds(harness, good);
        Assert.Empty(Directory.GetDirectories(harness.Config.OutDirectory, ".*.incoming-*"));
    }

    [Fact]
    public void The_duckdb_target_switches_in_the_warehouse_transaction_while_the_others_write_aside_side_by_side()
    {
        // Given a pipeline that published once
        using var harness = new PipelineHarness(Publish);
        harness.Run();

        // When the next publish runs with the DuckDB target, Parquet and the dashboard each waiting, as they start, for
        // the other two
        using var together = new Barrier(3);
        var connections = new System.Collections.Concurrent.ConcurrentDictionary<PublishTargetKind, DuckDB.NET.Data.DuckDBConnection>();
        var publishers = PublishTargets.For(harness.Config)
            .Select(p => (IPublisher)new MeetingPublisher(p, p.Kind is PublishTargetKind.DuckDb or PublishTargetKind.Parquet or PublishTargetKind.Dashboard ? together : null, connections))
            .ToList();
        var run = new PipelineRunner(TimeProvider.System, SilentObserver.Instance).Run(harness.Config, [new PublishStage(publishers)]);

        // Then all three got there (one after another, the first would have waited 30 s and failed), every target holds
        // the new run, and each target used a connection of its own: the DuckDB target the run's, in its transaction
        AssertEveryTargetHolds(harness, run.RunId);
        Assert.Equal(4, connections.Values.Distinct().Count());
    }

    [Fact]
    public void A_failure_at_the_commit_point_in_the_warehouse_leaves_every_target_on_the_previous_run()
    {
        using var harness = new PipelineHarness(Publish);
        var good = harness.Run().RunId;

        var publishers = PublishTargets.For(harness.Config).Select(p => p.Kind == PublishTargetKind.DuckDb ? new DiskFullPublisher(p, atSwitch: true) : p).ToList();
        var runner = new PipelineRunner(TimeProvider.System, SilentObserver.Instance);
        var ex = Assert.Throws<CapacityException>(() => runner.Run(harness.Config, [new PublishStage(publishers)]));

        Assert.Contains($"every publish target still holds run {good}", ex.Message, StringComparison.Ordinal);
        AssertEveryTargetHolds(harness, good);
    }

    [Fact]
    public void A_publish_killed_before_or_after_its_commit_point_leaves_or_brings_every_target_to_one_run()
    {
        // Given a pipeline that published once, and a changed input
        using var harness = new PipelineHarness(Publish);
        var good = harness.Run().RunId;
        harness.AddDayOff("CSM-001", "2020-01-02");

        // When a run is killed with every target prepared but none switched
        KillAt(harness, "prepared");

        // Then every target still holds the last good run
        AssertEveryTargetHolds(harness, good);

        // When a run is killed right after its commit point, before the folders are switched
        var killed = KillAt(harness, "committed");
        Assert.Equal(killed, harness.Strings("select run_id from publish_log order by committed desc limit 1")[0]);

        // Then the next run, before anything else, finishes the switch: every target holds the committed run
        var notes = new List<string>();
        var observer = new NoteObserver(note =>
        {
            notes.Add(note);
            if (note.StartsWith("publish: finished switching", StringComparison.Ordinal)) AssertEveryTargetHolds(harness, killed);
        });
        var next = harness.Run(new PipelineRunner(TimeProvider.System, observer));
        Assert.Contains(notes, n => n.Contains($"to run {killed}", StringComparison.Ordinal));
        // and publishes its own run everywhere
        AssertEveryTargetHolds(harness, next.RunId);
    }

    [Fact]
    public void A_publish_killed_after_its_commit_point_is_finished_by_the_next_run_even_one_without_a_publish_stage()
    {
        // Given a first run published everywhere, then a second run killed right after its commit point
        using var harness = new PipelineHarness(Publish);
        harness.Run();
        harness.AddDayOff("CSM-002", "2020-01-03");
        var killed = KillAt(harness, "committed");

        // When the next run only ingests (nothing new to publish), with the recovery every command run has
        var notes = new List<string>();
        var runner = new PipelineRunner(TimeProvider.System, new NoteObserver(notes.Add)) { Recovery = StageCatalog.Recovery };
        harness.Run(runner, "ingest");

        // Then it first finishes the switch: every target holds the committed run
        Assert.Contains(notes, n => n.Contains($"to run {killed}", StringComparison.Ordinal));
        AssertEveryTargetHolds(harness, killed);
    }

    private static void AssertEveryTargetHolds(PipelineHarness harness, string run)
    {
        var manifest = Path.Combine(harness.ParquetRoot, CurrentPointer.LinkName, Manifest.FileName);
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var published = harness.Strings("select run_id from published.pipeline_run order by started desc limit 1")[0];
        var states = new Dictionary<string, string?>
        {
            ["duckdb"] = published,
            ["parquet"] = json.RootElement.GetProperty("run_id").GetString(),
            ["dashboard"] = FolderSwap.RunOf(Path.Combine(harness.Config.OutDirectory, "dashboard")),
            ["powerbi"] = FolderSwap.RunOf(Path.Combine(harness.Config.OutDirectory, "powerbi")),
        };
        Assert.All(states, s => Assert.True(s.Value == run, $"{s.Key} holds {s.Value}, not {run}"));
    }

    /// <summary>Runs the real CLI until it pauses at <paramref name="point"/> of its publish, then SIGKILLs it; returns its run id.</summary>
    private static string KillAt(PipelineHarness harness, string point)
    {
        harness.KillWhen(point, line => line.Contains("publish paused at " + point, StringComparison.Ordinal),
            new Dictionary<string, string> { [PublishStage.PauseVariable] = point });
        return harness.Strings("select run_id from pipeline_run order by started desc limit 1")[0];
    }

    private sealed class NoteObserver(Action<string> note) : IRunObserver
    {
        public void StageStarted(string stage) { }

        public void StageCompleted(StageResult result) { }

        public void Note(string message) => note(message);
    }

    /// <summary>A target whose disk fills up: it writes its content aside, then fails (or fails at its switch).</summary>
    private sealed class DiskFullPublisher(IPublisher inner, bool atSwitch = false) : IPublisher
    {
        public string Name => inner.Name;

        public PublishTargetKind Kind => inner.Kind;

        public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
        {
            var prepared = inner.Prepare(context, tables, cancellationToken);
            if (atSwitch) return new FailingSwitch(prepared) { Result = prepared.Result };
            prepared.Dispose();
            throw new IOException($"No space left on device : '{context.Config.OutDirectory}'");
        }
    }

    /// <summary>A target that records its connection and, given a barrier, waits there for another target before writing.</summary>
    private sealed class MeetingPublisher(IPublisher inner, Barrier? barrier,
        System.Collections.Concurrent.ConcurrentDictionary<PublishTargetKind, DuckDB.NET.Data.DuckDBConnection> connections) : IPublisher
    {
        public string Name => inner.Name;

        public PublishTargetKind Kind => inner.Kind;

        public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
        {
            connections[Kind] = context.Connection;
            if (barrier is not null && !barrier.SignalAndWait(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException($"{Name} waited 30 s for the other targets to write beside it");
            }
            return inner.Prepare(context, tables, cancellationToken);
        }
    }

    private sealed class FailingSwitch(PreparedPublish inner) : PreparedPublish
    {
        public override bool InWarehouse => inner.InWarehouse;

        protected override void Switch()
        {
            inner.Commit();
            throw new IOException("No space left on device : 'capacity.duckdb.wal'");
        }

        protected override void Discard() => inner.Dispose();
    }
}
