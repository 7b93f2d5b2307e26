using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class DiscoveryTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Files_are_grouped_by_entity_stem_or_folder_in_path_order_and_unknown_files_are_listed()
    {
        // Given
        using var extract = new ExtractFolderBuilder();
        var june = extract.WriteLines("activities_2025-06.csv", "x");
        var may = extract.WriteLines("activities_2025-05.csv", "x");
        var history = extract.WriteLines("account_history_2025.csv", "x");
        var part = extract.WriteLines(Path.Combine("tickets", "part-001.parquet"), "x");
        var notes = extract.WriteLines("notes.txt", "x");
        var stray = extract.WriteLines("crm_dump.csv", "x");

        // When
        var found = ExtractDiscovery.Discover(extract.Folder);

        // Then
        Assert.Equal([(may, 1), (june, 2)], found.FilesByEntity["activities"].Select(f => (f.Path, f.Order)));
        Assert.Equal([history], found.FilesByEntity["account_history"].Select(f => f.Path));
        Assert.Equal([(part, ExtractFormat.Parquet)], found.FilesByEntity["tickets"].Select(f => (f.Path, f.Format)));
        Assert.Equal([stray, notes], found.UnknownFiles);
        Assert.False(found.FilesByEntity.ContainsKey("accounts"));
    }

    [Fact]
    public void A_missing_mandatory_entity_fails_naming_it()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);

        // When
        var error = Assert.Throws<MissingEntityException>(() =>
            IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default));

        // Then
        Assert.Equal("activities", error.Entity);
    }

    [Fact]
    public void An_absent_optional_entity_gets_an_empty_typed_raw_table_and_unknown_files_are_reported()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        var readme = extract.WriteLines("README.txt", "hello");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default);

        // Then
        Assert.Equal([readme], result.UnknownFiles);
        Assert.Equal([["0"]], db.Connection.Rows("select count(*) from raw_time_off"));
        Assert.Equal(["csm_id:VARCHAR", "date:DATE", "hours:DOUBLE", "_file:VARCHAR", "_line:BIGINT"],
            db.Connection.Rows("select column_name, data_type from duckdb_columns() where table_name = 'raw_time_off' order by column_index")
                .Select(r => r[0] + ":" + r[1]));
    }
}
