namespace CapacityAnalytics.Pipeline.Running;

/// <summary>
/// One stage's outcome: time, rows in and out, and a few lines of detail. Each stage returns its own record derived
/// from this one with what it found (open alerts, the calibration, where the dashboard is) for the caller to render.
/// </summary>
public abstract record StageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details)
{
    public long Rejects { get; init; }
}
