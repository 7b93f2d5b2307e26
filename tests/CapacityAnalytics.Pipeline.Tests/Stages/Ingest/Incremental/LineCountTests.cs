using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Incremental;

/// <summary>The newlines a run counts while it hashes a CSV, which ingest uses instead of reading the file again.</summary>
public sealed class LineCountTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("capacity-lines-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_csv_the_run_hashes_carries_its_newlines_and_one_it_already_knows_does_not()
    {
        // Given a CSV of 5 bytes, two newlines, no newline at the end, and a Parquet file
        var csv = Path.Combine(folder, "accounts.csv");
        File.WriteAllText(csv, "h\n1\n2");
        var parquet = Path.Combine(folder, "usage.parquet");
        File.WriteAllBytes(parquet, [1, 10, 10]);

        // When both are seen for the first time
        var seen = InputScanner.Fingerprint(csv, "accounts", 0, new Dictionary<string, InputFile>());

        // Then the CSV's newlines were counted beside its hash; the Parquet file's were not
        Assert.Equal(new LineCount(2, false, 5), seen.Lines);
        Assert.Null(InputScanner.Fingerprint(parquet, "usage_events", 0, new Dictionary<string, InputFile>()).Lines);

        // And a file the warehouse already knows (same size and time) is not read, so it has no count
        var known = new Dictionary<string, InputFile> { [csv] = seen with { Lines = null } };
        var again = InputScanner.Fingerprint(csv, "accounts", 0, known);
        Assert.Equal(seen.ContentHash, again.ContentHash);
        Assert.Null(again.Lines);
    }

    [Fact]
    public void Counted_newlines_stand_in_for_a_second_pass_while_the_file_keeps_its_size()
    {
        // Given a CSV whose second record holds a quoted line break: 4 newlines for a header and 2 records, so the
        // records cannot be mapped from the count alone and the file is scanned
        var path = Path.Combine(folder, "notes.csv");
        File.WriteAllText(path, "id,note\n1,\"a\nb\"\n2,c\n");
        var size = new FileInfo(path).Length;
        var counted = CsvLineMap.CountLines(path);
        Assert.Equal(new LineCount(4, true, size), counted);
        Assert.True(CsvLineMap.Build(path, 2, [], counted).Scanned);

        // When a count of the same size says one line per record (3 newlines), it is taken as given: no scan
        Assert.False(CsvLineMap.Build(path, 2, [], new LineCount(3, true, size)).Scanned);

        // But a count taken when the file had another size is stale: the file is counted again, and scanned
        Assert.True(CsvLineMap.Build(path, 2, [], new LineCount(3, true, size + 5)).Scanned);
    }
}
