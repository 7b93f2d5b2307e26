using System.Text.Json;
using CapacityAnalytics.Pipeline.Targets.Parquet;

namespace CapacityAnalytics.Pipeline.Tests.Operations;

/// <summary>
/// SIGKILL at each stage (the real CLI in a child process), then the next run. Filter with
/// <c>--filter Category!=Kill</c> to leave them out; they run by default.
/// </summary>
[Trait("Category", "Kill")]
public class KilledRunTests
{
    private const string Publish = "  duckdb: {}\n  parquet: { keep: 3 }\n  powerbi: {}\n  dashboard: {}";

    [Fact]
    public void A_run_killed_at_any_stage_leaves_the_last_publish_readable_and_the_next_run_completes()
    {
        // Given a pipeline that published once
        using var harness = new PipelineHarness(Publish);
        var good = harness.Run();
        var manifest = Path.Combine(harness.ParquetRoot, CurrentPointer.LinkName, Manifest.FileName);
        // and a changed input, so the next runs have real work in every stage
        harness.AddDayOff("CSM-001", "2020-01-01");

        foreach (var stage in new[] { "ingest", "transform", "calibrate", "publish" })
        {
            // When a run is killed (SIGKILL, the whole process tree) as the stage starts
            KillAt(harness, stage);

            // Then the last good publish is still complete and readable
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            Assert.True(json.RootElement.GetProperty("tables").GetArrayLength() > 0, stage);
        }

        // When the pipeline runs again
        var next = harness.Run();

        // Then it completes and publishes, and history tells of the four killed runs
        Assert.Equal(["ingest", "transform", "calibrate", "publish"], next.Stages.Select(s => s.Stage));
        Assert.NotEqual(good.RunId, JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("run_id").GetString());
        Assert.Equal(4, harness.Scalar<long>("select count(*) from pipeline_run where status = 'killed'"));
        Assert.Equal("ok", harness.Strings($"select status from pipeline_run where run_id = '{next.RunId}'")[0]);
        Assert.Empty(Directory.GetDirectories(harness.ParquetRoot, ".incoming-*"));
        Assert.Empty(Directory.GetDirectories(harness.Config.OutDirectory, ".*.incoming-*"));
        Assert.True(File.Exists(Path.Combine(harness.Config.OutDirectory, "dashboard", "index.html")));
        // and a run after that has nothing to do
        Assert.True(harness.Run().NothingToDo);
    }

    private static void KillAt(PipelineHarness harness, string stage) =>
        harness.KillWhen(stage, line => line.StartsWith("> " + stage, StringComparison.Ordinal));
}
