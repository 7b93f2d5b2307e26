using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class MissingColumnTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    public static TheoryData<string, string> RequiredColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var entity in InputContract.Entities)
        {
            foreach (var column in entity.RequiredColumns)
            {
                data.Add(entity.Name, column.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredColumns))]
    public void A_required_column_missing_from_the_header_fails_naming_the_file_and_the_column(string entityName, string column)
    {
        // Given
        var entity = InputContract.Find(entityName)!;
        using var extract = new ExtractFolderBuilder();
        var header = string.Join(",", entity.Columns.Select(c => c.Name).Where(n => n != column));
        var path = extract.WriteLines(entity.Name + ".csv", header);
        var files = ExtractDiscovery.Discover(extract.Folder).FilesOf(entity);

        // When
        var error = Assert.Throws<MissingColumnException>(() =>
            IngestService.LoadEntity(db.Connection, entity, files, IngestOptions.Default));

        // Then
        Assert.Equal((path, column), (error.File, error.Column));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{column}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
