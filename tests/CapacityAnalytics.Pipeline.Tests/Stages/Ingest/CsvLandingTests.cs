using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using DuckDB.NET.Data;

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

    [Fact]
    public void Reading_files_straight_into_the_checks_gives_the_rows_lines_and_rejects_of_a_landing_table()
    {
        // Given: two files of activities; the later one has another extra column and re-exports x2. The first has a
        // multi-line record, a bad cell, a blank line and a row with a field too many.
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.Write("activities_1.csv", string.Join("\r\n",
            "activity_id,csm_id,type,occurred_at,subject",
            "x1,c1,qbr,2025-01-01T10:00:00Z,\"a\r\nb\"",
            "x2,c1,call,2025-01-02T10:00:00Z,first",
            "x3,c1,qbr,yesterday,s",
            "",
            "x4,c1,qbr,2025-01-01T10:00:00Z,s,EXTRA") + "\r\n");
        extract.WriteLines("activities_2.csv",
            "activity_id,csm_id,type,occurred_at,channel",
            "x2,c2,email,2025-01-03T10:00:00Z,web",
            "x5,c1,call,2025-01-04T10:00:00Z,phone");
        var files = ExtractDiscovery.Discover(extract.Folder).FilesOf(InputContract.Activities);
        using var landing = new DuckDBConnection("DataSource=:memory:");
        landing.Open();
        RejectsTable.Recreate(landing);
        RejectsTable.Recreate(db.Connection);

        // When: landed as VARCHAR and then typed (as the sources of a multi-source pipeline are), and read straight into the checks
        var landed = LandingLoader.Land(landing, InputContract.Activities, files, Lenient);
        var typed = LandedEntityTyper.Type(landing, InputContract.Activities.Name, Lenient);
        var direct = IngestService.LoadEntity(db.Connection, InputContract.Activities, files, Lenient);

        // Then: x1 at line 2, x2 from the later file, x5; x3 rejected at line 5 and x4 at line 7
        var rows = $"select activity_id, csm_id, type, subject, channel, regexp_extract(_file, '[^/]+$'), _line from {PendingTables.NameFor(direct.Table)} order by activity_id";
        string[][] expected =
        [
            ["x1", "c1", "qbr", "a\r\nb", "NULL", "activities_1.csv", "2"],
            ["x2", "c2", "email", "NULL", "web", "activities_2.csv", "2"],
            ["x5", "c1", "call", "NULL", "phone", "activities_2.csv", "3"],
        ];
        Assert.Equal(expected, db.Connection.Rows(rows));
        Assert.Equal(expected, landing.Rows(rows));
        Assert.Equal(["activities_1.csv:5:occurred_at:yesterday", "activities_1.csv:7:NULL:x4,c1,qbr,2025-01-01T10:00:00Z,s,EXTRA"], db.Connection.Rejects());
        Assert.Equal(landing.Rejects(), db.Connection.Rejects());
        Assert.Equal((6L, 2L, 4L, 1L), (direct.RowsRead, direct.RowsRejected, direct.RowsLoaded, direct.DuplicatesSuperseded));
        Assert.Equal((landed.RowsLanded + landed.StructuralRejects, typed.RowsRejected + landed.StructuralRejects, typed.RowsLoaded, typed.DuplicatesSuperseded),
            (direct.RowsRead, direct.RowsRejected, direct.RowsLoaded, direct.DuplicatesSuperseded));
    }
}
