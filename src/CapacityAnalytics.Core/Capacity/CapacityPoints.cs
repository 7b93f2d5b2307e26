using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Weighted capacity points: one point is one planned CSM hour per month. An account's points are its segment's
/// steady-state planned hours times the drivers of the time equation (onboarding enters as the driver uplift, not
/// as the catalog's one-time touchpoints, so it is not counted twice), times (1 + risk uplift) when at risk.
/// Digital-lane accounts carry no CSM points.
/// </summary>
public static class CapacityPoints
{
    public static double For(AccountProfile account, SegmentPlan plan, Drivers drivers)
    {
        if (plan.Lane == Lane.Digital) return 0;
        return plan.SteadyStateHours * Multiplier(account, drivers);
    }

    /// <summary>The product of the driver multipliers for an account (1 for a typical account).</summary>
    public static double Multiplier(AccountProfile account, Drivers drivers) =>
        Math.Pow(drivers.ComplexityMultiplier, TimeEquationTerms.ComplexityTerm(account.Complexity))
        * (account.Onboarding ? 1 + drivers.OnboardingUplift : 1)
        * (account.ExpansionActive ? 1 + drivers.ExpansionUplift : 1)
        * Math.Pow(drivers.StakeholderMultiplier, TimeEquationTerms.StakeholderTerm(account.Stakeholders))
        * (account.AtRisk ? 1 + drivers.RiskUplift : 1);

    /// <summary>The points threshold a book is loaded to: the model's, or practical customer-facing hours when 0.</summary>
    public static double Threshold(CapacityModel model) =>
        model.Book.PointsThreshold > 0
            ? model.Book.PointsThreshold
            : AvailableHoursChain.From(model.AvailableHours).PracticalHoursPerMonth;
}
