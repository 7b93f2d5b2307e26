using CapacityAnalytics.Core.Capacity;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class AvailableHoursChainTests
{
    [Fact]
    public void The_chain_shows_each_step_from_weekly_hours_to_practical_hours()
    {
        // Given the shipped defaults: 40 h/week, 5 PTO weeks, customer-facing 2/3, practical 0.85
        // When the chain is computed
        var chain = AvailableHoursChain.From(weeklyHours: 40, ptoWeeksPerYear: 5, customerFacingShare: 2.0 / 3.0, practicalCapacity: 0.85);

        // Then 40 x 52 / 12 = 173.33; PTO 40 x 5 / 12 = 16.67; 40 x 47 / 12 = 156.67; x 2/3 = 104.44; x 0.85 = 88.78
        Assert.Equal(173.3333, chain.TheoreticalHoursPerMonth, 4);
        Assert.Equal(16.6667, chain.PtoHoursPerMonth, 4);
        Assert.Equal(156.6667, chain.AfterPtoHoursPerMonth, 4);
        Assert.Equal(104.4444, chain.CustomerFacingHoursPerMonth, 4);
        Assert.Equal(88.7778, chain.PracticalHoursPerMonth, 4);
    }

    [Fact]
    public void Twenty_four_to_thirty_customer_hours_a_week_are_the_tiers_96_to_120_hours_a_month()
    {
        // Given 40 h/week and 4 PTO weeks (48 working weeks: 160 h/month), customer-facing 60% or 75%, no practical factor
        var low = AvailableHoursChain.From(40, 4, 0.6, 1);
        var high = AvailableHoursChain.From(40, 4, 0.75, 1);

        // Then 160 x 0.6 = 96 and 160 x 0.75 = 120, and these feed the tier example 8-20
        Assert.Equal(160, low.AfterPtoHoursPerMonth);
        Assert.Equal(96, low.PracticalHoursPerMonth);
        Assert.Equal(120, high.PracticalHoursPerMonth);
        var range = BookRange.From(low.PracticalHoursPerMonth, high.PracticalHoursPerMonth, 6, 12);
        Assert.Equal(8, range.Low);
        Assert.Equal(20, range.High);
    }
}
