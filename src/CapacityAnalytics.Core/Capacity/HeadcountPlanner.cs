using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Headcount now and for the forward ARR state (<c>capacity_headcount_plan</c>). Headcount FTE = accounts x CSM hours
/// per account-month / practical customer-facing hours per month. Forward: each segment keeps (1 - churn) of its
/// accounts and ARR and gets new and expansion ARR in proportion to its ARR; its new logos come in at the segment's
/// average ARR (scaled so that all new logos together come in at forward.new_logo_acv when that is set). Expansion
/// ARR adds ARR, not accounts.
/// </summary>
public static class HeadcountPlanner
{
    public const string Total = "total";

    public static IReadOnlyList<CapacityHeadcountPlanRow> Plan(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio) =>
        Plan(model, portfolio, model.Forward);

    /// <param name="calibratedHours">CSM hours per account-month per segment at the calibrated model; a segment
    /// without one (no observed months, or the digital lane) gets no calibrated figures.</param>
    public static IReadOnlyList<CapacityHeadcountPlanRow> Plan(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio, ForwardPlan forward,
        IReadOnlyDictionary<string, double>? calibratedHours = null)
    {
        var available = AvailableHoursChain.From(model.AvailableHours).PracticalHoursPerMonth;
        var totalArr = portfolio.Sum(p => p.Arr);
        var totalAccounts = portfolio.Sum(p => p.Accounts);
        var acvScale = forward.NewLogoAcv is { } acv && totalAccounts > 0 && totalArr > 0 ? acv / (totalArr / totalAccounts) : 1;
        var rows = new List<CapacityHeadcountPlanRow>();
        foreach (var plan in SegmentPlan.AllFrom(model))
        {
            var now = portfolio.FirstOrDefault(p => p.Segment == plan.Segment) ?? new SegmentPortfolio(plan.Segment, 0, 0);
            var share = totalArr > 0 ? now.Arr / totalArr : 0;
            var forwardArr = ForwardArr.Plan(now.Arr, forward.ChurnRate, forward.NewArr * share, forward.ExpansionArr * share, Math.Max(now.AverageArr * acvScale, double.Epsilon));
            var forwardAccounts = (now.Accounts * (1 - forward.ChurnRate)) + forwardArr.NewLogos;
            var hours = plan.CsmHoursPerAccountMonth;
            var digital = plan.Lane == Lane.Digital ? model.Lanes.DigitalHoursPerAccountMonth : 0;
            var calibrated = Calibrated(plan, calibratedHours);
            rows.Add(new CapacityHeadcountPlanRow(
                plan.Segment,
                Lanes.Name(plan.Lane),
                now.Accounts,
                now.Arr,
                hours,
                Fte(now.Accounts, hours, available),
                CsmsNeeded(Fte(now.Accounts, hours, available)),
                forwardAccounts,
                forwardArr.TargetArr,
                forwardArr.NewLogos,
                Fte(forwardAccounts, hours, available),
                CsmsNeeded(Fte(forwardAccounts, hours, available)),
                Fte(now.Accounts, digital, available),
                Fte(forwardAccounts, digital, available))
            {
                HoursPerAccountMonthCalibrated = calibrated,
                HeadcountNowCalibrated = calibrated is { } c ? Fte(now.Accounts, c, available) : null,
                ForwardHeadcountCalibrated = calibrated is { } f ? Fte(forwardAccounts, f, available) : null,
            });
        }
        rows.Add(TotalOf(rows));
        return rows;
    }

    private static double? Calibrated(SegmentPlan plan, IReadOnlyDictionary<string, double>? hours) =>
        plan.Lane != Lane.Digital && hours is not null && hours.TryGetValue(plan.Segment, out var h) ? h : null;

    /// <summary>Full-time CSMs needed for accounts taking the given hours per account-month each.</summary>
    public static double Fte(double accounts, double hoursPerAccountMonth, double availableHoursPerMonth) =>
        accounts * hoursPerAccountMonth / availableHoursPerMonth;

    /// <summary>Whole CSMs for an FTE figure; a hair over a whole number (floating-point noise) does not add one.</summary>
    public static int CsmsNeeded(double fte) => (int)Math.Ceiling(Math.Round(fte, 9));

    private static CapacityHeadcountPlanRow TotalOf(List<CapacityHeadcountPlanRow> rows)
    {
        var accounts = rows.Sum(r => r.Accounts);
        var forwardAccounts = rows.Sum(r => r.ForwardAccounts);
        var now = rows.Sum(r => r.HeadcountNow);
        var forward = rows.Sum(r => r.ForwardHeadcount);
        return new CapacityHeadcountPlanRow(
            Total,
            "",
            accounts,
            rows.Sum(r => r.Arr),
            accounts > 0 ? rows.Sum(r => r.Accounts * r.HoursPerAccountMonth) / accounts : 0,
            now,
            CsmsNeeded(now),
            forwardAccounts,
            rows.Sum(r => r.ForwardArr),
            rows.Sum(r => r.NewLogos),
            forward,
            CsmsNeeded(forward),
            rows.Sum(r => r.DigitalProgramFteNow),
            rows.Sum(r => r.DigitalProgramFteForward))
        {
            // A total at the calibrated model only when every CSM-served segment with accounts has one.
            HeadcountNowCalibrated = Complete(rows) ? rows.Sum(r => r.HeadcountNowCalibrated ?? 0) : null,
            ForwardHeadcountCalibrated = Complete(rows) ? rows.Sum(r => r.ForwardHeadcountCalibrated ?? 0) : null,
            HoursPerAccountMonthCalibrated = Complete(rows) && accounts > 0 ? rows.Sum(r => r.Accounts * (r.HoursPerAccountMonthCalibrated ?? 0)) / accounts : null,
        };
    }

    private static bool Complete(List<CapacityHeadcountPlanRow> rows) =>
        rows.Any(r => r.HeadcountNowCalibrated is not null)
        && rows.All(r => r.HeadcountNowCalibrated is not null || r.Accounts == 0 || r.HeadcountNow == 0);
}
