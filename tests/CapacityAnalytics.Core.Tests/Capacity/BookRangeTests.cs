using CapacityAnalytics.Core.Capacity;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class BookRangeTests
{
    [Fact]
    public void The_spec_tier_example_gives_8_to_20_enterprise_accounts()
    {
        // Given 96-120 available hours per month and 6-12 hours per enterprise account
        // When the book range is computed
        var range = BookRange.From(availableLow: 96, availableHigh: 120, hoursPerAccountLow: 6, hoursPerAccountHigh: 12);

        // Then 96 / 12 = 8 and 120 / 6 = 20
        Assert.Equal(8, range.Low);
        Assert.Equal(20, range.High);
    }

    [Fact]
    public void Mid_market_at_2_to_4_hours_gives_24_to_60_accounts()
    {
        // Given the same 96-120 hours and 2-4 hours per mid-market account
        var range = BookRange.From(availableLow: 96, availableHigh: 120, hoursPerAccountLow: 2, hoursPerAccountHigh: 4);

        // Then 96 / 4 = 24 and 120 / 2 = 60
        Assert.Equal(24, range.Low);
        Assert.Equal(60, range.High);
    }

    [Fact]
    public void Arr_per_csm_is_the_book_range_times_the_average_arr()
    {
        // Given 8-20 enterprise accounts at $80k average ARR
        var arr = BookRange.From(96, 120, 6, 12).TimesArr(80_000);

        // Then 8 x 80k = 640k and 20 x 80k = 1.6M
        Assert.Equal(640_000, arr.Low);
        Assert.Equal(1_600_000, arr.High);
    }

    [Fact]
    public void A_low_bound_above_the_high_bound_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BookRange.From(120, 96, 6, 12));
    }
}
