using CapacityAnalytics.Pipeline.Tests.Operations;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Incremental;

public class IngestChangeTests
{
    private const string Rows = "select entity || ' ' || coalesce(account_id, '-') || ' ' || coalesce(csm_id, '-') || ' ' || coalesce(day::varchar, '-') from ingest_change order by all";

    [Fact]
    public void A_full_ingest_records_that_everything_changed_and_an_append_the_old_and_new_version_of_each_row()
    {
        // Given a full ingest of the sample company
        using var harness = new PipelineHarness();
        harness.Run("ingest");
        Assert.Equal(["* - - -"], harness.Strings(Rows));
        var loaded = harness.Strings("select activity_id || ',' || account_id || ',' || csm_id || ',' || strftime(occurred_at at time zone 'UTC', '%Y-%m-%d') from raw_activities where account_id is not null order by activity_id limit 1")[0].Split(',');

        // When a file adds one activity and moves a loaded one to another account, CSM and day
        var header = File.ReadLines(Path.Combine(harness.Extracts, "activities.csv")).First();
        File.WriteAllLines(Path.Combine(harness.Extracts, "activities_2026-11-01.csv"),
        [
            header,
            "ACT-N0000001,ACC-00009,CSM-003,email,2026-11-01T23:30:00Z,15,outbound,New",
            $"{loaded[0]},ACC-00100,CSM-004,call,2026-10-02T00:30:00+02:00,30,outbound,Corrected",
        ]);
        harness.Run("ingest");

        // Then the change log holds, beside the full ingest's row, the new row and both versions of the corrected one,
        // each with its UTC day (00:30 at +02:00 is 22:30 UTC the day before)
        Assert.Equal(
            [
                "* - - -",
                $"activities {loaded[1]} {loaded[2]} {loaded[3]}",
                "activities ACC-00009 CSM-003 2026-11-01",
                "activities ACC-00100 CSM-004 2026-10-01",
            ],
            harness.Strings(Rows));

        // and a transform that commits empties it
        harness.Run("transform");
        Assert.Empty(harness.Strings(Rows));
    }
}
