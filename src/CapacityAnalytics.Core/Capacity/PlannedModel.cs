using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The planned model by segment (<c>capacity_planned</c>). The range of accounts per CSM runs from the practical
/// customer-facing hours over a heavy account (planned hours x (1 + expansion uplift)) to the customer-facing hours
/// before the practical-capacity factor over a planned account; see docs/capacity-model.md.
/// </summary>
public static class PlannedModel
{
    public static IReadOnlyList<CapacityPlannedRow> Rows(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio)
    {
        var chain = AvailableHoursChain.From(model.AvailableHours);
        var threshold = CapacityPoints.Threshold(model);
        var rows = new List<CapacityPlannedRow>();
        foreach (var plan in SegmentPlan.AllFrom(model))
        {
            var averageArr = portfolio.FirstOrDefault(p => p.Segment == plan.Segment)?.AverageArr ?? 0;
            var range = Range(chain, plan, model.Drivers);
            var arr = range?.TimesArr(averageArr);
            rows.Add(new CapacityPlannedRow(
                plan.Segment,
                Lanes.Name(plan.Lane),
                plan.HoursPerAccountMonth,
                plan.SteadyStateHours,
                plan.OnboardingMonthHours,
                range?.Low,
                range?.High,
                arr?.Low,
                arr?.High,
                CapacityPoints.For(new AccountProfile("typical", plan.Segment, averageArr), plan, model.Drivers),
                threshold));
        }
        return rows;
    }

    /// <summary>Accounts per CSM of a segment; null in the digital lane or when the catalog plans no hours.</summary>
    public static BookRange? Range(AvailableHoursChain chain, SegmentPlan plan, Drivers drivers)
    {
        var hours = plan.CsmHoursPerAccountMonth;
        if (hours <= 0) return null;
        return BookRange.From(
            availableLow: chain.PracticalHoursPerMonth,
            availableHigh: chain.CustomerFacingHoursPerMonth,
            hoursPerAccountLow: hours,
            hoursPerAccountHigh: hours * (1 + drivers.ExpansionUplift));
    }
}
