using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Planning;

/// <summary>What the hiring trigger reads from the marts: the trailing growth and today's CSM books.</summary>
public sealed class PlanInputsTests
{
    private static readonly DateOnly AsOf = new(2026, 7, 15);

    /// <summary>
    /// As of 2026-07-15 the trailing window of 3 complete months is April to June 2026.
    ///   a1 enterprise since 2025, ARR 80K rising to 100K on 2026-05-01: +20K expansion in May;
    ///   a2 mid-market, starts 2026-05-10 at 20K: a new logo;
    ///   a3 smb, starts 2026-04-02 at 5K, churns 2026-06-20: a new logo and a churned one;
    ///   a4 enterprise, churned 2026-03-15: before the window;
    ///   a5 mid-market, starts 2026-07-05: in the as-of month, after the window.
    /// One activity on 2024-01-10 starts the data.
    /// </summary>
    private static TestWarehouse Company()
    {
        var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", role = "dedicated", fte = 1.0, start_date = new DateOnly(2020, 1, 1) });
        w.Add("csms", new { csm_id = "c2", role = "pooled", fte = 0.5, start_date = new DateOnly(2020, 1, 1) });
        w.Add("csms", new { csm_id = "c3", role = "dedicated", fte = 1.0, start_date = new DateOnly(2020, 1, 1), end_date = new DateOnly(2026, 6, 30) });
        w.Add("csms", new { csm_id = "c4", role = "digital", fte = 1.0, start_date = new DateOnly(2020, 1, 1) });
        w.Add("csms", new { csm_id = "c5", role = "dedicated", fte = 1.0, start_date = new DateOnly(2026, 8, 1) });
        w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 100_000.0, contract_start = new DateOnly(2025, 1, 1) });
        w.Add("account_history", new { account_id = "a1", valid_from = new DateOnly(2025, 1, 1), csm_id = "c1", arr = 80_000.0 });
        w.Add("account_history", new { account_id = "a1", valid_from = new DateOnly(2026, 5, 1), csm_id = "c1", arr = 100_000.0 });
        w.Add("accounts", new { account_id = "a2", csm_id = "c1", arr = 20_000.0, contract_start = new DateOnly(2026, 5, 10) });
        w.Add("accounts", new { account_id = "a3", csm_id = "c2", arr = 5_000.0, contract_start = new DateOnly(2026, 4, 2), churned_on = new DateOnly(2026, 6, 20) });
        w.Add("accounts", new { account_id = "a4", csm_id = "c3", arr = 60_000.0, contract_start = new DateOnly(2024, 1, 1), churned_on = new DateOnly(2026, 3, 15) });
        w.Add("accounts", new { account_id = "a5", csm_id = "c1", arr = 30_000.0, contract_start = new DateOnly(2026, 7, 5) });
        // The activity data start in January 2024: the marts hold months from then on.
        w.Add("activities", new { activity_id = "y1", account_id = "a4", csm_id = "c3", type = "check_in", occurred_at = new DateTime(2024, 1, 10, 10, 0, 0), duration_minutes = 30.0 });
        w.Build(AsOf);
        return w;
    }

    [Fact]
    public void Trailing_growth_averages_new_logos_churn_and_expansion_over_the_complete_months_before_the_as_of_month()
    {
        using var w = Company();

        var (growth, months) = CalibrationInputs.TrailingGrowth(w.Connection, 3);

        Assert.Equal(3, months);
        var bySegment = growth.ToDictionary(g => g.Segment);
        // enterprise: +20K in May / 3 months; a4's churn is before the window.
        Assert.Equal(new SegmentGrowth("enterprise", 0, 0, 0, 0, 20_000.0 / 3), bySegment["enterprise"]);
        // mid_market: a2 (20K) / 3; a5 starts in the as-of month and is not counted.
        Assert.Equal(new SegmentGrowth("mid_market", 1.0 / 3, 20_000.0 / 3, 0, 0, 0), bySegment["mid_market"]);
        // smb: a3 came and went: 1 / 3 new and churned, 5K / 3 of ARR each way.
        Assert.Equal(new SegmentGrowth("smb", 1.0 / 3, 5_000.0 / 3, 1.0 / 3, 5_000.0 / 3, 0), bySegment["smb"]);
    }

    [Fact]
    public void The_window_is_cut_to_the_months_the_marts_hold()
    {
        using var w = Company();

        // 36 months asked for; fct_account_month starts 2024-01 (a4), so 2023-07 .. 2023-12 are not there:
        // 2024-01 .. 2026-06 = 30 months. a4's churn on 2026-03-15 now falls inside.
        var (growth, months) = CalibrationInputs.TrailingGrowth(w.Connection, 36);

        Assert.Equal(30, months);
        var enterprise = growth.Single(g => g.Segment == "enterprise");
        Assert.Equal(1.0 / 30, enterprise.ChurnedAccountsPerMonth, 12);
        Assert.Equal(60_000.0 / 30, enterprise.ChurnedArrPerMonth, 9);
    }

    [Fact]
    public void Books_are_today_s_customers_of_the_roster_s_active_CSMs()
    {
        using var w = Company();

        var books = CalibrationInputs.CsmBooks(w.Connection).ToDictionary(b => b.CsmId);

        // c3 left before the as-of day, c5 starts after it.
        Assert.Equal(["c1", "c2", "c4"], books.Keys.Order());
        // c1: a1 (enterprise), a2 and a5 (mid-market); c2's only account churned; c4 has none.
        Assert.Equal(1, books["c1"].AccountsBySegment["enterprise"]);
        Assert.Equal(2, books["c1"].AccountsBySegment["mid_market"]);
        Assert.Equal(("pooled", 0.5), (books["c2"].Role, books["c2"].Fte));
        Assert.Empty(books["c2"].AccountsBySegment);
        Assert.Equal("digital", books["c4"].Role);
    }

    [Fact]
    public void The_calibrate_stage_s_hiring_tables_hold_a_row_per_segment_and_one_per_segment_and_month()
    {
        using var w = Company();
        var plan = CapacityPlan.FromWarehouse(w.Connection, w.Model, CalibrationInputs.CalibratedHours(w.Connection));

        CalibrationTables.WriteHiring(w.Connection, plan.Hiring);

        // The shipped model: 3 segments, horizon 24 months -> 3 x 25 projection rows from 2026-07.
        Assert.Equal(3, w.Number("select count(*) from capacity_hiring_plan"));
        Assert.Equal(75, w.Number("select count(*) from capacity_hiring_projection"));
        Assert.Equal(new DateOnly(2026, 7, 1), w.Scalar("select min(month) from capacity_hiring_projection"));
        // No calibration in this warehouse: planned hours. The shipped model averages 6 trailing months
        // (2026-01 .. 2026-06): mid-market's one new logo is a sixth of a logo a month.
        Assert.Equal("planned", w.Scalar("select distinct hours_basis from capacity_hiring_plan"));
        Assert.Equal(1.0 / 6, w.Number("select new_accounts_per_month from capacity_hiring_plan where segment = 'mid_market'"), 12);
        // c2 (pooled, empty book) counts for smb, the only pooled segment: 0.5 FTE; c1's full FTE splits over
        // enterprise and mid-market by their hours (1 x enterprise hours vs 2 x mid-market hours).
        Assert.Equal(0.5, w.Number("select headcount_now from capacity_hiring_plan where segment = 'smb'"), 12);
        Assert.Equal(1, w.Number("select sum(headcount_now) from capacity_hiring_plan where segment <> 'smb'"), 12);
    }
}
