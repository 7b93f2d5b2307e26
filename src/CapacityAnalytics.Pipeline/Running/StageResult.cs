namespace CapacityAnalytics.Pipeline.Running;

/// <summary>One stage's outcome: time, rows in and out, and a few lines of detail.</summary>
public sealed record StageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details)
{
    public long Rejects { get; init; }
}
