using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// A CSM's hours per month, step by step: weekly hours x 52/12, minus PTO, x customer-facing share, x practical
/// capacity. Each step is kept so a worked example (docs/capacity-model.md) can be checked line by line.
/// </summary>
public sealed record AvailableHoursChain(
    double WeeklyHours,
    double TheoreticalHoursPerMonth,
    double PtoHoursPerMonth,
    double AfterPtoHoursPerMonth,
    double CustomerFacingHoursPerMonth,
    double PracticalHoursPerMonth)
{
    public static AvailableHoursChain From(AvailableHours hours) =>
        From(hours.WeeklyHours, hours.PtoWeeksPerYear, hours.CustomerFacingShare, hours.PracticalCapacity);

    public static AvailableHoursChain From(double weeklyHours, double ptoWeeksPerYear, double customerFacingShare, double practicalCapacity)
    {
        var theoretical = weeklyHours * 52 / 12;
        // Computed from the weeks left rather than as a difference, so 40 h x 48 weeks / 12 is exactly 160.
        var afterPto = weeklyHours * (52 - ptoWeeksPerYear) / 12;
        var customerFacing = afterPto * customerFacingShare;
        return new AvailableHoursChain(
            weeklyHours,
            theoretical,
            weeklyHours * ptoWeeksPerYear / 12,
            afterPto,
            customerFacing,
            customerFacing * practicalCapacity);
    }
}
