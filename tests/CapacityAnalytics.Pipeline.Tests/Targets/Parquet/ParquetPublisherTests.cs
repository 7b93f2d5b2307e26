using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Parquet;
using CapacityAnalytics.Pipeline.Tests.Support;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Targets.Parquet;

public sealed class ParquetPublisherTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "capacity-parquet-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public ParquetPublisherTests()
    {
        _connection.Open();
        Exec("create table dim_segment as select * from (values ('smb', 0.0), ('enterprise', 50000.0)) t(segment, min_arr)");
        Exec("create table fct_activity as select 'a' || i as activity_id, timestamptz '2024-12-31 12:00:00+00' + to_days(i::int) as occurred_at from range(3) r(i)");
    }

    private static readonly PublishedTable[] Tables = [new("dim_segment"), new("fct_activity", "activity_id", "year(occurred_at)")];

    private void Exec(string sql)
    {
        using var c = _connection.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    private RunContext Context(string runId) => TestRunContext.For(_connection, runId);

    [Fact]
    public void A_publish_writes_each_table_and_a_manifest_that_current_points_at()
    {
        // Given two tables, one partitioned by year (rows on 2024-12-31, 2025-01-01, 2025-01-02)
        var publisher = new ParquetPublisher(_root, keep: 2);

        // When they are published
        var result = publisher.Publish(Context("run1"), Tables, CancellationToken.None);

        // Then current/manifest.json lists both with their row counts, and fct_activity has two year folders
        var manifest = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName));
        Assert.Equal("run1", manifest.RunId);
        Assert.Equal(2, manifest.Tables.Single(t => t.Name == "dim_segment").Rows);
        var activity = manifest.Tables.Single(t => t.Name == "fct_activity");
        Assert.Equal(3, activity.Rows);
        Assert.Equal(["fct_activity/year=2024/part_0.parquet", "fct_activity/year=2025/part_0.parquet"], activity.Files.Select(f => f.Path));
        Assert.Equal(5, result.Rows);
        Assert.Equal(Path.Combine(_root, "runs", "run1"), CurrentPointer.Resolve(_root));
    }

    [Fact]
    public void The_same_data_published_twice_gives_identical_file_hashes()
    {
        var publisher = new ParquetPublisher(_root, keep: 2);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);
        var first = Manifest.Read(Path.Combine(_root, "runs", "run1", Manifest.FileName));

        publisher.Publish(Context("run2"), Tables, CancellationToken.None);
        var second = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName));

        Assert.Equal("run2", second.RunId);
        Assert.Equal(first.Tables.SelectMany(t => t.Files), second.Tables.SelectMany(t => t.Files));
    }

    [Fact]
    public void An_unchanged_table_is_copied_from_the_last_publish_and_a_changed_one_is_written_again()
    {
        var publisher = new ParquetPublisher(_root, keep: 2);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);
        var first = Manifest.Read(Path.Combine(_root, "runs", "run1", Manifest.FileName));

        // fct_activity gains a fourth row (2025-01-03); dim_segment is left as it was
        Exec("insert into fct_activity values ('a3', timestamptz '2025-01-03 12:00:00+00')");
        var result = publisher.Publish(Context("run2"), Tables, CancellationToken.None);
        var second = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName));

        Assert.Equal(1, result.Kept);
        var segment = (First: first.Tables.Single(t => t.Name == "dim_segment"), Second: second.Tables.Single(t => t.Name == "dim_segment"));
        Assert.Equal(segment.First.Fingerprint, segment.Second.Fingerprint);
        Assert.Equal(segment.First.Files, segment.Second.Files);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "runs", "run1", "dim_segment.parquet")), File.ReadAllBytes(Path.Combine(_root, "runs", "run2", "dim_segment.parquet")));
        var activity = (First: first.Tables.Single(t => t.Name == "fct_activity"), Second: second.Tables.Single(t => t.Name == "fct_activity"));
        Assert.NotEqual(activity.First.Fingerprint, activity.Second.Fingerprint);
        Assert.Equal(4, activity.Second.Rows);
        Assert.Equal(4L, Count($"select count(*) from read_parquet('{Path.Combine(_root, "current", "fct_activity")}/*/*.parquet')"));

        // the copy is what writing the table afresh gives: a first publish of the same warehouse elsewhere has the same bytes
        var fresh = Path.Combine(_root, "fresh");
        new ParquetPublisher(fresh, keep: 1).Publish(Context("run2"), Tables, CancellationToken.None);
        Assert.Equal(second.Tables.SelectMany(t => t.Files), Manifest.Read(Path.Combine(fresh, "current", Manifest.FileName)).Tables.SelectMany(t => t.Files));
    }

    [Fact]
    public void Of_a_partitioned_table_only_the_partitions_that_changed_are_written_and_the_others_copied()
    {
        var publisher = new ParquetPublisher(_root, keep: 2);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);
        var first = Manifest.Read(Path.Combine(_root, "runs", "run1", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity");

        // a 2025 row corrected: year=2024 is unchanged
        Exec("update fct_activity set occurred_at = occurred_at + interval 1 hour where activity_id = 'a2'");
        publisher.Publish(Context("run2"), Tables, CancellationToken.None);
        var second = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity");

        Assert.Equal(["2024", "2025"], second.Partitions!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first.Partitions!["2024"], second.Partitions["2024"]);
        Assert.NotEqual(first.Partitions["2025"], second.Partitions["2025"]);
        Assert.Equal(first.Files[0], second.Files[0]);
        Assert.NotEqual(first.Files[1], second.Files[1]);
        Assert.Equal(["fct_activity/year=2024/part_0.parquet", "fct_activity/year=2025/part_0.parquet"], second.Files.Select(f => f.Path));
        Assert.Equal(3L, Count($"select count(*) from read_parquet('{Path.Combine(_root, "current", "fct_activity")}/*/*.parquet')"));
        Assert.Equal(1L, Count($"select count(*) from read_parquet('{Path.Combine(_root, "current", "fct_activity")}/*/*.parquet') where occurred_at = timestamptz '2025-01-02 13:00:00+00'"));

        // what a first publish of the same rows writes: the same files, byte for byte
        var fresh = Path.Combine(_root, "fresh");
        new ParquetPublisher(fresh, keep: 1).Publish(Context("run2"), Tables, CancellationToken.None);
        Assert.Equal(second.Files, Manifest.Read(Path.Combine(fresh, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity").Files);

        // a year gone, another one new: 2024 is dropped, 2026 written, 2025 copied
        Exec("delete from fct_activity where activity_id = 'a0'");
        Exec("insert into fct_activity values ('a9', timestamptz '2026-03-01 08:00:00+00')");
        publisher.Publish(Context("run3"), Tables, CancellationToken.None);
        var third = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity");
        Assert.Equal(["fct_activity/year=2025/part_0.parquet", "fct_activity/year=2026/part_0.parquet"], third.Files.Select(f => f.Path));
        Assert.Equal(second.Files[1], third.Files[0]);
        Assert.Equal(3, third.Rows);
    }

    [Fact]
    public void Files_another_build_of_the_app_wrote_are_written_again_not_copied()
    {
        // Given a publish whose manifest says another build of the app wrote it
        var publisher = new ParquetPublisher(_root, keep: 3);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);
        var path = Path.Combine(_root, "runs", "run1", Manifest.FileName);
        var first = Manifest.Read(path);
        Assert.Equal(AppBuild.Id, first.Build);
        File.WriteAllText(path, (first with { Build = "0123456789abcdef" }).ToJson());

        // When the same tables are published again
        var result = publisher.Publish(Context("run2"), Tables, CancellationToken.None);

        // Then neither is copied from it, though both are unchanged, and the new manifest names this build
        Assert.Equal(0, result.Kept);
        Assert.Equal(AppBuild.Id, Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Build);
        // while a publish after one of this build's copies both
        Assert.Equal(2, publisher.Publish(Context("run3"), Tables, CancellationToken.None).Kept);
    }

    [Fact]
    public void Of_a_table_split_into_files_by_month_only_the_months_that_changed_are_written()
    {
        // Given fct_activity in year folders split by month: 2024-12-31 | 2025-01-01, 2025-01-02 | 2025-02-10
        Exec("insert into fct_activity values ('a3', timestamptz '2025-02-10 12:00:00+00')");
        PublishedTable[] tables = [new("dim_segment"), new("fct_activity", "activity_id", "year(occurred_at)", "strftime(occurred_at, '%Y-%m')")];
        var publisher = new ParquetPublisher(_root, keep: 3);
        publisher.Publish(Context("run1"), tables, CancellationToken.None);
        var first = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity");

        // Then each month is one file named after it, in its year's folder, and a hive reader sees each row once with its year
        Assert.Equal(["fct_activity/year=2024/part_2024-12.parquet", "fct_activity/year=2025/part_2025-01.parquet", "fct_activity/year=2025/part_2025-02.parquet"],
            first.Files.Select(f => f.Path));
        Assert.Equal(["2024-12", "2025-01", "2025-02"], first.Partitions!.Keys.Order(StringComparer.Ordinal));
        var folder = Path.Combine(_root, "current", "fct_activity");
        Assert.Equal(1L, Count($"select count(*) from read_parquet('{folder}/*/*.parquet', hive_partitioning = true) where year = 2024"));
        Assert.Equal(3L, Count($"select count(*) from read_parquet('{folder}/*/*.parquet', hive_partitioning = true) where year = 2025"));
        Assert.Equal(2L, Count($"select count(*) from '{folder}/year=2025/part_2025-01.parquet'"));

        // When a January row is corrected
        Exec("update fct_activity set occurred_at = occurred_at + interval 1 hour where activity_id = 'a1'");
        publisher.Publish(Context("run2"), tables, CancellationToken.None);
        var second = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity");

        // Then January's fingerprint and file changed, December's and February's did not
        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.Equal([true, false, true], first.Files.Zip(second.Files, (a, b) => a == b));
        Assert.Equal([true, false, true], first.Partitions.OrderBy(p => p.Key, StringComparer.Ordinal).Zip(second.Partitions!.OrderBy(p => p.Key, StringComparer.Ordinal), (a, b) => a.Value == b.Value));
        Assert.Equal(1L, Count($"select count(*) from '{folder}/year=2025/part_2025-01.parquet' where occurred_at = timestamptz '2025-01-01 13:00:00+00'"));
        // and the files are what a first publish of the same rows writes, byte for byte
        var fresh = Path.Combine(_root, "fresh");
        new ParquetPublisher(fresh, keep: 1).Publish(Context("run2"), tables, CancellationToken.None);
        Assert.Equal(second.Files, Manifest.Read(Path.Combine(fresh, "current", Manifest.FileName)).Tables.Single(t => t.Name == "fct_activity").Files);
    }

    [Fact]
    public void A_partitioned_table_without_rows_is_published_as_an_empty_folder_again_and_again()
    {
        Exec("delete from fct_activity");
        PublishedTable[] tables = [new("fct_activity", "activity_id", "year(occurred_at)", "strftime(occurred_at, '%Y-%m')")];
        var publisher = new ParquetPublisher(_root, keep: 3);

        publisher.Publish(Context("run1"), tables, CancellationToken.None);
        publisher.Publish(Context("run2"), tables, CancellationToken.None);

        var activity = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName)).Tables.Single();
        Assert.Equal(0, activity.Rows);
        Assert.Empty(activity.Files);
    }

    [Fact]
    public void An_unchanged_table_whose_file_is_gone_from_the_last_publish_is_written_again()
    {
        var publisher = new ParquetPublisher(_root, keep: 2);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);
        File.Delete(Path.Combine(_root, "runs", "run1", "dim_segment.parquet"));

        var result = publisher.Publish(Context("run2"), Tables, CancellationToken.None);

        Assert.Equal(1, result.Kept);
        Assert.Equal(2L, Count($"select count(*) from '{Path.Combine(_root, "current", "dim_segment.parquet")}'"));
    }

    private long Count(string sql)
    {
        using var c = _connection.CreateCommand();
        c.CommandText = sql;
        return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Only_the_last_publishes_are_kept()
    {
        var publisher = new ParquetPublisher(_root, keep: 1);
        foreach (var run in new[] { "run1", "run2", "run3" })
        {
            publisher.Publish(Context(run), Tables, CancellationToken.None);
        }

        // keep 1 past publish beside the current one
        Assert.Equal(["run2", "run3"], Directory.GetDirectories(Path.Combine(_root, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_publish_stopped_midway_leaves_the_previous_publish_intact_and_readable()
    {
        // Given a good publish
        var publisher = new ParquetPublisher(_root, keep: 2);
        publisher.Publish(Context("run1"), Tables, CancellationToken.None);

        // When the next publish fails after writing its first table
        Assert.ThrowsAny<Exception>(() => publisher.Publish(Context("run2"), [Tables[0], new PublishedTable("missing_table")], CancellationToken.None));

        // Then current still names run1, and its files read back with the manifest's row counts
        Assert.Equal(Path.Combine(_root, "runs", "run1"), CurrentPointer.Resolve(_root));
        var manifest = Manifest.Read(Path.Combine(_root, "current", Manifest.FileName));
        using var c = _connection.CreateCommand();
        c.CommandText = $"select count(*) from read_parquet('{Path.Combine(_root, "current", "fct_activity", "*", "*.parquet")}')";
        Assert.Equal(manifest.Tables.Single(t => t.Name == "fct_activity").Rows, Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(Directory.Exists(Path.Combine(_root, "runs", "run2")));
    }

    public void Dispose()
    {
        _connection.Dispose();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
