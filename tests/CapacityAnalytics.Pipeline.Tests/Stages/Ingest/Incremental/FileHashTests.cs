using CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Incremental;

public class FileHashTests
{
    [Fact]
    public void The_content_hash_is_XXH128_and_tells_one_changed_byte()
    {
        // Given an empty file and two files one byte apart
        var folder = Directory.CreateTempSubdirectory("capacity-hash-").FullName;
        try
        {
            var empty = Path.Combine(folder, "empty.csv");
            File.WriteAllBytes(empty, []);
            var a = Path.Combine(folder, "a.csv");
            var b = Path.Combine(folder, "b.csv");
            File.WriteAllText(a, "account_id\nACC-1\n");
            File.WriteAllText(b, "account_id\nACC-2\n");

            // Then the empty file has XXH3-128's published value for empty input (seed 0), and the others differ
            Assert.Equal("99aa06d3014798d86001c324468d497f", FileHash.Content(empty));
            Assert.NotEqual(FileHash.Content(a), FileHash.Content(b));
            Assert.Equal(32, FileHash.Content(a).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_loaded_file_list_of_SHA_256_values_from_an_older_warehouse_is_forgotten()
    {
        // Given a warehouse whose loaded_file still has the sha256 column
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        connection.Execute("create table loaded_file (path varchar primary key, size bigint, modified_ticks bigint, sha256 varchar, entity varchar, file_order integer, run_id varchar)");
        connection.Execute("insert into loaded_file values ('/x/accounts.csv', 10, 1, 'ab', 'accounts', 0, 'r1')");

        // When the list is read
        var known = LoadedFiles.Read(connection);

        // Then nothing is known to be loaded (the next ingest is a full one) and the table has the content_hash column
        Assert.Empty(known);
        Assert.Contains("content_hash", connection.ColumnNames(LoadedFiles.Table));
    }
}
