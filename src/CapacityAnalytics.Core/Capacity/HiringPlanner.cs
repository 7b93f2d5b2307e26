using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// A segment's book growth per month: new logos and their ARR, churned logos and their ARR, expansion ARR of the
/// accounts that stay. From the data (the trailing months) or from the forward: section's 12-month plan.
/// </summary>
public sealed record SegmentGrowth(
    string Segment,
    double NewAccountsPerMonth,
    double NewArrPerMonth,
    double ChurnedAccountsPerMonth,
    double ChurnedArrPerMonth,
    double ExpansionArrPerMonth)
{
    public static SegmentGrowth None(string segment) => new(segment, 0, 0, 0, 0, 0);

    /// <summary>Accounts added per month net of churn.</summary>
    public double NetAccountsPerMonth => NewAccountsPerMonth - ChurnedAccountsPerMonth;

    /// <summary>ARR added per month: new logos and expansion, less churned ARR.</summary>
    public double NetArrPerMonth => NewArrPerMonth + ExpansionArrPerMonth - ChurnedArrPerMonth;
}

/// <summary>What the hiring trigger reads besides the model file.</summary>
/// <param name="AsOf">The run's as-of day; its month is month 0 of the projection.</param>
/// <param name="Portfolio">Today's customers by segment.</param>
/// <param name="TrailingGrowth">Growth per month measured on the data (used when hiring.growth is trailing).</param>
/// <param name="HeadcountNow">CSM FTE serving each segment today (<see cref="Staffing"/>).</param>
/// <param name="CalibratedHours">CSM hours per account-month at the calibrated model by segment; a segment without one
/// is planned on the model file's hours.</param>
public sealed record HiringInputs(
    DateOnly AsOf,
    IReadOnlyList<SegmentPortfolio> Portfolio,
    IReadOnlyList<SegmentGrowth> TrailingGrowth,
    IReadOnlyDictionary<string, double> HeadcountNow,
    IReadOnlyDictionary<string, double>? CalibratedHours = null);

/// <summary>The hiring plan: one row per segment and its month-by-month projection.</summary>
public sealed record HiringPlan(IReadOnlyList<CapacityHiringPlanRow> Plan, IReadOnlyList<CapacityHiringProjectionRow> Projection);

/// <summary>
/// The hiring trigger (docs/capacity-model.md). Per segment: hours needed in month k = accounts_k x CSM hours per
/// account-month, accounts_k = accounts now + k x (new - churned per month); capacity = CSM FTE now x practical
/// customer-facing hours per CSM-month. Capacity runs out in month k* = 0 when the hours needed already exceed it,
/// otherwise k* = floor((capacity - hours now) / hours added per month) + 1 (the first month strictly over), when
/// k* is within the horizon; the requisition opens lead_time months before (never before month 0).
/// </summary>
public static class HiringPlanner
{
    public const string HoursCalibrated = "calibrated";
    public const string HoursPlanned = "planned";
    public const string OpenNow = "open requisition now";
    public const string NoHire = "no hire within horizon";
    public const string DigitalLane = "digital lane: no CSM hours";

    public static HiringPlan Plan(CapacityModel model, HiringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var policy = model.Hiring;
        var practical = AvailableHoursChain.From(model.AvailableHours).PracticalHoursPerMonth;
        var month0 = new DateOnly(inputs.AsOf.Year, inputs.AsOf.Month, 1);
        var lead = policy.LeadTime();
        var forward = policy.Growth == HiringPolicy.ForwardTargetGrowth ? ForwardGrowth(model, inputs.Portfolio) : null;
        var rows = new List<CapacityHiringPlanRow>();
        var projection = new List<CapacityHiringProjectionRow>();
        foreach (var plan in SegmentPlan.AllFrom(model))
        {
            var now = inputs.Portfolio.FirstOrDefault(p => p.Segment == plan.Segment) ?? new SegmentPortfolio(plan.Segment, 0, 0);
            var growth = (forward ?? inputs.TrailingGrowth).FirstOrDefault(g => g.Segment == plan.Segment) ?? SegmentGrowth.None(plan.Segment);
            var calibrated = Calibrated(plan, inputs.CalibratedHours);
            var hours = calibrated ?? plan.CsmHoursPerAccountMonth;
            var headcount = inputs.HeadcountNow.GetValueOrDefault(plan.Segment);
            var capacity = headcount * practical;
            var needed = now.Accounts * hours;
            var added = growth.NetAccountsPerMonth * hours;
            var k = plan.Lane == Lane.Digital ? null : RunsOutIn(needed, capacity, added, policy.HorizonMonths);
            var requisition = k is { } out1 ? Math.Max(out1 - lead, 0) : (int?)null;
            var horizonHours = HoursAt(now.Accounts, growth, hours, policy.HorizonMonths);
            rows.Add(new CapacityHiringPlanRow(
                plan.Segment,
                Lanes.Name(plan.Lane),
                headcount,
                practical,
                needed,
                growth.NewAccountsPerMonth,
                growth.ExpansionArrPerMonth,
                k is { } m ? month0.AddMonths(m) : null,
                requisition is { } r ? month0.AddMonths(r) : null,
                lead,
                k,
                Status(plan.Lane, k, requisition, month0))
            {
                Accounts = now.Accounts,
                HoursPerAccountMonth = hours,
                HoursBasis = calibrated is null ? HoursPlanned : HoursCalibrated,
                ChurnedAccountsPerMonth = growth.ChurnedAccountsPerMonth,
                GrowthBasis = policy.Growth,
                HiresWithinHorizon = Math.Max(0, HeadcountPlanner.CsmsNeeded((horizonHours / practical) - headcount)),
            });
            for (var month = 0; month <= policy.HorizonMonths; month++)
            {
                var accounts = AccountsAt(now.Accounts, growth, month);
                var hoursNeeded = accounts * hours;
                projection.Add(new CapacityHiringProjectionRow(
                    plan.Segment,
                    Lanes.Name(plan.Lane),
                    month0.AddMonths(month),
                    accounts,
                    Math.Max(0, now.Arr + (month * growth.NetArrPerMonth)),
                    hoursNeeded,
                    capacity,
                    capacity > 0 ? hoursNeeded / capacity : null));
            }
        }
        return new HiringPlan(rows, projection);
    }

