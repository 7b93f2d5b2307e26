using System.Diagnostics;
using System.Globalization;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>
/// One writer per warehouse: an exclusive lock on <c>&lt;warehouse&gt;.lock</c> held for the whole run. A second run
/// waits up to its timeout, then stops with a message naming the warehouse and the run holding it (from
/// <c>&lt;warehouse&gt;.lock.info</c>). Any other I/O error (a read-only folder, a full disk) is not "another run":
/// it stops at once, naming its cause. The operating system releases the lock when a process dies, so a killed run
/// never blocks the next one.
/// </summary>
public sealed class WarehouseLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _info;

    private WarehouseLock(FileStream stream, string info)
    {
        _stream = stream;
        _info = info;
    }

    public static WarehouseLock Acquire(string warehousePath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var path = warehousePath + ".lock";
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new WarehouseLock(stream, path + ".info");
            }
            catch (IOException ex) when (IsHeldByAnother(ex) && watch.Elapsed < timeout)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                throw new CapacityException(
                    $"{warehousePath}: another run is writing this warehouse{Holder(path + ".info")} (waited {timeout.TotalSeconds:0} s); "
                    + "try again when it finishes, or raise --wait.", FailureKind.Data, ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CapacityException(
                    $"{path}: cannot take the warehouse's writer lock: {ex.Message.Split('\n')[0]} "
                    + "(an I/O error, not another run: check the folder is writable and has free space).", FailureKind.Data, ex);
            }
        }
    }

    /// <summary>Records which run holds the lock, for the message a waiting run gives.</summary>
    public void Describe(string runId, DateTimeOffset started)
    {
        try
        {
            var temp = _info + ".tmp";
            File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{runId}\n{started.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z\n"));
            File.Move(temp, _info, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // only a courtesy for the message of a waiting run
        }
    }

    // Another process's lock: EWOULDBLOCK from flock on Unix, a sharing or lock violation on Windows.
    private static bool IsHeldByAnother(IOException ex) => (ex.HResult & 0xFFFF) is 32 or 33 || ex.HResult == 11
        || ex.Message.Contains("being used by another process", StringComparison.Ordinal);

    private static string Holder(string info)
    {
        try
        {
            var lines = File.ReadAllLines(info);
            return lines.Length >= 2 ? $" (run {lines[0]}, started {lines[1]})" : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public void Dispose() => _stream.Dispose();
}
