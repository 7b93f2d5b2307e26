using System.Globalization;

namespace CapacityAnalytics.Bench;

/// <summary>
/// Samples the process RSS (<c>/proc/self/status</c> VmRSS; VmHWM cannot be reset) and the managed heap every
/// <see cref="Interval"/> on a background thread and keeps the highest values since the window began.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private const string StatusPath = "/proc/self/status";
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Lock _gate = new();
    private MemoryPeak _peak = MemoryPeak.None;

    public MemorySampler()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "bench-memory-sampler" };
        _thread.Start();
    }

    /// <summary>Starts a new window whose peak begins at the current values.</summary>
    public void Begin()
    {
        var now = Sample();
        lock (_gate) _peak = now;
    }

    /// <summary>The peak since <see cref="Begin"/>, including a last sample taken now.</summary>
    public MemoryPeak End()
    {
        var now = Sample();
        lock (_gate)
        {
            _peak = _peak.Max(now);
            return _peak;
        }
    }

    /// <summary>The process's lifetime RSS high-water mark (VmHWM), or 0 where /proc is not available.</summary>
    public static long HighWaterMarkBytes() => ReadStatusKilobytes("VmHWM:") * 1024;

    public static MemoryPeak Sample()
    {
        var rss = ReadStatusKilobytes("VmRSS:") * 1024;
        if (rss == 0) rss = Environment.WorkingSet;
        var managed = Math.Max(GC.GetTotalMemory(false), GC.GetGCMemoryInfo().HeapSizeBytes);
        return new MemoryPeak(rss, managed);
    }

    /// <summary>The kB value of a line of /proc/self/status (e.g. "VmRSS:   123456 kB"), or 0.</summary>
    public static long ParseStatusKilobytes(string status, string key)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var value = line[key.Length..].Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0) value = value[..space];
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
        }
        return 0;
    }

    private static long ReadStatusKilobytes(string key)
    {
        try
        {
            return File.Exists(StatusPath) ? ParseStatusKilobytes(File.ReadAllText(StatusPath), key) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Loop()
    {
        while (!_stop.Wait(Interval))
        {
            var now = Sample();
            lock (_gate) _peak = _peak.Max(now);
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
