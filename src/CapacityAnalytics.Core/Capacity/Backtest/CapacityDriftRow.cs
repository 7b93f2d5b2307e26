namespace CapacityAnalytics.Core.Capacity.Backtest;

/// <summary>
/// One row of <c>capacity_drift</c>: a time-equation parameter as fitted on the data before a quarter, with its 90%
/// range, and whether it moved outside the range of the previous quarter's fit.
/// </summary>
public sealed record CapacityDriftRow(DateOnly FittedBefore, string Parameter, double Estimate, double Low, double High, bool ChangedBeyondRange);
