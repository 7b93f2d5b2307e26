namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Planned vs observed for one segment and touchpoint type: touches per account-month, minutes per touch (prep
/// included) and hours per account-month. Null planned values: the type is not in the segment's catalog.
/// </summary>
public sealed record TouchpointComparisonRow(
    string Segment,
    string Type,
    double? PlannedPerAccountMonth,
    double ObservedPerAccountMonth,
    double? PlannedMinutesPerTouch,
    double ObservedMinutesPerTouch,
    double? PlannedHoursPerAccountMonth,
    double ObservedHoursPerAccountMonth,
    double AccountMonths);
