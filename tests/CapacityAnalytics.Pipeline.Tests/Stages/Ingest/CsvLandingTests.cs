using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class CsvLandingTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    private static readonly IngestOptions Lenient = new() { RejectThreshold = 1 };

    [Fact]
    public void A_file_with_a_BOM_CRLF_and_untidy_header_names_loads_every_row()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.Write("activities.csv",
            " Activity_ID ,CSM_ID,Type,occurred_at\r\nx1,c1,qbr,2025-01-01T10:00:00Z\r\nx2,c1,email,2025-01-02T10:00:00Z\r\n",
            bom: true);

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal(
            [["x1", "qbr", "2"], ["x2", "email", "3"]],
            db.Connection.Rows("select activity_id, type, _line from raw_activities order by activity_id"));
        Assert.Equal(2, result.For("activities")!.RowsLoaded);
    }

    [Fact]
    public void Quoted_commas_and_line_breaks_are_kept_and_a_bad_row_after_a_multi_line_record_has_its_physical_line()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv",
            "activity_id,csm_id,type,occurred_at,subject",
            "x1,c1,qbr,2025-01-01T10:00:00Z,\"hello, world\"",
            "x2,c1,qbr,2025-01-01T10:00:00Z,\"line one",
            "line two",
            "line three\"",
            "x3,c1,qbr,yesterday,s",
            "x4,c1,qbr,2025-01-01T10:00:00Z,ok");

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal(
            [["x1", "hello, world", "2"], ["x2", "line one\nline two\nline three", "3"], ["x4", "ok", "7"]],
            db.Connection.Rows("select activity_id, subject, _line from raw_activities order by activity_id"));
        Assert.Equal(["activities.csv:6:occurred_at:yesterday"], db.Connection.Rejects());
    }

    [Fact]
    public void Rows_with_too_many_or_too_few_fields_are_rejected_at_their_lines_and_the_rest_of_the_file_loads()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.Write("activities.csv", string.Join("\r\n",
            "activity_id,csm_id,type,occurred_at,subject",
            "x1,c1,qbr,2025-01-01T10:00:00Z,\"a\r\nb\"",
            "x2,c1,qbr,2025-01-01T10:00:00Z,s,EXTRA",
            "x3,c1",
            "",
            "x4,c1,qbr,2025-01-01T10:00:00Z,s") + "\r\n");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient).For("activities")!;

        // Then
        Assert.Equal(
            [["x1", "2"], ["x4", "7"]],
            db.Connection.Rows("select activity_id, _line from raw_activities order by activity_id"));
        Assert.Equal(
            ["4", "5"],
            db.Connection.Rows("select distinct line from ingest_rejects order by line").Select(r => r[0]));
        Assert.Equal((4L, 2L, 2L), (result.RowsRead, result.RowsRejected, result.RowsLoaded));
    }

    [Fact]
    public void A_quote_left_open_at_the_end_of_the_file_is_a_reject_at_the_line_where_it_opens()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv",
            "activity_id,csm_id,type,occurred_at,subject",
            "x1,c1,qbr,2025-01-01T10:00:00Z,ok",
            "x2,c1,qbr,2025-01-01T10:00:00Z,\"never closed",
            "x3,c1,qbr,2025-01-01T10:00:00Z,ok");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient).For("activities")!;

        // Then
        Assert.Equal([["x1"]], db.Connection.Rows("select activity_id from raw_activities"));
        var reject = Assert.Single(db.Connection.Rows("select line, reason from ingest_rejects"));
        Assert.Equal("3", reject[0]);
        Assert.StartsWith("unterminated quote", reject[1], StringComparison.Ordinal);
        Assert.Equal(1, result.RowsRejected);
    }

    [Fact]
    public void Every_planted_bad_row_is_rejected_and_every_good_row_is_loaded()
    {
        // Given: 200 rows; every 10th is bad in one of four ways
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        var lines = new List<string> { "activity_id,csm_id,type,occurred_at,duration_minutes,direction" };
        var planted = new List<long>();
        for (var i = 0; i < 200; i++)
        {
            var bad = i % 10 == 9;
            var (duration, direction, occurred) = (bad, i / 10 % 4) switch
            {
                (true, 0) => ("-5", "inbound", "2025-01-01T10:00:00Z"),
                (true, 1) => ("30", "sideways", "2025-01-01T10:00:00Z"),
                (true, 2) => ("30", "inbound", "2025-13-01T10:00:00Z"),
                (true, _) => ("thirty", "inbound", "2025-01-01T10:00:00Z"),
                _ => ("30", "outbound", "2025-01-01T10:00:00Z"),
            };
            lines.Add($"a{i},c1,call,{occurred},{duration},{direction}");
            if (bad)
            {
                planted.Add(i + 2);
            }
        }
        extract.WriteLines("activities.csv", [.. lines]);

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient).For("activities")!;

        // Then
        Assert.Equal(planted.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            db.Connection.Rows("select distinct line from ingest_rejects order by line").Select(r => r[0]));
        Assert.Equal(180, db.Connection.Rows("select count(*) from raw_activities").Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Single());
        Assert.Equal((200L, 20L, 180L), (result.RowsRead, result.RowsRejected, result.RowsLoaded));
    }

    [Fact]
    public void A_blank_line_between_records_does_not_shift_the_lines_of_later_rows()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv",
            "activity_id,csm_id,type,occurred_at",
            "x1,c1,qbr,2025-01-01T10:00:00Z",
            "",
            "x2,c1,qbr,not-a-time");

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal(["activities.csv:4:occurred_at:not-a-time"], db.Connection.Rejects());
    }
}
