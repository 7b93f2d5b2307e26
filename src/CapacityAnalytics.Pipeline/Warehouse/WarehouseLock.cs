using System.Diagnostics;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>
/// One writer per warehouse: an exclusive lock on <c>&lt;warehouse&gt;.lock</c> held for the whole run. A second run
/// waits up to its timeout, then stops with a message naming the warehouse. The operating system releases the lock
/// when a process dies, so a killed run never blocks the next one.
/// </summary>
public sealed class WarehouseLock : IDisposable
{
    private readonly FileStream _stream;

    private WarehouseLock(FileStream stream) => _stream = stream;

    public static WarehouseLock Acquire(string warehousePath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var path = warehousePath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new WarehouseLock(stream);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (IOException ex)
            {
                throw new CapacityException(
                    $"{warehousePath}: another run is writing this warehouse (waited {timeout.TotalSeconds:0} s); "
                    + "try again when it finishes, or raise --wait.", FailureKind.Usage, ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
