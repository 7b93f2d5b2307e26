namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The covariates of the time equation (docs/time-equation.md) shared by the planned points and the fitted GLM:
/// product_complexity - 3, and stakeholders capped at 12, missing taken as 3, minus 3.
/// </summary>
public static class TimeEquationTerms
{
    public const int TypicalComplexity = 3;
    public const int TypicalStakeholders = 3;
    public const int StakeholderCap = 12;

    public static double ComplexityTerm(int complexity) => complexity - TypicalComplexity;

    public static double StakeholderTerm(int? stakeholders) =>
        Math.Min(stakeholders ?? TypicalStakeholders, StakeholderCap) - TypicalStakeholders;
}
