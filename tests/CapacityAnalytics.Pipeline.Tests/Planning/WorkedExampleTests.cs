using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Planning;

/// <summary>
/// The worked examples of docs/capacity-model.md through the engine of <c>capacity plan</c>
/// (<see cref="CapacityPlan"/>), on the model files in pipelines/examples/.
/// </summary>
public sealed class WorkedExampleTests
{
    internal static CapacityModel Example(string name) => CapacityModelLoader.LoadFile(TestFiles.RepoFile($"pipelines/examples/{name}"));

    internal static CsmBook Csm(string id, string role, double fte, string segment, double accounts) =>
        new(id, role, fte, new Dictionary<string, double> { [segment] = accounts });

    /// <summary>
    /// $5M today: enterprise 20 x $150K = $3.0M, mid-market 40 x $40K = $1.6M, smb 80 x $5K = $0.4M (140 customers).
    /// One enterprise CSM, one mid-market CSM, a pooled CSM at 0.6 FTE.
    /// </summary>
    internal static CapacityPlan TiersAndForwardArr() => CapacityPlan.From(
        Example("tiers-and-forward-arr.yaml"),
        new DateOnly(2026, 1, 15),
        [new("enterprise", 20, 3_000_000), new("mid_market", 40, 1_600_000), new("smb", 80, 400_000)],
        calibratedHours: null,
        trailingGrowth: [],
        trailingMonthsHeld: 0,
        [Csm("E1", "dedicated", 1, "enterprise", 20), Csm("M1", "dedicated", 1, "mid_market", 40), Csm("P1", "pooled", 0.6, "smb", 80)]);

    [Fact]
    public void The_tier_table_gives_8_to_20_enterprise_24_to_60_mid_market_accounts_per_CSM_from_96_to_120_hours()
    {
        var plan = TiersAndForwardArr();

        // 40 h x 48 weeks / 12 = 160 h; x 0.75 = 120 customer-facing; x 0.8 = 96 practical.
        Assert.Equal(160, plan.Hours.AfterPtoHoursPerMonth, 9);
        Assert.Equal(120, plan.Hours.CustomerFacingHoursPerMonth, 9);
        Assert.Equal(96, plan.Hours.PracticalHoursPerMonth, 9);
        var book = plan.Planned.ToDictionary(r => r.Segment);
        // 4 x 90 min = 6 h (heavy 12 h): 96 / 12 = 8 .. 120 / 6 = 20.
        Assert.Equal(6, book["enterprise"].PlannedHoursPerAccountMonth, 9);
        Assert.Equal(8, book["enterprise"].AccountsPerCsmLow!.Value, 9);
        Assert.Equal(20, book["enterprise"].AccountsPerCsmHigh!.Value, 9);
        // 2 x 60 min = 2 h (heavy 4 h): 96 / 4 = 24 .. 120 / 2 = 60.
        Assert.Equal(24, book["mid_market"].AccountsPerCsmLow!.Value, 9);
        Assert.Equal(60, book["mid_market"].AccountsPerCsmHigh!.Value, 9);
        // 1 x 30 min = 0.5 h (heavy 1 h): 96 / 1 = 96 .. 120 / 0.5 = 240.
        Assert.Equal(96, book["smb"].AccountsPerCsmLow!.Value, 9);
        Assert.Equal(240, book["smb"].AccountsPerCsmHigh!.Value, 9);
    }

    [Fact]
    public void The_forward_plan_takes_5M_to_4_25M_retained_and_plans_headcount_on_9M()
    {
        var plan = TiersAndForwardArr();
        var total = plan.Headcount.Single(r => r.Segment == HeadcountPlanner.Total);
        var forward = plan.Model.Forward;

        // $5M x 0.85 = $4.25M retained; + $3.8M new + $0.95M expansion = $9M; $3.8M / $100K = 38 new logos.
        Assert.Equal(5_000_000, total.Arr, 6);
        Assert.Equal(4_250_000, total.ForwardArr - forward.NewArr - forward.ExpansionArr, 6);
        Assert.Equal(9_000_000, total.ForwardArr, 6);
        Assert.Equal(38, total.NewLogos, 9);
        // New logos by segment in proportion to customers: 3.8M x 20 / (100K x 140) = 5.428571 enterprise.
        var enterprise = plan.Headcount.Single(r => r.Segment == "enterprise");
        Assert.Equal(3_800_000.0 * 20 / (100_000 * 140), enterprise.NewLogos, 9);
        // Enterprise carries 60% of the ARR: 3.0M x 0.85 + 4.75M x 0.6 = 5.4M.
        Assert.Equal(5_400_000, enterprise.ForwardArr, 6);

        // Headcount now: 20 x 6 / 96 = 1.25, 40 x 2 / 96 = 0.8333, 80 x 0.5 / 96 = 0.4167; 2.5 FTE, 3 CSMs.
        Assert.Equal(2.5, total.HeadcountNow, 9);
        Assert.Equal(3, total.CsmsNeededNow);
        // Forward customers 140 x 0.85 + 38 = 157; enterprise 22.43 x 6 + mid 44.86 x 2 + smb 89.71 x 0.5 = 269.14 h
        // -> 2.8036 FTE, 3 CSMs.
        Assert.Equal(157, total.ForwardAccounts, 9);
        Assert.Equal(((17 + (3.8 * 20 / 14)) * 6 + (34 + (3.8 * 40 / 14)) * 2 + (68 + (3.8 * 80 / 14)) * 0.5) / 96, total.ForwardHeadcount, 9);
        Assert.Equal(3, total.CsmsNeededForward);

        // The hiring projection (growth: forward_target) reaches the $9M state in month 12.
        var month12 = new DateOnly(2027, 1, 1);
        Assert.Equal(9_000_000, plan.Hiring.Projection.Where(p => p.Month == month12).Sum(p => p.Arr), 6);
        Assert.Equal(157, plan.Hiring.Projection.Where(p => p.Month == month12).Sum(p => p.Accounts), 9);
    }

