using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>
/// One part of <c>capacity plan</c>'s output: a table for the terminal and the same rows for <c>--format json</c>
/// under <see cref="Key"/>. A new part (book rebalancing, say) is one more entry in <see cref="PlanReport.Sections"/>.
/// </summary>
public sealed record PlanSection(string Key, ReportTable Table, object Rows);

/// <summary><c>capacity plan</c> as a leader reads it: book per CSM, headcount now and forward, hiring months, scenarios.</summary>
public static class PlanReport
{
    private static string N(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Month(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "";

    public static IReadOnlyList<PlanSection> Sections(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<PlanSection> sections = [Book(plan), Headcount(plan), Growth(plan), Hiring(plan), Scenarios(plan)];
        if (plan.Planning is { } planning) sections.AddRange([Rebalance(planning), Lanes(planning)]);
        return sections;
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static PlanSection Rebalance(LastPlanning planning) => new("rebalance",
        new ReportTable("book rebalancing (capacity_rebalance_load, from the last calibrate)", ["CSM", "lane", "load now", "in band", "after", "in band", "out", "in"],
            planning.Loads.Select(r => (IReadOnlyList<string>)[r.CsmId, r.Lane, Percent(r.LoadBefore), r.InBandBefore ? "yes" : "no", Percent(r.LoadAfter),
                r.InBandAfter ? "yes" : "no", Int(r.MovesOut), Int(r.MovesIn)]).ToList(),
            RebalanceNote(planning)),
        planning);

    private static string RebalanceNote(LastPlanning planning)
    {
        var solves = string.Join(", ", planning.Loads.Select(r => r.SolveStatus).Distinct().Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"{planning.Loads.Count(r => !r.InBandBefore)} of {planning.Loads.Count} CSMs out of band now, {planning.Loads.Count(r => !r.InBandAfter)} after the "
            + $"{planning.Moves} proposed move(s) of {N(planning.HoursMoved, "0.0")} h/month (capacity_rebalance); solve: {solves}");
    }

    private static PlanSection Lanes(LastPlanning planning) => new("lanes",
        new ReportTable("lanes if every recommendation is followed (capacity_lane_summary)", ["lane", "accounts now", "recommended", "hours change", "FTE change"],
            planning.Lanes.Select(r => (IReadOnlyList<string>)[r.Lane, Int(r.AccountsNow), Int(r.AccountsRecommended), N(r.HoursChange, "+0.0;-0.0;0.0"),
                N(r.FteChange, "+0.00;-0.00;0.00")]).ToList(),
            "per account, lane and reasons in capacity_lane_recommendation"),
        planning.Lanes);

    /// <summary>A line saying where the figures come from: as-of, hours, calibration, growth.</summary>
    public static string Basis(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var hiring = plan.Model.Hiring;
        var growth = hiring.Growth == HiringPolicy.ForwardTargetGrowth
            ? "growth: the forward: section's plan spread over 12 months"
            : string.Create(CultureInfo.InvariantCulture, $"growth: trailing average of {plan.TrailingMonthsHeld} complete month(s) before {plan.AsOf:yyyy-MM}");
        var hours = plan.CalibratedHours is null ? "hours per account-month: planned (no calibration in the warehouse)" : "hours per account-month: calibrated where fitted";
        return string.Create(CultureInfo.InvariantCulture,
            $"Model {plan.Model.Version}, as of {plan.AsOf:yyyy-MM-dd}; {N(plan.Hours.PracticalHoursPerMonth, "0.0")} practical customer-facing hours per CSM-month "
            + $"({N(plan.Hours.WeeklyHours, "0.#")} h/week, {N(plan.Model.AvailableHours.CustomerFacingShare, "0.###")} customer-facing, {N(plan.Model.AvailableHours.PracticalCapacity, "0.##")} practical); "
            + $"{hours}; {growth}; lead time {hiring.LeadTime()} months.");
    }

    private static PlanSection Book(CapacityPlan plan) => new("book",
        new ReportTable("book per CSM (planned model)", ["segment", "lane", "h/account-month", "accounts/CSM low", "high", "ARR/CSM low", "high"],
            plan.Planned.Select(r => (IReadOnlyList<string>)[r.Segment, r.Lane, N(r.PlannedHoursPerAccountMonth), Maybe(r.AccountsPerCsmLow, "0.0"), Maybe(r.AccountsPerCsmHigh, "0.0"),
                Maybe(r.ArrPerCsmLow, "N0"), Maybe(r.ArrPerCsmHigh, "N0")]).ToList()),
        plan.Planned);

    private static PlanSection Headcount(CapacityPlan plan) => new("headcount",
        new ReportTable("headcount now and for the forward ARR (CSM FTE)",
            ["segment", "accounts", "FTE now", "CSMs", "cal", "fwd accounts", "fwd ARR", "FTE fwd", "CSMs", "cal"],
            plan.Headcount.Select(r => (IReadOnlyList<string>)[r.Segment, N(r.Accounts, "0.#"), N(r.HeadcountNow), Int(r.CsmsNeededNow),
                Maybe(r.HeadcountNowCalibrated, "0.00"), N(r.ForwardAccounts, "0.#"), N(r.ForwardArr, "N0"), N(r.ForwardHeadcount), Int(r.CsmsNeededForward),
                Maybe(r.ForwardHeadcountCalibrated, "0.00")]).ToList(),
            "FTE = accounts x planned hours per account-month / practical hours; cal = at the calibrated hours; fwd = the forward: section's ARR state"),
        plan.Headcount);

    private static PlanSection Hiring(CapacityPlan plan) => new("hiring",
        new ReportTable("when to hire (capacity_hiring_plan)",
            ["segment", "CSM FTE", "need h", "capacity h", "runs out", "requisition", "status"],
            plan.Hiring.Plan.Select(r => (IReadOnlyList<string>)[r.Segment, N(r.HeadcountNow), N(r.HoursNeededMonth, "0"),
                N(r.HeadcountNow * r.CapacityHoursMonth, "0"), Month(r.RunsOutMonth), Month(r.RequisitionMonth), r.Status]).ToList(),
            string.Create(CultureInfo.InvariantCulture,
                $"capacity = CSM FTE now x practical hours; runs out: the first month the hours needed exceed it, within {plan.Model.Hiring.HorizonMonths} months; month by month in capacity_hiring_projection")),
        plan.Hiring.Plan);

    private static PlanSection Growth(CapacityPlan plan) => new("growth",
        new ReportTable($"book growth per month ({plan.Model.Hiring.Growth})", ["segment", "new", "churned", "net", "expansion ARR", "h/account-month", "hires by horizon"],
            plan.Hiring.Plan.Select(r => (IReadOnlyList<string>)[r.Segment, N(r.NewAccountsPerMonth), N(r.ChurnedAccountsPerMonth),
                N(r.NewAccountsPerMonth - r.ChurnedAccountsPerMonth, "+0.00;-0.00;0.00"), N(r.ExpansionArrPerMonth, "N0"),
                N(r.HoursPerAccountMonth) + " " + r.HoursBasis, Int(r.HiresWithinHorizon)]).ToList()),
        plan.Growth);

    private static PlanSection Scenarios(CapacityPlan plan) => new("scenarios",
        new ReportTable("scenarios (total CSM FTE against the baseline)", ["scenario", "accounts", "ARR", "FTE", "change", "digital program FTE"],
            plan.Scenarios.Where(r => r.Segment == HeadcountPlanner.Total).Select(r => (IReadOnlyList<string>)[r.Scenario, N(r.Accounts, "0.#"), N(r.Arr, "N0"),
                N(r.Headcount), N(r.HeadcountDelta, "+0.00;-0.00;0.00"), N(r.DigitalProgramFte)]).ToList()),
        plan.Scenarios);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Maybe(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
