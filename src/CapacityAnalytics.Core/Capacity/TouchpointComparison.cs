using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Planned vs observed per segment and touchpoint type. A recurring touchpoint plans per_month touches of minutes +
/// prep; inbound plans per_month touches of minutes; a one-time touchpoint plans count / average lifetime touches per
/// account-month (its lifetime average, since observed account-months mix onboarding and steady months).
/// </summary>
public static class TouchpointComparison
{
    public static IReadOnlyList<TouchpointComparisonRow> Compare(CapacityModel model, IReadOnlyList<TouchpointObservation> observations) =>
        observations
            .OrderBy(o => model.Segments.FindIndex(s => s.Name == o.Segment))
            .ThenBy(o => o.Type, StringComparer.Ordinal)
            .Select(o =>
            {
                var (perMonth, minutes) = Planned(model, o.Segment, o.Type);
                return new TouchpointComparisonRow(
                    o.Segment,
                    o.Type,
                    perMonth,
                    o.PerAccountMonth,
                    minutes,
                    o.MinutesPerTouch,
                    perMonth * minutes / 60,
                    o.HoursPerAccountMonth,
                    o.AccountMonths);
            })
            .ToList();

    /// <summary>Planned touches per account-month and minutes per touch (prep included); nulls when not planned.</summary>
    public static (double? PerMonth, double? Minutes) Planned(CapacityModel model, string segment, string type)
    {
        if (!model.Touchpoints.TryGetValue(segment, out var catalog)) return (null, null);
        if (type == TouchpointObservation.Inbound) return (catalog.Inbound.PerMonth, catalog.Inbound.Minutes);
        var recurring = catalog.Recurring.FirstOrDefault(t => t.Type == type);
        if (recurring is not null) return (recurring.PerMonth, recurring.Minutes + recurring.PrepMinutes);
        var oneTime = catalog.OneTime.FirstOrDefault(t => t.Type == type);
        if (oneTime is not null) return (oneTime.Count / model.Drivers.AverageLifetimeMonths, oneTime.Minutes + oneTime.PrepMinutes);
        return (null, null);
    }
}
