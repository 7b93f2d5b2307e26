using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>One account's recommended lane with the reasons, and the hours it takes in its lane now and in the recommended one.</summary>
public sealed record LaneRecommendation(
    string AccountId,
    string? CsmId,
    string Segment,
    double Arr,
    int Complexity,
    double ExpectedHours,
    double? ObservedHours,
    double? TicketsPerMonth,
    string CurrentLane,
    string RecommendedLane,
    bool ChangesLane,
    string Reasons,
    double HoursNow,
    double HoursRecommended,
    double HoursChange);

/// <summary>
/// A lane's accounts and hours per month now and if every recommendation were followed; FTE change = hours change /
/// the customer-facing hours per month of one CSM at the model's weekly hours (for the digital lane: of the digital
/// program team).
/// </summary>
public sealed record LaneSummary(
    string Lane,
    int AccountsNow,
    int AccountsRecommended,
    int AccountsIn,
    int AccountsOut,
    double HoursNow,
    double HoursRecommended,
    double HoursChange,
    double FteChange);

/// <summary>
/// The lane (dedicated, pooled, digital) each account's value, complexity and observed behaviour support, with the
/// model file's <c>lanes</c> rules (docs/capacity-model.md, "Lane recommendation"): dedicated when any dedicated
/// threshold is met; else digital when every digital condition holds; else pooled. The hours an account counts for are
/// the larger of its expected hours (calibrated time equation) and its observed mean, so an account that costs more
/// than the equation says is judged by what it costs. In the dedicated and pooled lanes an account takes its expected
/// hours; in the digital lane lanes.digital_hours_per_account_month of the digital program team.
/// </summary>
public static class LaneRecommender
{
    private static readonly string[] KnownLanes = ["dedicated", "pooled", "digital"];

    public static IReadOnlyList<LaneRecommendation> Recommend(CapacityModel model, TimeEquationParameters parameters, IReadOnlyList<PlanningAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(accounts);
        var rules = model.Lanes;
        var rows = new List<LaneRecommendation>();
        foreach (var a in accounts.OrderBy(a => a.AccountId, StringComparer.Ordinal))
        {
            var expected = BookPlanner.ExpectedHours(parameters, a);
            var hours = Math.Max(expected, a.ObservedHoursPerMonth ?? 0);
            var (lane, reasons) = Decide(rules, a, hours);
            var now = Hours(rules, a.CurrentLane, expected);
            var recommended = Hours(rules, lane, expected);
            rows.Add(new LaneRecommendation(a.AccountId, a.OwnerId, a.Segment, a.Arr, a.Complexity, expected, a.ObservedHoursPerMonth, a.TicketsPerMonth,
                a.CurrentLane, lane, lane != a.CurrentLane, reasons, now, recommended, recommended - now));
        }
        return rows;
    }

    /// <summary>Per lane (dedicated, pooled, digital, then any other lane seen), accounts and hours now and recommended.</summary>
    public static IReadOnlyList<LaneSummary> Summarize(CapacityModel model, IReadOnlyList<LaneRecommendation> recommendations)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(recommendations);
        var capacity = BookPlanner.CapacityHours(model, model.AvailableHours.WeeklyHours);
        var lanes = KnownLanes
            .Concat(recommendations.SelectMany(r => new[] { r.CurrentLane, r.RecommendedLane }).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        return lanes.Select(lane =>
        {
            var now = recommendations.Where(r => r.CurrentLane == lane).ToList();
            var next = recommendations.Where(r => r.RecommendedLane == lane).ToList();
            var hoursNow = now.Sum(r => r.HoursNow);
            var hoursNext = next.Sum(r => r.HoursRecommended);
            return new LaneSummary(lane, now.Count, next.Count, next.Count(r => r.ChangesLane), now.Count(r => r.ChangesLane),
                hoursNow, hoursNext, hoursNext - hoursNow, capacity > 0 ? (hoursNext - hoursNow) / capacity : 0);
        }).ToList();
    }

    private static double Hours(LanePolicy rules, string lane, double expected) => lane == "digital" ? rules.DigitalHoursPerAccountMonth : expected;

    private static (string Lane, string Reasons) Decide(LanePolicy rules, PlanningAccount a, double hours)
    {
        var d = rules.Dedicated;
        var dedicated = new List<string>();
        if (d.MinArr is { } minArr && a.Arr >= minArr) dedicated.Add($"ARR {N(a.Arr, "N0")} >= {N(minArr, "N0")}");
        if (d.MinComplexity is { } minComplexity && a.Complexity >= minComplexity) dedicated.Add($"complexity {a.Complexity} >= {minComplexity}");
        if (d.MinHoursPerMonth is { } minHours && hours >= minHours) dedicated.Add($"{N(hours)} h/month >= {N(minHours)}");
        if (dedicated.Count > 0) return ("dedicated", string.Join("; ", dedicated));

        var g = rules.Digital;
        var held = new List<string>();
        var failed = new List<string>();
        void Check(bool ok, string pass, string fail) => (ok ? held : failed).Add(ok ? pass : fail);
        if (g.MaxArr is { } maxArr) Check(a.Arr < maxArr, $"ARR {N(a.Arr, "N0")} < {N(maxArr, "N0")}", $"ARR {N(a.Arr, "N0")} >= {N(maxArr, "N0")}");
        if (g.MaxComplexity is { } maxComplexity) Check(a.Complexity <= maxComplexity, $"complexity {a.Complexity} <= {maxComplexity}", $"complexity {a.Complexity} > {maxComplexity}");
        if (g.MaxHoursPerMonth is { } maxHours) Check(hours <= maxHours, $"{N(hours)} h/month <= {N(maxHours)}", $"{N(hours)} h/month > {N(maxHours)}");
        if (g.MaxTicketsPerMonth is { } maxTickets)
        {
            if (a.TicketsPerMonth is { } tickets) Check(tickets <= maxTickets, $"{N(tickets)} tickets/month <= {N(maxTickets)}", $"{N(tickets)} tickets/month > {N(maxTickets)}");
            else failed.Add("no observed months");
        }
        if (g.HealthyOnly)
        {
            var unhealthy = new[] { (a.AtRisk, "at risk"), (a.GoneDark, "gone dark"), (a.Onboarding, "onboarding") }.Where(p => p.Item1).Select(p => p.Item2).ToList();
            Check(unhealthy.Count == 0, "healthy", string.Join(", ", unhealthy));
        }
        return failed.Count == 0
            ? ("digital", string.Join("; ", held))
            : ("pooled", "below the dedicated thresholds; not digital: " + string.Join("; ", failed));
    }

    private static string N(double value, string format = "0.0#") => value.ToString(format, CultureInfo.InvariantCulture);
}
