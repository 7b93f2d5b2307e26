using CapacityAnalytics.Core.Capacity;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class CapacityPointsTests
{
    [Fact]
    public void A_typical_account_carries_its_segments_steady_hours_in_points()
    {
        // Given enterprise at 8 planned hours, complexity 3, 3 stakeholders, nothing active
        var model = TestModels.Ninety6Hours();
        var plan = SegmentPlan.From(model, "enterprise");

        // Then 8 points
        Assert.Equal(8, CapacityPoints.For(new AccountProfile("a", "enterprise", 100_000), plan, model.Drivers));
    }

    [Fact]
    public void Drivers_multiply_the_points_of_a_complex_onboarding_account()
    {
        // Given complexity 4 (x1.5), onboarding (x1.5), expansion (x1.25), 5 stakeholders (x1.1^2), at risk (x1.2)
        var model = TestModels.Ninety6Hours();
        var plan = SegmentPlan.From(model, "enterprise");
        var account = new AccountProfile("a", "enterprise", 100_000, Complexity: 4, Stakeholders: 5, Onboarding: true, ExpansionActive: true, AtRisk: true);

        // Then 8 x 1.5 x 1.5 x 1.25 x 1.21 x 1.2 = 32.67
        Assert.Equal(8 * 1.5 * 1.5 * 1.25 * 1.21 * 1.2, CapacityPoints.For(account, plan, model.Drivers), 9);
    }

    [Fact]
    public void Stakeholders_are_capped_at_12_and_missing_counts_as_3()
    {
        var model = TestModels.Ninety6Hours();
        var plan = SegmentPlan.From(model, "enterprise");

        Assert.Equal(8 * Math.Pow(1.1, 9), CapacityPoints.For(new AccountProfile("a", "enterprise", 1, Stakeholders: 40), plan, model.Drivers), 9);
        Assert.Equal(8, CapacityPoints.For(new AccountProfile("a", "enterprise", 1, Stakeholders: null), plan, model.Drivers), 12);
    }

    [Fact]
    public void A_book_is_loaded_against_the_points_threshold()
    {
        // Given threshold 0 in the model: practical hours 96; a book of 11 typical accounts and one onboarding account
        var model = TestModels.Ninety6Hours();
        var plan = SegmentPlan.From(model, "enterprise");
        var book = Enumerable.Range(0, 11).Select(i => new AccountProfile($"a{i}", "enterprise", 1))
            .Append(new AccountProfile("new", "enterprise", 1, Onboarding: true))
            .Select(a => CapacityPoints.For(a, plan, model.Drivers));

        // When loaded
        var load = CsmLoad.OfBook(book, CapacityPoints.Threshold(model));

        // Then 11 x 8 + 8 x 1.5 = 100 points > 96: overloaded by 4
        Assert.Equal(100, load.Points, 9);
        Assert.True(load.Overloaded);
        Assert.Equal(-4, load.Headroom, 9);
    }

    [Fact]
    public void A_pooled_csm_carries_an_equal_share_of_the_pool_and_a_digital_account_carries_nothing()
    {
        // Given a pool of 3 CSMs serving 30 accounts of 8 points
        var model = TestModels.Ninety6Hours();
        var load = CsmLoad.OfPoolMember(Enumerable.Repeat(8.0, 30), 3, 96);

        // Then each carries 80 points
        Assert.Equal(80, load.Points);

        // And a digital-lane account has no CSM points
        model.Segments[0].Lane = "digital";
        Assert.Equal(0, CapacityPoints.For(new AccountProfile("d", "enterprise", 1), SegmentPlan.From(model, "enterprise"), model.Drivers));
    }
}
