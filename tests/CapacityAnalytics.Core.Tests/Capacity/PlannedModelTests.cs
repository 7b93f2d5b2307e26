using CapacityAnalytics.Core.Capacity;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class PlannedModelTests
{
    [Fact]
    public void The_shipped_enterprise_catalog_plans_5_5_hours_in_a_steady_month()
    {
        // Given the shipped enterprise touchpoints
        var plan = SegmentPlan.From(TestModels.Shipped(), "enterprise");

        // Then recurring = (4 x 30 + 0.3333 x 120 + 1 x 30 + 8 x 10) / 60 = 269.996 / 60 h; inbound 2 x 30 / 60 = 1 h
        Assert.Equal(269.996 / 60, plan.RecurringHours, 9);
        Assert.Equal(1, plan.InboundHours, 9);
        // one-time onboarding work: kickoff 90 + 30, 4 sessions x (60 + 15) = 420 min = 7 h, over 36 months or 90 days
        Assert.Equal(7, plan.OnboardingOneTimeHours, 9);
        Assert.Equal((269.996 / 60) + 1 + (7.0 / 36), plan.HoursPerAccountMonth, 9);
        Assert.Equal((269.996 / 60) + 1 + (7 / (90 / (365.25 / 12))), plan.OnboardingMonthHours, 9);
    }

    [Fact]
    public void Lifetime_one_time_touchpoints_are_amortized_over_the_average_lifetime()
    {
        // Given smb: check_in 0.5 x 20, email 2 x 10, inbound 0.5 x 15, kickoff 45 + 30 over a 36-month lifetime
        var plan = SegmentPlan.From(TestModels.Shipped(), "smb");

        // Then steady = (10 + 20 + 7.5) / 60 + 75 / 60 / 36
        Assert.Equal((37.5 / 60) + (75.0 / 60 / 36), plan.SteadyStateHours, 12);
        Assert.Equal(plan.SteadyStateHours, plan.HoursPerAccountMonth, 12);
    }

    [Fact]
    public void The_planned_range_runs_from_practical_hours_over_a_heavy_account_to_customer_facing_hours_over_a_planned_one()
    {
        // Given 96 h practical = customer-facing (practical 1), 8 h per account, expansion uplift 0.25
        var model = TestModels.Ninety6Hours();

        // When the planned rows are made for 24 accounts with $1.2M
        var row = PlannedModel.Rows(model, [new SegmentPortfolio("enterprise", 24, 1_200_000)]).Single();

        // Then low = 96 / (8 x 1.25) = 9.6, high = 96 / 8 = 12; ARR 9.6 x 50k = 480k, 12 x 50k = 600k; 8 points
        Assert.Equal(8, row.PlannedHoursPerAccountMonth, 12);
        Assert.Equal(9.6, row.AccountsPerCsmLow!.Value, 12);
        Assert.Equal(12, row.AccountsPerCsmHigh!.Value, 12);
        Assert.Equal(480_000, row.ArrPerCsmLow!.Value, 6);
        Assert.Equal(600_000, row.ArrPerCsmHigh!.Value, 6);
        Assert.Equal(8, row.PointsPerAccount, 12);
        Assert.Equal(96, row.PointsThreshold);
    }

    [Fact]
    public void A_digital_segment_has_no_csm_range_and_no_csm_headcount_only_program_time()
    {
        // Given the enterprise segment moved to the digital lane, 0.05 program hours per account-month
        var model = TestModels.Ninety6Hours();
        model.Segments[0].Lane = "digital";

        // When planned for 960 accounts
        var row = PlannedModel.Rows(model, [new SegmentPortfolio("enterprise", 960, 1)]).Single();
        var plan = HeadcountPlanner.Plan(model, [new SegmentPortfolio("enterprise", 960, 1)]).Single(r => r.Segment == "enterprise");

        // Then no accounts-per-CSM range, 0 CSM FTE, and 960 x 0.05 / 96 = 0.5 FTE of digital program
        Assert.Null(row.AccountsPerCsmLow);
        Assert.Equal(0, plan.HeadcountNow);
        Assert.Equal(0.5, plan.DigitalProgramFteNow, 12);
    }
}
