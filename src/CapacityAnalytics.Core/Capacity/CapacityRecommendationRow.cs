namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// One row of <c>capacity_recommendation</c>: accounts per CSM for a segment with the variance buffer. Mid uses the
/// observed account-months; low and high scale them by the bootstrap high and low of the segment's base hours.
/// Overload share is the simulated share of months above capacity at the mid recommendation.
/// </summary>
public sealed record CapacityRecommendationRow(
    string Segment,
    string Lane,
    int AccountsPerCsmLow,
    int AccountsPerCsmMid,
    int AccountsPerCsmHigh,
    double ArrPerCsmLow,
    double ArrPerCsmMid,
    double ArrPerCsmHigh,
    double OverloadShare,
    double MaxOverloadShare,
    double CapacityHoursPerMonth);
