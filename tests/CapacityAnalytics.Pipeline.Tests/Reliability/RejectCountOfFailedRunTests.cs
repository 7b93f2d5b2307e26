using CapacityAnalytics.Pipeline.Tests.Operations;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>Issue 12, smaller item: a run failed on the reject threshold logs its real reject count in pipeline_run.</summary>
public sealed class RejectCountOfFailedRunTests
{
    [Fact]
    public void A_run_failed_on_the_reject_threshold_records_the_rejected_rows_in_pipeline_run()
    {
        using var harness = new PipelineHarness("  duckdb: {}");
        var activities = Path.Combine(harness.Extracts, "activities.csv");
        var lines = File.ReadAllLines(activities);
        var column = Array.IndexOf(lines[0].Split(','), "occurred_at");
        // a tenth of the activities get a time that is not a time: far above the 1% threshold
        for (var i = 1; i < lines.Length; i += 10)
        {
            var cells = lines[i].Split(',');
            cells[column] = "soon";
            lines[i] = string.Join(',', cells);
        }
        File.WriteAllLines(activities, lines);

        Assert.ThrowsAny<CapacityException>(() => harness.Run());

        var logged = harness.Scalar<long>("select rejects from pipeline_run where status = 'failed'");
        Assert.True(logged > 0);
        Assert.Equal(harness.Scalar<long>("select count(*) from (select distinct entity, file, line from ingest_rejects)"), logged);
    }
}
