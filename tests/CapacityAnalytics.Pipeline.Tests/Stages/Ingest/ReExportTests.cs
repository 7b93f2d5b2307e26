using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class ReExportTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void The_same_activity_in_two_files_is_loaded_once_from_the_later_file()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities_2025-05.csv", "activity_id,csm_id,type,occurred_at",
            "x1,c1,call,2025-05-01T10:00:00Z", "x2,c1,email,2025-05-02T10:00:00Z");
        extract.WriteLines("activities_2025-06.csv", "activity_id,csm_id,type,occurred_at",
            "x1,c1,qbr,2025-05-01T10:00:00Z");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default).For("activities")!;

        // Then
        Assert.Equal(
            [["x1", "qbr", "activities_2025-06.csv"], ["x2", "email", "activities_2025-05.csv"]],
            db.Connection.Rows("select activity_id, type, parse_filename(_file) from raw_activities order by activity_id"));
        Assert.Equal((3L, 3L, 1L, 2L), (result.RowsRead, result.RowsLoaded, result.DuplicatesSuperseded, result.TableRows));
    }

    [Fact]
    public void Without_a_repeated_key_the_good_rows_are_the_raw_table_in_file_and_line_order()
    {
        // Given two files of distinct activities, a bad row among them, the later file's rows out of id order
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities_2025-05.csv", "activity_id,csm_id,type,occurred_at",
            "x3,c1,call,2025-05-01T10:00:00Z", "x1,c1,email,not-a-time", "x2,c1,email,2025-05-02T10:00:00Z");
        extract.WriteLines("activities_2025-06.csv", "activity_id,csm_id,type,occurred_at",
            "x9,c1,qbr,2025-06-01T10:00:00Z", "x4,c1,call,2025-06-02T10:00:00Z");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 1 }).For("activities")!;

        // Then the table holds the four good rows as stored: file by file, line by line (no sort, no latest-version pass)
        Assert.Equal(
            [["x3", "activities_2025-05.csv", "2"], ["x2", "activities_2025-05.csv", "4"], ["x9", "activities_2025-06.csv", "2"], ["x4", "activities_2025-06.csv", "3"]],
            db.Connection.Rows("select activity_id, parse_filename(_file), _line from raw_activities order by rowid"));
        Assert.Equal((5L, 4L, 1L, 0L, 4L), (result.RowsRead, result.RowsLoaded, result.RowsRejected, result.DuplicatesSuperseded, result.TableRows));
    }

    [Fact]
    public void Within_one_file_a_later_modified_at_wins_over_a_later_line()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("tickets.csv", "ticket_id,account_id,created_at,status,modified_at",
            "t1,a1,2025-01-01T10:00:00Z,solved,2025-01-05T00:00:00Z",
            "t1,a1,2025-01-01T10:00:00Z,open,2025-01-02T00:00:00Z",
            "t2,a1,2025-01-01T10:00:00Z,open,",
            "t2,a1,2025-01-01T10:00:00Z,pending,");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default).For("tickets")!;

        // Then
        Assert.Equal(
            [["t1", "solved", "2"], ["t2", "pending", "5"]],
            db.Connection.Rows("select ticket_id, status, _line from raw_tickets order by ticket_id"));
        Assert.Equal(2, result.DuplicatesSuperseded);
    }

    [Fact]
    public void Files_of_one_entity_with_different_headers_are_unioned_by_name()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities_1.csv", "activity_id,csm_id,type,occurred_at,subject", "x1,c1,call,2025-05-01T10:00:00Z,hi");
        extract.WriteLines("activities_2.csv", "OCCURRED_AT,type,csm_id,activity_id,duration_minutes", "2025-05-02T10:00:00Z,qbr,c2,x2,45");

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default);

        // Then
        Assert.Equal(
            [["x1", "c1", "call", "NULL", "hi"], ["x2", "c2", "qbr", "45", "NULL"]],
            db.Connection.Rows("select activity_id, csm_id, type, duration_minutes, subject from raw_activities order by activity_id"));
    }
}
