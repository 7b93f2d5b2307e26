using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Warehouse;

public sealed class WarehouseLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-lock-").FullName;

    [Fact]
    public void A_second_writer_gives_up_after_its_timeout_with_a_message_naming_the_warehouse()
    {
        // Given a run holding the warehouse
        var warehouse = Path.Combine(_dir, "capacity.duckdb");
        using var first = WarehouseLock.Acquire(warehouse, TimeSpan.Zero);

        // When a second run asks for it with a short timeout
        var ex = Assert.Throws<CapacityException>(() => WarehouseLock.Acquire(warehouse, TimeSpan.FromMilliseconds(300)));

        // Then it is refused, naming the warehouse, as a usage error (exit 2)
        Assert.Contains(warehouse, ex.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Data, ex.Kind);
    }

    [Fact]
    public void A_waiting_writer_gets_the_warehouse_when_the_first_run_ends()
    {
        var warehouse = Path.Combine(_dir, "capacity.duckdb");
        var first = WarehouseLock.Acquire(warehouse, TimeSpan.Zero);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            first.Dispose();
        });

        using var second = WarehouseLock.Acquire(warehouse, TimeSpan.FromSeconds(10));

        Assert.True(release.IsCompleted);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
