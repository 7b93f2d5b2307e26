using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>Issue 12, item 5: the warehouse lock facing an I/O error rather than another run.</summary>
public sealed class LockIoErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-lock-io-").FullName;

    [Fact]
    public void A_read_only_output_with_an_existing_warehouse_is_an_io_error_at_once_not_another_run()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return; // root writes anyway
        var warehouse = Path.Combine(_dir, "capacity.duckdb");
        File.WriteAllText(warehouse + ".lock", "");
        File.SetUnixFileMode(warehouse + ".lock", UnixFileMode.UserRead);
        File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var ex = Assert.Throws<CapacityException>(() => WarehouseLock.Acquire(warehouse, TimeSpan.FromSeconds(30)));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
            Assert.Equal(FailureKind.Data, ex.Kind);
            Assert.Contains("not another run", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_an_io_error_at_once_naming_its_cause()
    {
        var notAFolder = Path.Combine(_dir, "out");
        File.WriteAllText(notAFolder, "");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = Assert.Throws<CapacityException>(() => WarehouseLock.Acquire(Path.Combine(notAFolder, "capacity.duckdb"), TimeSpan.FromSeconds(30)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(FailureKind.Data, ex.Kind);
        Assert.Contains("not another run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warehouse_held_by_another_run_names_that_run_and_its_start()
    {
        var warehouse = Path.Combine(_dir, "capacity.duckdb");
        using var first = WarehouseLock.Acquire(warehouse, TimeSpan.Zero);
        first.Describe("20261127T120000.000Z-acme", new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var ex = Assert.Throws<CapacityException>(() => WarehouseLock.Acquire(warehouse, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("run 20261127T120000.000Z-acme, started 2026-11-27 12:00:00Z", ex.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Data, ex.Kind);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
