namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The time equation's parameters read off the GLM coefficients: base hours per segment = exp(b_segment);
/// complexity and stakeholder multipliers = exp(b); onboarding and expansion uplifts = exp(b) - 1.
/// </summary>
public sealed class TimeEquationParameters
{
    public const string BasePrefix = "base_hours.";
    public const string ComplexityMultiplierName = "complexity_multiplier";
    public const string OnboardingUpliftName = "onboarding_uplift";
    public const string ExpansionUpliftName = "expansion_uplift";
    public const string StakeholderMultiplierName = "stakeholder_multiplier";

    public TimeEquationParameters(IReadOnlyList<string> segments, IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count != segments.Count + TimeEquationDesign.CovariateCount)
        {
            throw new ArgumentException("One coefficient per segment plus four covariates expected.", nameof(coefficients));
        }
        Segments = segments;
        Coefficients = coefficients;
    }

    public IReadOnlyList<string> Segments { get; }
    public IReadOnlyList<double> Coefficients { get; }

    public double ComplexityMultiplier => Math.Exp(Coefficients[Segments.Count]);
    public double OnboardingUplift => Math.Exp(Coefficients[Segments.Count + 1]) - 1;
    public double ExpansionUplift => Math.Exp(Coefficients[Segments.Count + 2]) - 1;
    public double StakeholderMultiplier => Math.Exp(Coefficients[Segments.Count + 3]);

    public double BaseHours(string segment)
    {
        var i = IndexOf(segment);
        return Math.Exp(Coefficients[i]);
    }

    /// <summary>Parameter names in a fixed order: base hours by segment, then the four drivers.</summary>
    public IReadOnlyList<string> Names =>
        Segments.Select(s => BasePrefix + s)
            .Concat([ComplexityMultiplierName, OnboardingUpliftName, ExpansionUpliftName, StakeholderMultiplierName])
            .ToList();

    /// <summary>Parameter values in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<double> Values =>
        Segments.Select(BaseHours)
            .Concat([ComplexityMultiplier, OnboardingUplift, ExpansionUplift, StakeholderMultiplier])
            .ToList();

    /// <summary>Expected hours of an account-month.</summary>
    public double Predict(AccountMonthObservation o) =>
        BaseHours(o.Segment)
        * Math.Pow(ComplexityMultiplier, TimeEquationTerms.ComplexityTerm(o.Complexity))
        * (o.Onboarding ? 1 + OnboardingUplift : 1)
        * (o.ExpansionActive ? 1 + ExpansionUplift : 1)
        * Math.Pow(StakeholderMultiplier, TimeEquationTerms.StakeholderTerm(o.Stakeholders));

    private int IndexOf(string segment)
    {
        for (var i = 0; i < Segments.Count; i++)
        {
            if (Segments[i] == segment) return i;
        }
        throw new ArgumentException($"Segment '{segment}' was not in the fit.", nameof(segment));
    }
}
