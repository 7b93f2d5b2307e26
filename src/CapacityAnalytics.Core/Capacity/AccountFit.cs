namespace CapacityAnalytics.Core.Capacity;

/// <summary>One account's observed vs predicted hours over its months; ranked by total deviance among the worst fits.</summary>
public sealed record AccountFit(
    string AccountId,
    string Segment,
    int Months,
    double ObservedHours,
    double PredictedHours,
    double Ratio,
    double Deviance);
