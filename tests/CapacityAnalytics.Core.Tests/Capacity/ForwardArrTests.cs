using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class ForwardArrTests
{
    [Fact]
    public void Five_million_at_15_percent_churn_keeps_4_25_million_and_plans_on_9_million()
    {
        // Given the seed's numbers: $5M ARR, 15% churn, $3.8M new ARR, expansion to reach $9M
        // (9 - 4.25 - 3.8 = 0.95M; the seed rounds it to "~$1M"), new logos at $50k average ACV
        // When the forward ARR is planned
        var plan = ForwardArr.Plan(currentArr: 5_000_000, churnRate: 0.15, newArr: 3_800_000, expansionArr: 950_000, averageAcv: 50_000);

        // Then 5M x 0.85 = 4.25M retained; 4.25 + 3.8 + 0.95 = 9M; 3.8M / 50k = 76 new logos
        Assert.Equal(4_250_000, plan.RetainedArr);
        Assert.Equal(9_000_000, plan.TargetArr);
        Assert.Equal(76, plan.NewLogos);
    }

    [Fact]
    public void Headcount_at_the_calibrated_model_uses_the_fitted_hours_beside_the_planned_figure()
    {
        // Given the same 100 enterprise accounts planned at 8 h per account-month, calibrated at 12 h (96 practical hours)
        var model = TestModels.Ninety6Hours();
        var forward = new ForwardPlan { ChurnRate = 0.15, NewArr = 3_800_000, ExpansionArr = 950_000 };

        // When the plan is made with the calibrated hours
        var rows = HeadcountPlanner.Plan(model, [new SegmentPortfolio("enterprise", 100, 5_000_000)], forward,
            new Dictionary<string, double> { ["enterprise"] = 12 });

        // Then the planned figures stay (100 x 8 / 96) and the calibrated ones are 100 x 12 / 96 = 12.5 FTE now and
        // 161 x 12 / 96 = 20.125 FTE forward; the total row carries them (the empty segments need none)
        var ent = rows.Single(r => r.Segment == "enterprise");
        Assert.Equal(100.0 * 8 / 96, ent.HeadcountNow, 12);
        Assert.Equal(12, ent.HoursPerAccountMonthCalibrated);
        Assert.Equal(12.5, ent.HeadcountNowCalibrated!.Value, 12);
        Assert.Equal(20.125, ent.ForwardHeadcountCalibrated!.Value, 9);
        var total = rows.Single(r => r.Segment == HeadcountPlanner.Total);
        Assert.Equal(12.5, total.HeadcountNowCalibrated!.Value, 12);
        // and without a calibration there are no calibrated figures
        Assert.All(HeadcountPlanner.Plan(model, [new SegmentPortfolio("enterprise", 100, 5_000_000)], forward), r => Assert.Null(r.HeadcountNowCalibrated));
    }

    [Fact]
    public void Headcount_is_planned_on_the_9_million_state_not_the_5_million_state()
    {
        // Given 100 enterprise accounts with $5M ARR, 8 h per account-month and 96 practical hours (12 accounts per CSM)
        var model = TestModels.Ninety6Hours();
        var forward = new ForwardPlan { ChurnRate = 0.15, NewArr = 3_800_000, ExpansionArr = 950_000 };

        // When the headcount plan is made
        var rows = HeadcountPlanner.Plan(model, [new SegmentPortfolio("enterprise", 100, 5_000_000)], forward);

        // Then now: 100 x 8 / 96 = 8.33 FTE (9 CSMs); forward: 85 retained + 3.8M / 50k = 76 new = 161 accounts,
        // $9M, 161 x 8 / 96 = 13.42 FTE (14 CSMs)
        var ent = rows.Single(r => r.Segment == "enterprise");
        Assert.Equal(100.0 * 8 / 96, ent.HeadcountNow, 12);
        Assert.Equal(9, ent.CsmsNeededNow);
        Assert.Equal(161, ent.ForwardAccounts, 9);
        Assert.Equal(9_000_000, ent.ForwardArr);
        Assert.Equal(76, ent.NewLogos, 9);
        Assert.Equal(161.0 * 8 / 96, ent.ForwardHeadcount, 9);
        Assert.Equal(14, ent.CsmsNeededForward);
        Assert.Equal(ent.ForwardHeadcount, rows.Single(r => r.Segment == HeadcountPlanner.Total).ForwardHeadcount, 12);
    }

    [Fact]
    public void New_logos_split_by_arr_share_add_up_to_new_arr_over_the_company_average_acv()
    {
        // Given two segments: 10 accounts with $1M and 100 accounts with $1M (company average ACV 2M / 110)
        var model = TestModels.Ninety6Hours();
        model.Segments =
        [
            new SegmentBand { Name = "enterprise", MinArr = 50_000, Lane = "dedicated" },
            new SegmentBand { Name = "smb", MaxArr = 50_000, Lane = "pooled" },
        ];
        var forward = new ForwardPlan { ChurnRate = 0, NewArr = 220_000 };

        // When planned
        var rows = HeadcountPlanner.Plan(model, [new SegmentPortfolio("enterprise", 10, 1_000_000), new SegmentPortfolio("smb", 100, 1_000_000)], forward);

        // Then each segment gets 110k: 110k / 100k = 1.1 enterprise logos, 110k / 10k = 11 smb logos; 12.1 = 220k / (2M / 110)
        Assert.Equal(1.1, rows.Single(r => r.Segment == "enterprise").NewLogos, 9);
        Assert.Equal(11, rows.Single(r => r.Segment == "smb").NewLogos, 9);
        Assert.Equal(220_000 / (2_000_000 / 110.0), rows.Single(r => r.Segment == "total").NewLogos, 9);
    }
}
