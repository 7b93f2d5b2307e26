using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class ThresholdTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Rejects_above_the_threshold_fail_the_run_keep_the_previous_raw_tables_and_leave_the_rejects_queryable()
    {
        // Given: a good run, then an extract where 1 of 2 activities is bad (50% > 1%)
        using (var good = new ExtractFolderBuilder().WithMinimalMandatory())
        {
            IngestService.IngestFolder(db.Connection, good.Folder, IngestOptions.Default);
        }
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at",
            "y1,c1,qbr,2025-01-01T10:00:00Z", "y2,c1,qbr,soon");

        // When
        var error = Assert.Throws<RejectThresholdExceededException>(() =>
            IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default));

        // Then
        Assert.Equal(("activities", 1L, 2L), (error.Entity, error.RejectedRows, error.RowsRead));
        Assert.Contains("activities: 1 of 2 rows rejected (50.00 %)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ingest_rejects", error.Message, StringComparison.Ordinal);
        Assert.Equal([["x1"]], db.Connection.Rows("select activity_id from raw_activities"));
        Assert.Equal(["activities.csv:3:occurred_at:soon"], db.Connection.Rejects());
        Assert.Empty(db.Connection.Rows("select table_name from duckdb_tables() where table_name like '\\_ingest%' escape '\\' or table_name like 'land\\_%' escape '\\'"));
    }

    [Fact]
    public void Rejects_at_or_below_the_threshold_load_the_good_rows()
    {
        // Given: 1 bad row in 4 with a threshold of 25%
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at",
            "y1,c1,qbr,2025-01-01T10:00:00Z", "y2,c1,qbr,soon", "y3,c1,qbr,2025-01-01T10:00:00Z", "y4,c1,qbr,2025-01-01T10:00:00Z");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 0.25 });

        // Then
        Assert.Equal(3, result.For("activities")!.TableRows);
    }
}