    /// <summary>CSM hours per account-month the plan uses by segment: calibrated where there is a fit, else planned; 0 in the digital lane.</summary>
    public static IReadOnlyDictionary<string, double> HoursPerAccountMonth(CapacityModel model, IReadOnlyDictionary<string, double>? calibratedHours) =>
        SegmentPlan.AllFrom(model).ToDictionary(p => p.Segment, p => Calibrated(p, calibratedHours) ?? p.CsmHoursPerAccountMonth, StringComparer.Ordinal);

    private static double? Calibrated(SegmentPlan plan, IReadOnlyDictionary<string, double>? hours) =>
        plan.Lane != Lane.Digital && hours is not null && hours.TryGetValue(plan.Segment, out var h) ? h : null;

    /// <summary>
    /// Months from now until the hours needed first exceed capacity: 0 when they already do; null when they never do
    /// within the horizon. The ratio is rounded to 6 decimals before the floor so that the workbook's formula (the
    /// same closed form) gives the same month.
    /// </summary>
    public static int? RunsOutIn(double hoursNow, double capacity, double hoursAddedPerMonth, int horizonMonths)
    {
        if (Math.Round(hoursNow - capacity, 9) > 0) return 0;
        if (hoursAddedPerMonth <= 0) return null;
        var k = (int)Math.Floor(Math.Round((capacity - hoursNow) / hoursAddedPerMonth, 6)) + 1;
        return k <= horizonMonths ? k : null;
    }

    private static double AccountsAt(double accountsNow, SegmentGrowth growth, int month) =>
        Math.Max(0, accountsNow + (month * growth.NetAccountsPerMonth));

    private static double HoursAt(double accountsNow, SegmentGrowth growth, double hours, int month) =>
        AccountsAt(accountsNow, growth, month) * hours;

    private static string Status(Lane lane, int? runsOut, int? requisition, DateOnly month0) =>
        lane == Lane.Digital ? DigitalLane
        : runsOut is null ? NoHire
        : requisition == 0 ? OpenNow
        : "open requisition by " + month0.AddMonths(requisition!.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The forward: section's 12-month plan as growth per month (hiring.growth: forward_target): the segment's new
    /// logos and new ARR of <see cref="HeadcountPlanner"/>, churn_rate of today's accounts and ARR, its share of the
    /// expansion ARR, each divided by 12.
    /// </summary>
    public static IReadOnlyList<SegmentGrowth> ForwardGrowth(CapacityModel model, IReadOnlyList<SegmentPortfolio> portfolio)
    {
        var totalArr = portfolio.Sum(p => p.Arr);
        return [.. HeadcountPlanner.Plan(model, portfolio)
            .Where(r => r.Segment != HeadcountPlanner.Total)
            .Select(r =>
            {
                var share = totalArr > 0 ? r.Arr / totalArr : 0;
                return new SegmentGrowth(
                    r.Segment,
                    r.NewLogos / 12,
                    model.Forward.NewArr * share / 12,
                    r.Accounts * model.Forward.ChurnRate / 12,
                    r.Arr * model.Forward.ChurnRate / 12,
                    model.Forward.ExpansionArr * share / 12);
            })];
    }
}

/// <summary>
/// One row of <c>capacity_hiring_plan</c>: a segment's staffed CSM FTE against the hours its book needs now, and when
/// the growth uses up the capacity. Months are first days of months; null when not within the horizon.
/// </summary>
public sealed record CapacityHiringPlanRow(
    string Segment,
    string Lane,
    double HeadcountNow,
    double CapacityHoursMonth,
    double HoursNeededMonth,
    double NewAccountsPerMonth,
    double ExpansionArrPerMonth,
    DateOnly? RunsOutMonth,
    DateOnly? RequisitionMonth,
    int LeadTimeMonths,
    int? MonthsOfHeadroom,
    string Status)
{
    public double Accounts { get; init; }
    public double HoursPerAccountMonth { get; init; }
    /// <summary>calibrated (the fitted mean of the segment's account-months) or planned (the model file's catalog).</summary>
    public string HoursBasis { get; init; } = HiringPlanner.HoursPlanned;
    public double ChurnedAccountsPerMonth { get; init; }
    /// <summary>trailing or forward_target (hiring.growth).</summary>
    public string GrowthBasis { get; init; } = HiringPolicy.TrailingGrowth;
    /// <summary>CSMs to add by the horizon's last month so that the hours needed then fit (0 when they fit today's staff).</summary>
    public int HiresWithinHorizon { get; init; }
}

/// <summary>One row of <c>capacity_hiring_projection</c>: a segment in one month of the horizon, today's staff kept.</summary>
public sealed record CapacityHiringProjectionRow(
    string Segment,
    string Lane,
    DateOnly Month,
    double Accounts,
    double Arr,
    double HoursNeeded,
    double CapacityHours,
    double? LoadShare);
