using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class UsageEventsTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Usage_events_are_aggregated_to_account_days_in_UTC_and_bad_events_are_rejected_at_their_lines()
    {
        // Given: 23:30 at UTC-2 is 01:30 the next day in UTC
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u1,2025-01-01T10:00:00Z,\"view,\nreport\"",
            "a1,u2,2025-01-01T11:00:00Z,login",
            "a1,u3,2025-01-01T23:30:00-02:00,login",
            "a2,u9,nope,login",
            "a2,u9,2025-01-01T00:00:00Z,login");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 1 }).For("usage_events")!;

        // Then
        Assert.Equal(
            [["a1", "2025-01-01", "2", "3", "NULL"], ["a1", "2025-01-02", "1", "1", "NULL"], ["a2", "2025-01-01", "1", "1", "NULL"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events, key_events from raw_usage_events_daily order by all"));
        Assert.Equal(["usage_events.csv:7:occurred_at:nope"], db.Connection.Rejects());
        Assert.Equal((6L, 5L, 1L, 3L), (result.RowsRead, result.RowsLoaded, result.RowsRejected, result.TableRows));
    }

    [Fact]
    public void Usage_events_landed_by_a_preset_are_aggregated_the_same_way()
    {
        // Given
        db.Connection.Execute("""
            create or replace table land_usage_events as
            select * from (values
                ('a1', 'u1', '2025-01-01T09:00:00Z', 'login', 'vendor.csv', 2::bigint, 1),
                ('a1', 'u2', '2025-01-01T10:00:00Z', 'login', 'vendor.csv', 3::bigint, 1),
                ('a1', '', '2025-01-01T10:00:00Z', 'login', 'vendor.csv', 4::bigint, 1))
                t(account_id, user_id, occurred_at, event, _file, _line, _file_order)
            """);
        RejectsTable.Recreate(db.Connection);

        // When
        var result = LandedEntityTyper.Type(db.Connection, "usage_events", IngestOptions.Default);
        PendingTables.Commit(db.Connection, [result.Table]);

        // Then
        Assert.Equal([["a1", "2025-01-01", "2", "2"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily"));
        Assert.Equal(["vendor.csv:4:user_id:NULL"], db.Connection.Rejects());
        Assert.Equal((3L, 1L), (result.RowsTyped, result.RowsRejected));
    }
}