    [Fact]
    public void The_forward_plan_says_when_each_segment_needs_a_requisition()
    {
        var rows = TiersAndForwardArr().Hiring.Plan.ToDictionary(r => r.Segment);

        // Enterprise: 120 h needed against one CSM's 96: over already.
        Assert.Equal(HiringPlanner.OpenNow, rows["enterprise"].Status);
        Assert.Equal(new DateOnly(2026, 1, 1), rows["enterprise"].RunsOutMonth);
        // Mid-market: 80 h of 96. Per month 10.857/12 = 0.9048 new - 40 x 0.15/12 = 0.5 churned = 0.4048 accounts
        // = 0.8095 h; k = floor(16 / 0.8095) + 1 = 20 -> 2027-09; lead time 4 -> requisition 2027-05.
        Assert.Equal(20, rows["mid_market"].MonthsOfHeadroom);
        Assert.Equal(new DateOnly(2027, 9, 1), rows["mid_market"].RunsOutMonth);
        Assert.Equal(new DateOnly(2027, 5, 1), rows["mid_market"].RequisitionMonth);
        Assert.Equal("open requisition by 2027-05", rows["mid_market"].Status);
        // SMB: 40 h of 0.6 x 96 = 57.6; + 0.4048 h a month: k = floor(17.6 / 0.4048) + 1 = 44 > 24 months.
        Assert.Equal(HiringPlanner.NoHire, rows["smb"].Status);
        Assert.Null(rows["smb"].RunsOutMonth);
    }

    [Fact]
    public void A_quarter_of_40_hour_weeks_at_75_percent_productive_less_15_percent_admin_is_331_5_hours_and_fits_20_7_accounts_of_16_hours()
    {
        var plan = CapacityPlan.From(Example("quarterly-hours.yaml"), new DateOnly(2026, 3, 31),
            [new("enterprise", 21, 2_100_000)], null, [], 0, [Csm("C1", "dedicated", 1, "enterprise", 21)]);

        // 40 h x 52 / 12 = 173.33 h a month = 520 h a quarter; x 0.75 = 390; x 0.85 = 331.5 a quarter, 110.5 a month.
        Assert.Equal(520, plan.Hours.TheoreticalHoursPerMonth * 3, 9);
        Assert.Equal(390, plan.Hours.CustomerFacingHoursPerMonth * 3, 9);
        Assert.Equal(331.5, plan.Hours.PracticalHoursPerMonth * 3, 9);
        // 320 min a month = 16 h a quarter; 110.5 / (16 / 3) = 20.72 accounts per CSM.
        var baseline = plan.Scenarios.Single(r => r.Scenario == ScenarioRunner.Baseline && r.Segment == "enterprise");
        Assert.Equal(16, plan.Planned.Single().PlannedHoursPerAccountMonth * 3, 9);
        Assert.Equal(331.5 / 16, baseline.AccountsPerCsm!.Value, 9);
        Assert.Equal(20.7, Math.Round(baseline.AccountsPerCsm!.Value, 1));
        // 21 accounts are one more than fits: 21 x 16 / 331.5 = 1.0136 FTE, so the one CSM is over already.
        Assert.Equal(21 * 16 / 331.5, plan.Headcount.Single(r => r.Segment == "enterprise").HeadcountNow, 9);
        Assert.Equal(HiringPlanner.OpenNow, plan.Hiring.Plan.Single().Status);
    }

    [Fact]
    public void Observed_130_client_hours_a_month_over_20_accounts_calibrate_to_6_5_hours_per_account_month()
    {
        // Ten accounts at 5 h and ten at 8 h in one month: 50 + 80 = 130 h over 20 accounts = 6.5 h each. The time
        // equation's only free term here is the segment's base hours, whose fit is the mean of the months.
        var model = Example("quarterly-hours.yaml");
        var month = new DateOnly(2026, 9, 1);
        var observed = Enumerable.Range(0, 20)
            .Select(i => new AccountMonthObservation($"A{i:00}", "C1", month, "enterprise", i < 10 ? 5 : 8, 3, false, false, 3, 100_000))
            .ToList();
        var calibration = Calibrator.Calibrate(model, observed, []);
        var fitted = calibration.Quality.ToDictionary(q => q.Segment, q => q.MeanPredicted);

        var plan = CapacityPlan.From(model, new DateOnly(2026, 9, 30), [new("enterprise", 20, 2_000_000)], fitted, [], 0,
            [Csm("C1", "dedicated", 1, "enterprise", 20)]);

        var hiring = plan.Hiring.Plan.Single();
        Assert.Equal(HiringPlanner.HoursCalibrated, hiring.HoursBasis);
        Assert.Equal(6.5, hiring.HoursPerAccountMonth, 6);
        Assert.Equal(130, hiring.HoursNeededMonth, 4);
        // Against one CSM's 110.5 practical hours: 130 / 110.5 = 1.18 FTE at the calibrated model, over already,
        // while the planned 5.33 h would need 20 x 5.33 / 110.5 = 0.97.
        var headcount = plan.Headcount.Single(r => r.Segment == "enterprise");
        Assert.Equal(130 / 110.5, headcount.HeadcountNowCalibrated!.Value, 4);
        Assert.Equal(20 * (320 / 60.0) / 110.5, headcount.HeadcountNow, 9);
        Assert.Equal(HiringPlanner.OpenNow, hiring.Status);
    }
}
