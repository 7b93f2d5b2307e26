using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class TypingTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    private static readonly IngestOptions Lenient = new() { RejectThreshold = 1 };

    [Theory]
    [InlineData("accounts.csv", "account_id,arr,employees", "a1,1000,12", "a2,1000,12.5", "employees", "12.5", "not an integer")]
    [InlineData("accounts.csv", "account_id,arr", "a1,1000", "a2,\"1,000\"", "arr", "1,000", "not a decimal")]
    [InlineData("accounts.csv", "account_id,arr,renewal_date", "a1,1000,2025-02-28", "a2,1000,2025-02-30", "renewal_date", "2025-02-30", "not a date")]
    [InlineData("accounts.csv", "account_id,arr,product_complexity", "a1,1000,5", "a2,1000,9", "product_complexity", "9", "above the maximum 5")]
    [InlineData("accounts.csv", "account_id,arr", "a1,0", "a2,-1", "arr", "-1", "below the minimum 0")]
    [InlineData("accounts.csv", "account_id,arr,expansion_potential", "a1,1,HIGH", "a2,1,huge", "expansion_potential", "huge", "not one of low/medium/high")]
    [InlineData("tickets.csv", "ticket_id,account_id,created_at,escalated", "t1,a1,2025-01-01T10:00:00Z,yes", "t2,a1,2025-01-01T10:00:00Z,maybe", "escalated", "maybe", "not a boolean")]
    [InlineData("activities.csv", "activity_id,csm_id,type,occurred_at", "x1,c1,qbr,2025-01-01T10:00:00Z", "x2,c1,qbr,1735689600", "occurred_at", "1735689600", "not an ISO-8601 timestamp")]
    [InlineData("activities.csv", "activity_id,csm_id,type,occurred_at", "x1,c1,qbr,2025-01-01T10:00:00Z", "x2,,qbr,2025-01-01T10:00:00Z", "csm_id", "NULL", "required value is empty")]
    public void A_bad_value_is_rejected_at_its_file_line_and_column_and_the_good_row_loads(
        string file, string header, string good, string bad, string column, string value, string reason)
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines(file, header, good, bad);

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal([$"{file}:3:{column}:{value}"], db.Connection.Rejects());
        Assert.Contains(reason, db.Connection.Rows("select reason from ingest_rejects").Single()[0], StringComparison.Ordinal);
        var entity = result.For(Path.GetFileNameWithoutExtension(file))!;
        Assert.Equal((2L, 1L, 1L), (entity.RowsRead, entity.RowsLoaded, entity.RowsRejected));
    }

    [Fact]
    public void A_row_with_two_bad_cells_gives_two_rejects_and_counts_as_one_rejected_row()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("accounts.csv", "account_id,arr,employees", "a1,1000,3", "a2,lots,many");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal(["accounts.csv:3:arr:lots", "accounts.csv:3:employees:many"], db.Connection.Rejects());
        Assert.Equal(1, result.For("accounts")!.RowsRejected);
    }

    [Fact]
    public void Values_are_typed_defaults_fill_empty_cells_and_enums_are_lower_cased()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("csms.csv", "csm_id,role,fte,weekly_hours,start_date,Badge", "c1,Pooled,0.5,,2024-03-01,gold", "c2,,,32,,");

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, Lenient);

        // Then
        Assert.Equal(
            [["c1", "pooled", "0.5", "40", "2024-03-01", "gold"], ["c2", "dedicated", "1", "32", "NULL", "NULL"]],
            db.Connection.Rows("select csm_id, role, fte, weekly_hours, strftime(start_date, '%Y-%m-%d'), badge from raw_csms order by csm_id"));
        Assert.Equal(
            ["varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "double", "double", "date", "date", "varchar", "bigint", "varchar"],
            db.Connection.Rows("select lower(data_type) from duckdb_columns() where table_name = 'raw_csms' order by column_index").Select(r => r[0]));
    }

    [Fact]
    public void Timestamps_with_an_offset_are_stored_in_UTC_and_naive_ones_are_read_in_the_pipeline_timezone()
    {
        // Given: Berlin is UTC+2 in July and UTC+1 in January (a lower-case t and z are the same as T and Z)
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv",
            "activity_id,csm_id,type,occurred_at",
            "z,c1,qbr,2025-07-01T10:00:00Z",
            "z_lower,c1,qbr,2025-07-01t10:00:00z",
            "offset,c1,qbr,2025-07-01T12:00:00+02:00",
            "offset_compact,c1,qbr,2025-07-01T05:30:00.250-0430",
            "naive_summer,c1,qbr,2025-07-01T10:00:00",
            "naive_winter,c1,qbr,2025-01-15 10:00:00");
        var before = db.Connection.Rows("select current_setting('TimeZone')").Single()[0];

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { Timezone = "Europe/Berlin" });

        // Then
        Assert.Equal(
            [
                ["naive_summer", "2025-07-01 08:00:00"],
                ["naive_winter", "2025-01-15 09:00:00"],
                ["offset", "2025-07-01 10:00:00"],
                ["offset_compact", "2025-07-01 10:00:00.25"],
                ["z", "2025-07-01 10:00:00"],
                ["z_lower", "2025-07-01 10:00:00"],
            ],
            db.Connection.Rows("select activity_id, timezone('UTC', occurred_at)::varchar from raw_activities order by activity_id"));
        Assert.Equal(before, db.Connection.Rows("select current_setting('TimeZone')").Single()[0]);
    }

    [Fact]
    public void An_unknown_timezone_fails_with_a_one_line_message()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();

        // When
        var error = Assert.Throws<IngestException>(() =>
            IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { Timezone = "Mars/Olympus" }));

        // Then
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
