namespace CapacityAnalytics.Sample.Tests;

public sealed class SampleDeterminismTests : IDisposable
{
    private static readonly SampleOptions Small = new(Accounts: 80, Csms: 6, Months: 8, UsageEventsPerAccountDay: 4);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "capacity-sample-det-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_same_options_write_byte_identical_files()
    {
        // Given two runs with the same options
        var first = SampleCompanyGenerator.Write(Small, Path.Combine(_root, "a"));
        var second = SampleCompanyGenerator.Write(Small, Path.Combine(_root, "b"));

        // When their files are compared byte by byte
        var names = Directory.GetFiles(first.OutputDirectory).Select(Path.GetFileName).Order().ToList();

        // Then every file (including the ground truth) is identical
        Assert.Equal(names, Directory.GetFiles(second.OutputDirectory).Select(Path.GetFileName).Order().ToList());
        Assert.Contains("usage_events.csv", names);
        foreach (var name in names)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.OutputDirectory, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(second.OutputDirectory, name!))),
                name);
        }
    }

    [Fact]
    public void Another_seed_writes_another_company()
    {
        // Given two runs that differ only in the seed
        var first = SampleCompanyGenerator.Write(Small, Path.Combine(_root, "a"));
        var second = SampleCompanyGenerator.Write(Small with { Seed = 7 }, Path.Combine(_root, "b"));

        // When / Then the activities and the true parameters differ
        Assert.NotEqual(File.ReadAllBytes(first.Paths["activities"]), File.ReadAllBytes(second.Paths["activities"]));
        Assert.NotEqual(first.GroundTruth.Parameters, second.GroundTruth.Parameters);
    }

    [Fact]
    public void The_ground_truth_reads_back_as_written()
    {
        // Given a written company
        var result = SampleCompanyGenerator.Write(Small, Path.Combine(_root, "a"));

        // When its ground truth is loaded and saved again
        var loaded = SampleGroundTruth.Load(result.GroundTruthPath);
        var again = Path.Combine(_root, "again.json");
        loaded.Save(again);

        // Then nothing is lost, and the counts are the rows written
        Assert.Equal(File.ReadAllBytes(result.GroundTruthPath), File.ReadAllBytes(again));
        Assert.Equal(result.RowsWritten, loaded.Counts);
        Assert.Equal(new DateOnly(2026, 10, 31), loaded.Options.EndDate);
    }

    [Fact]
    public void Without_raw_usage_no_usage_events_file_is_left_in_the_folder()
    {
        // Given a folder holding a raw usage file from an earlier run
        var dir = Path.Combine(_root, "a");
        SampleCompanyGenerator.Write(Small, dir);

        // When the company is written again without raw usage
        var result = SampleCompanyGenerator.Write(Small with { UsageEventsPerAccountDay = 0 }, dir);

        // Then the stale raw usage file is gone
        Assert.False(File.Exists(Path.Combine(dir, "usage_events.csv")));
        Assert.DoesNotContain("usage_events", result.RowsWritten.Keys);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
