namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// How well the time equation fits one segment's account-months: mean observed vs predicted hours, MAE, RMSE,
/// deviance explained against the segment mean (a pseudo R2), and the spread of residuals (standard deviation of
/// observed - predicted, and the Pearson dispersion: mean of (y - mu)^2 / mu^p).
/// </summary>
public sealed record SegmentFitQuality(
    string Segment,
    int AccountMonths,
    double MeanObserved,
    double MeanPredicted,
    double MeanAbsoluteError,
    double RootMeanSquaredError,
    double DevianceExplained,
    double ResidualSd,
    double PearsonDispersion);
