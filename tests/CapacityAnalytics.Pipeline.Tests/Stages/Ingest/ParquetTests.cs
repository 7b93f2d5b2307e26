using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class ParquetTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void A_parquet_file_in_a_folder_named_after_its_entity_is_typed_like_a_CSV()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        Directory.CreateDirectory(Path.Combine(extract.Folder, "tickets"));
        var path = Path.Combine(extract.Folder, "tickets", "part-001.parquet");
        db.Connection.Execute($"""
            copy (
                select 't1' as Ticket_Id, 'a1' as account_id, timestamptz '2025-01-01 10:00:00+02' as created_at,
                    true as escalated, 12.5 as csm_minutes, 'URGENT' as priority
                union all
                select 't2', 'a1', timestamptz '2025-01-02 10:00:00+00', false, -3, 'low'
            ) to {Sql.Literal(path)} (format parquet)
            """);

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 1 }).For("tickets")!;

        // Then
        Assert.Equal(
            [["t1", "2025-01-01 08:00:00", "True", "12.5", "urgent", "1"]],
            db.Connection.Rows("select ticket_id, timezone('UTC', created_at)::varchar, escalated, csm_minutes, priority, _line from raw_tickets"));
        Assert.Equal(["part-001.parquet:2:csm_minutes:-3.0"], db.Connection.Rejects());
        Assert.Equal((2L, 1L), (result.RowsRead, result.RowsRejected));
    }
}
