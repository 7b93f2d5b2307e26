namespace CapacityAnalytics.Core.Capacity;

/// <summary>One row of <c>capacity_planned</c>: the planned model of one segment. Null ranges: digital lane (no CSM).</summary>
public sealed record CapacityPlannedRow(
    string Segment,
    string Lane,
    double PlannedHoursPerAccountMonth,
    double SteadyStateHours,
    double OnboardingMonthHours,
    double? AccountsPerCsmLow,
    double? AccountsPerCsmHigh,
    double? ArrPerCsmLow,
    double? ArrPerCsmHigh,
    double PointsPerAccount,
    double PointsThreshold);
