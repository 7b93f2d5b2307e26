using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

public sealed class HiringPlannerTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 30);

    /// <summary>96 practical hours per CSM-month, enterprise 8 h per account-month; lead time 2 + 1 = 3 months, horizon 12.</summary>
    private static CapacityModel Model(string growth = HiringPolicy.TrailingGrowth)
    {
        var model = TestModels.Ninety6Hours();
        model.Hiring = new HiringPolicy { RecruitingMonths = 2, RampMonths = 1, HorizonMonths = 12, Growth = growth };
        return model;
    }

    private static HiringPlan Plan(double headcount, SegmentGrowth growth, CapacityModel? model = null, IReadOnlyDictionary<string, double>? calibrated = null) =>
        HiringPlanner.Plan(model ?? Model(), new HiringInputs(
            AsOf,
            [new SegmentPortfolio("enterprise", 30, 3_000_000)],
            [growth],
            new Dictionary<string, double> { ["enterprise"] = headcount },
            calibrated));

    [Fact]
    public void Capacity_runs_out_in_the_first_month_the_hours_needed_exceed_it_and_the_requisition_opens_the_lead_time_before()
    {
        // 30 accounts x 8 h = 240 h needed; 3 CSMs x 96 h = 288 h. Growth: 2 new - 0.5 churned = 1.5 accounts a month
        // = 12 h a month. Month 4: 36 accounts = 288 h, not over; month 5: 37.5 accounts = 300 h > 288.
        // k = floor((288 - 240) / 12) + 1 = 5 -> 2027-03; requisition 5 - 3 = month 2 -> 2026-12.
        var plan = Plan(3, new SegmentGrowth("enterprise", 2, 200_000, 0.5, 50_000, 10_000));

        var row = Assert.Single(plan.Plan);
        Assert.Equal(3, row.HeadcountNow);
        Assert.Equal(96, row.CapacityHoursMonth, 9);
        Assert.Equal(240, row.HoursNeededMonth, 9);
        Assert.Equal(new DateOnly(2027, 3, 1), row.RunsOutMonth);
        Assert.Equal(new DateOnly(2026, 12, 1), row.RequisitionMonth);
        Assert.Equal(3, row.LeadTimeMonths);
        Assert.Equal(5, row.MonthsOfHeadroom);
        Assert.Equal("open requisition by 2026-12", row.Status);
        Assert.Equal(HiringPlanner.HoursPlanned, row.HoursBasis);
        // Month 12: 30 + 12 x 1.5 = 48 accounts x 8 = 384 h = 4 FTE: one CSM more than the 3 there are.
        Assert.Equal(1, row.HiresWithinHorizon);

        // The projection: month 0 .. 12; month 4 at exactly 100%, month 5 over; ARR + (200,000 + 10,000 - 50,000) a month.
        Assert.Equal(13, plan.Projection.Count);
        Assert.Equal(new DateOnly(2026, 10, 1), plan.Projection[0].Month);
        Assert.Equal(1.0, plan.Projection[4].LoadShare!.Value, 9);
        Assert.Equal(300.0 / 288, plan.Projection[5].LoadShare!.Value, 9);
        Assert.Equal(37.5, plan.Projection[5].Accounts, 9);
        Assert.Equal(3_000_000 + (12 * 160_000), plan.Projection[12].Arr, 6);
        Assert.All(plan.Projection, p => Assert.Equal(288, p.CapacityHours, 9));
    }

    [Fact]
    public void A_segment_already_over_capacity_opens_a_requisition_now()
    {
        // 2 CSMs x 96 = 192 h < 240 h needed: runs out in month 0, requisition month 0.
        var row = Assert.Single(Plan(2, new SegmentGrowth("enterprise", 1, 0, 0, 0, 0)).Plan);

        Assert.Equal(new DateOnly(2026, 10, 1), row.RunsOutMonth);
        Assert.Equal(new DateOnly(2026, 10, 1), row.RequisitionMonth);
        Assert.Equal(0, row.MonthsOfHeadroom);
        Assert.Equal(HiringPlanner.OpenNow, row.Status);
    }

    [Fact]
    public void A_runout_nearer_than_the_lead_time_also_means_now_and_one_beyond_the_horizon_means_no_hire()
    {
        // Headroom 48 h at 24 h a month (3 accounts x 8 h): k = floor(48 / 24) + 1 = 3 <= lead time 3 -> now.
        var soon = Assert.Single(Plan(3, new SegmentGrowth("enterprise", 3, 0, 0, 0, 0)).Plan);
        Assert.Equal(new DateOnly(2027, 1, 1), soon.RunsOutMonth);
        Assert.Equal(HiringPlanner.OpenNow, soon.Status);

        // Headroom 48 h at 0.8 h a month (0.1 account): k = 61 > horizon 12 -> nothing within the horizon.
        var far = Assert.Single(Plan(3, new SegmentGrowth("enterprise", 0.1, 0, 0, 0, 0)).Plan);
        Assert.Null(far.RunsOutMonth);
        Assert.Null(far.RequisitionMonth);
        Assert.Null(far.MonthsOfHeadroom);
        Assert.Equal(HiringPlanner.NoHire, far.Status);
        Assert.Equal(0, far.HiresWithinHorizon);

        // A shrinking book never runs out; its projected accounts stop at 0.
        var shrinking = Plan(3, new SegmentGrowth("enterprise", 0, 0, 5, 0, 0));
        Assert.Equal(HiringPlanner.NoHire, Assert.Single(shrinking.Plan).Status);
        Assert.Equal(0, shrinking.Projection[12].Accounts);
    }

    [Fact]
    public void Calibrated_hours_replace_the_planned_ones_where_there_is_a_fit()
    {
        // 30 accounts x 9.6 h = 288 h = 3 CSMs x 96 exactly: not over; + 1 account a month = +9.6 h -> month 1 is over.
        var row = Assert.Single(Plan(3, new SegmentGrowth("enterprise", 1, 0, 0, 0, 0), calibrated: new Dictionary<string, double> { ["enterprise"] = 9.6 }).Plan);

        Assert.Equal(HiringPlanner.HoursCalibrated, row.HoursBasis);
        Assert.Equal(288, row.HoursNeededMonth, 9);
        Assert.Equal(1, row.MonthsOfHeadroom);
    }

    [Theory]
    [InlineData(240, 288, 12, 12, 5)]      // floor(48 / 12) + 1
    [InlineData(288, 288, 1, 12, 1)]       // exactly full is not over; the next month is
    [InlineData(288.0000000001, 288, 1, 12, 1)] // a hair over (floating-point noise) is not over either
    [InlineData(289, 288, 0, 12, 0)]       // already over
    [InlineData(100, 288, 0, 12, null)]    // no growth
    [InlineData(100, 288, 10, 12, null)]   // k = floor(18.8) + 1 = 19 > 12
    public void Runs_out_in_is_the_first_month_strictly_over(double hoursNow, double capacity, double added, int horizon, int? expected) =>
        Assert.Equal(expected, HiringPlanner.RunsOutIn(hoursNow, capacity, added, horizon));

    [Fact]
    public void Forward_target_growth_spreads_the_forward_plan_over_twelve_months()
    {
        // $3M today in 30 accounts; churn 15%, new ARR $1.2M at ACV $100K = 12 logos, expansion $0.6M.
        // Per month: 1 new logo, 30 x 0.15 / 12 = 0.375 churned, expansion 50,000, new ARR 100,000, churned ARR 37,500.
        var model = Model(HiringPolicy.ForwardTargetGrowth);
        model.Forward = new ForwardPlan { ChurnRate = 0.15, NewArr = 1_200_000, ExpansionArr = 600_000, NewLogoAcv = 100_000 };
        var plan = Plan(3, SegmentGrowth.None("enterprise"), model);

        var row = Assert.Single(plan.Plan);
        Assert.Equal(1, row.NewAccountsPerMonth, 9);
        Assert.Equal(0.375, row.ChurnedAccountsPerMonth, 9);
        Assert.Equal(50_000, row.ExpansionArrPerMonth, 6);
        Assert.Equal(HiringPolicy.ForwardTargetGrowth, row.GrowthBasis);
        // Month 12 is the forward ARR state: 30 x 0.85 + 12 = 37.5 accounts; 3.0M x 0.85 + 1.2M + 0.6M = 4.35M.
        Assert.Equal(37.5, plan.Projection[12].Accounts, 9);
        Assert.Equal(4_350_000, plan.Projection[12].Arr, 6);
        // 0.625 accounts x 8 h = 5 h a month: k = floor(48 / 5) + 1 = 10.
        Assert.Equal(10, row.MonthsOfHeadroom);
    }

    [Fact]
    public void A_digital_segment_needs_no_CSM_hours_and_no_hire()
    {
        var model = Model();
        model.Segments[0].Lane = "digital";
        var row = Assert.Single(Plan(0, new SegmentGrowth("enterprise", 10, 0, 0, 0, 0), model).Plan);

        Assert.Equal(0, row.HoursNeededMonth);
        Assert.Null(row.RunsOutMonth);
        Assert.Equal(HiringPlanner.DigitalLane, row.Status);
    }
}
