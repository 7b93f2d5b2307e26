namespace CapacityAnalytics.Core.Capacity.Backtest;

/// <summary>
/// One row of <c>capacity_backtest</c>: a CSM's (or a segment's, or the company's) customer hours in one quarter,
/// observed, and as each model predicted them from data before the quarter only.
/// </summary>
/// <param name="QuarterStart">First day of the predicted quarter; the models were fitted on account-months before it.</param>
/// <param name="Level">csm, segment or company.</param>
/// <param name="Key">The CSM id, the segment, or <c>all</c>.</param>
/// <param name="AccountMonths">Account-months of the quarter behind the figures (the book the CSM actually had).</param>
/// <param name="ObservedHours">Customer hours observed in those account-months.</param>
/// <param name="PredictedHours">The time equation fitted on the data before the quarter, applied to those account-months.</param>
/// <param name="Low">Lower end of the 90% prediction range (Tweedie variance and parameter uncertainty).</param>
/// <param name="High">Upper end of the 90% prediction range.</param>
/// <param name="InRange">Whether the observed hours fell inside the range.</param>
/// <param name="PlannedHours">The planned model (the capacity model file's time equation) on the same account-months;
/// null when a segment of them is not in the model file.</param>
/// <param name="NaiveHours">The naive baseline: the same key's observed hours in the quarter before; null without one.</param>
/// <param name="TrainingAccountMonths">Account-months the fit saw.</param>
public sealed record CapacityBacktestRow(
    DateOnly QuarterStart,
    string Level,
    string Key,
    int AccountMonths,
    double ObservedHours,
    double PredictedHours,
    double Low,
    double High,
    bool InRange,
    double? PlannedHours,
    double? NaiveHours,
    int TrainingAccountMonths);
