using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>Issue 12, item 4: a stray carriage return or binary junk inside an unquoted CSV field.</summary>
public sealed class StrayBytesInCsvTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Theory]
    [InlineData("q\rbr", "carriage return")]
    [InlineData("\u0001\u0002\r\u0003", "carriage return")]
    public void A_row_with_a_stray_byte_is_quarantined_with_file_and_line_and_the_rest_of_the_file_loads(string type, string reason)
    {
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        var file = extract.WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at",
            "x1,c1,qbr,2025-01-01T10:00:00Z",
            $"x2,c1,{type},2025-01-01T10:00:00Z",
            "x3,c1,qbr,2025-01-02T10:00:00Z",
            "x4,c1,qbr,2025-01-03T10:00:00Z");

        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default with { RejectThreshold = 1 });

        Assert.Equal([["x1", "2"], ["x3", "4"], ["x4", "5"]], db.Connection.Rows("select activity_id, _line from raw_activities order by _line"));
        var reject = Assert.Single(db.Connection.Rows("select file, line, reason from ingest_rejects where entity = 'activities'"));
        Assert.Equal(file, reject[0]);
        Assert.Equal("3", reject[1]);
        Assert.Contains(reason, reject[2], StringComparison.Ordinal);
        Assert.Equal(1, result.Entities.Single(e => e.Entity == "activities").RowsRejected);
    }

    [Fact]
    public void A_usage_event_with_a_stray_byte_is_quarantined_and_the_other_events_are_counted()
    {
        // Given raw usage events, the second one with a carriage return alone inside an unquoted field (line 3)
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        var file = extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u2,2025-01-01T10:00:00Z,lo\rgin",
            "a1,u3,2025-01-01T11:00:00Z,login",
            "a2,u9,2025-01-01T12:00:00Z,login");

        // When ingested
        IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default with { RejectThreshold = 1 });

        // Then a1 counts two events of two users (u2 is left out), a2 one, and line 3 is rejected
        Assert.Equal([["a1", "2", "2"], ["a2", "1", "1"]],
            db.Connection.Rows("select account_id, active_users, events from raw_usage_events_daily order by all"));
        var reject = Assert.Single(db.Connection.Rows("select file, line, reason from ingest_rejects where entity = 'usage_events'"));
        Assert.Equal((file, "3"), (reject[0], reject[1]));
        Assert.Contains("carriage return", reject[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_event_with_a_stray_byte_and_another_not_in_utf8_lose_those_two_lines_and_no_other()
    {
        // Given raw usage events: line 3 holds a byte that is not UTF-8 (0xFF), line 5 a carriage return alone, and the
        // lines after them are good. A record DuckDB drops itself (line 3) shifts the ordinals the stray lines are
        // removed by: line 6 would go instead of line 5.
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        var file = extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u2,2025-01-01T10:00:00Z,log#in",
            "a1,u3,2025-01-01T11:00:00Z,login",
            "a1,u4,2025-01-01T11:30:00Z,lo\rgin",
            "a2,u8,2025-01-01T12:00:00Z,login",
            "a2,u9,2025-01-01T12:30:00Z,login");
        var bytes = File.ReadAllBytes(file);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        File.WriteAllBytes(file, bytes);

        // When ingested
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default with { RejectThreshold = 1 });

        // Then a1 keeps u1 and u3 (2 events), a2 both of its events, and lines 3 and 5 are rejected once each
        Assert.Equal([["a1", "2", "2"], ["a2", "2", "2"]],
            db.Connection.Rows("select account_id, active_users, events from raw_usage_events_daily order by all"));
        Assert.Equal([["3"], ["5"]], db.Connection.Rows("select line from ingest_rejects where entity = 'usage_events' order by line"));
        Assert.Equal(2, result.Entities.Single(e => e.Entity == "usage_events").RowsRejected);
    }
}
