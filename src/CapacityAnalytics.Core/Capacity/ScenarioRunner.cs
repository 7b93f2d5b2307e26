using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Scenarios from the model file, each against the baseline of today's portfolio. Levers (they combine):
/// deal_size_change d: the same ARR in accounts / (1 + d), hours per account unchanged (work follows accounts, not
/// dollars); onboarding_to_specialists: CSM hours lose the onboarding one-time touchpoints; to_digital: the segments'
/// CSM hours go to 0 and their accounts cost the digital program's hours instead; arr_growth g: accounts and ARR
/// x (1 + g) at today's mix. Headcount = accounts x CSM hours / practical customer-facing hours per month.
/// </summary>
public static class ScenarioRunner
{
    public const string Baseline = "baseline";

    public static IReadOnlyList<CapacityScenarioRow> Run(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio)
    {
        ArgumentNullException.ThrowIfNull(model);
        var baseline = Rows(model, portfolio, new Scenario { Name = Baseline }, null);
        var rows = new List<CapacityScenarioRow>(baseline);
        foreach (var scenario in model.Scenarios) rows.AddRange(Rows(model, portfolio, scenario, baseline));
        return rows;
    }

    private static List<CapacityScenarioRow> Rows(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio, Scenario scenario, List<CapacityScenarioRow>? baseline)
    {
        var available = AvailableHoursChain.From(model.AvailableHours).PracticalHoursPerMonth;
        var growth = 1 + (scenario.ArrGrowth ?? 0);
        var dealSize = 1 + (scenario.DealSizeChange ?? 0);
        var rows = new List<CapacityScenarioRow>();
        foreach (var plan in SegmentPlan.AllFrom(model))
        {
            var now = portfolio.FirstOrDefault(p => p.Segment == plan.Segment) ?? new SegmentPortfolio(plan.Segment, 0, 0);
            var lane = scenario.ToDigital.Contains(plan.Segment) ? Lane.Digital : plan.Lane;
            var hours = Lanes.CsmHours(lane, scenario.OnboardingToSpecialists ? plan.HoursWithoutOnboarding : plan.HoursPerAccountMonth);
            var accounts = now.Accounts * growth / dealSize;
            var arr = now.Arr * growth;
            var digital = lane == Lane.Digital ? HeadcountPlanner.Fte(accounts, model.Lanes.DigitalHoursPerAccountMonth, available) : 0;
            rows.Add(Row(scenario.Name, plan.Segment, Lanes.Name(lane), accounts, arr, HeadcountPlanner.Fte(accounts, hours, available), hours > 0 ? available / hours : null, digital, baseline));
        }
        var totalAccounts = rows.Sum(r => r.Accounts);
        var totalHeadcount = rows.Sum(r => r.Headcount);
        var csmAccounts = rows.Where(r => r.Headcount > 0).Sum(r => r.Accounts);
        rows.Add(Row(
            scenario.Name,
            HeadcountPlanner.Total,
            "",
            totalAccounts,
            rows.Sum(r => r.Arr),
            totalHeadcount,
            totalHeadcount > 0 ? csmAccounts / totalHeadcount : null,
            rows.Sum(r => r.DigitalProgramFte),
            baseline,
            csmArr: rows.Where(r => r.Headcount > 0).Sum(r => r.Arr)));
        return rows;
    }

    private static CapacityScenarioRow Row(
        string scenario, string segment, string lane, double accounts, double arr, double headcount, double? accountsPerCsm,
        double digitalFte, List<CapacityScenarioRow>? baseline, double? csmArr = null)
    {
        var before = baseline?.Single(b => b.Segment == segment).Headcount ?? headcount;
        double? arrPerCsm = accountsPerCsm is null ? null
            : csmArr is { } total ? (headcount > 0 ? total / headcount : null)
            : accounts > 0 ? accountsPerCsm * arr / accounts : 0;
        return new CapacityScenarioRow(scenario, segment, lane, accounts, arr, headcount, accountsPerCsm, arrPerCsm, headcount - before, digitalFte);
    }
}
