using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Planned hours per account-month of one segment from the touchpoint catalog. Recurring touchpoints: per_month x
/// (minutes + prep). Inbound: per_month x minutes. One-time touchpoints: count x (minutes + prep), either spread over
/// the onboarding window (amortize: onboarding) or over the average lifetime (amortize: lifetime).
/// </summary>
public sealed record SegmentPlan(
    string Segment,
    Lane Lane,
    double RecurringHours,
    double InboundHours,
    double OnboardingOneTimeHours,
    double LifetimeOneTimeHours,
    double OnboardingWindowMonths,
    double LifetimeMonths)
{
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>An ordinary month: recurring, inbound and lifetime-amortized one-time work. The time equation's base.</summary>
    public double SteadyStateHours => RecurringHours + InboundHours + (LifetimeOneTimeHours / LifetimeMonths);

    /// <summary>A month inside the onboarding window: steady state plus the onboarding touchpoints spread over the window.</summary>
    public double OnboardingMonthHours => SteadyStateHours + (OnboardingOneTimeHours / OnboardingWindowMonths);

    /// <summary>Average over a customer lifetime, all one-time work amortized: what headcount is planned on.</summary>
    public double HoursPerAccountMonth => SteadyStateHours + (OnboardingOneTimeHours / LifetimeMonths);

    /// <summary>Lifetime average without the onboarding touchpoints (onboarding done by a specialist team).</summary>
    public double HoursWithoutOnboarding => SteadyStateHours;

    /// <summary>Named-CSM hours per account-month in this segment's lane.</summary>
    public double CsmHoursPerAccountMonth => Lanes.CsmHours(Lane, HoursPerAccountMonth);

    public static SegmentPlan From(CapacityModel model, string segment)
    {
        var band = model.Segments.FirstOrDefault(s => s.Name == segment)
            ?? throw new ArgumentException($"Segment '{segment}' is not in the model.", nameof(segment));
        var touchpoints = model.Touchpoints.GetValueOrDefault(segment) ?? new SegmentTouchpoints();
        var recurring = touchpoints.Recurring.Sum(t => t.PerMonth * (t.Minutes + t.PrepMinutes)) / 60;
        var inbound = touchpoints.Inbound.PerMonth * touchpoints.Inbound.Minutes / 60;
        var onboarding = touchpoints.OneTime.Where(t => t.Amortize != "lifetime").Sum(OneTimeMinutes) / 60;
        var lifetime = touchpoints.OneTime.Where(t => t.Amortize == "lifetime").Sum(OneTimeMinutes) / 60;
        return new SegmentPlan(
            segment,
            Lanes.Parse(band.Lane),
            recurring,
            inbound,
            onboarding,
            lifetime,
            model.Workload.OnboardingWindowDays / DaysPerMonth,
            model.Drivers.AverageLifetimeMonths);
    }

    public static IReadOnlyList<SegmentPlan> AllFrom(CapacityModel model) =>
        model.Segments.Select(s => From(model, s.Name)).ToList();

    private static double OneTimeMinutes(OneTimeTouchpoint t) => t.Count * (t.Minutes + t.PrepMinutes);
}
