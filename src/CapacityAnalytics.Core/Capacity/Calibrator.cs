using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Calibrates the capacity model against observed account-months (docs/capacity-model.md): fits the time equation, bootstraps its
/// ranges, measures the fit, compares touchpoints, and recommends book sizes with the variance buffer.
/// </summary>
public static class Calibrator
{
    public static CalibrationResult Calibrate(
        CapacityModel model,
        IReadOnlyList<AccountMonthObservation> observations,
        IReadOnlyList<TouchpointObservation> touchpoints,
        CalibrationOptions? options = null) =>
        Complete(model, Fit(model, observations, options), observations, touchpoints, options);

    /// <summary>
    /// The time equation's point estimate alone: what planning needs, available before the bootstrap, whose ranges
    /// take most of a calibration's time (<see cref="Complete"/>).
    /// </summary>
    public static PointFit Fit(CapacityModel model, IReadOnlyList<AccountMonthObservation> observations, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0) throw new ArgumentException("No account-months to calibrate on.", nameof(observations));
        options ??= CalibrationOptions.Default;
        var design = TimeEquationDesign.Build(observations, model.Segments.Select(s => s.Name));
        var fit = TweedieGlm.Fit(design, options.Glm);
        return new PointFit(design, fit, new TimeEquationParameters(design.Segments, fit.Coefficients));
    }

    /// <summary>The calibration around a point estimate of <see cref="Fit"/> on the same observations.</summary>
    public static CalibrationResult Complete(
        CapacityModel model,
        PointFit point,
        IReadOnlyList<AccountMonthObservation> observations,
        IReadOnlyList<TouchpointObservation> touchpoints,
        CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(observations);
        options ??= CalibrationOptions.Default;
        var (design, fit, parameters) = point;
        var bootstrap = TimeEquationBootstrap.Run(design, fit, options.Glm, options.Bootstrap);
        return new CalibrationResult(
            parameters,
            fit,
            bootstrap,
            FitQuality.BySegment(observations, parameters, options.Glm.TweediePower),
            FitQuality.WorstAccounts(observations, parameters, options.Glm.TweediePower, options.WorstAccounts),
            TouchpointComparison.Compare(model, touchpoints),
            CalibratedRows(model, bootstrap),
            Recommend(model, observations, bootstrap, options),
            design.AccountIds.Count,
            observations.Count,
            observations.Min(o => o.Month),
            observations.Max(o => o.Month));
    }

    private static List<CapacityCalibratedRow> CalibratedRows(CapacityModel model, BootstrapResult bootstrap) =>
        bootstrap.Ranges.Select(r => new CapacityCalibratedRow(r.Name, r.Estimate, r.Low, r.High, PlannedValue(model, r.Name))).ToList();

    private static double PlannedValue(CapacityModel model, string parameter) => parameter switch
    {
        TimeEquationParameters.ComplexityMultiplierName => model.Drivers.ComplexityMultiplier,
        TimeEquationParameters.OnboardingUpliftName => model.Drivers.OnboardingUplift,
        TimeEquationParameters.ExpansionUpliftName => model.Drivers.ExpansionUplift,
        TimeEquationParameters.StakeholderMultiplierName => model.Drivers.StakeholderMultiplier,
        _ => SegmentPlan.From(model, parameter[TimeEquationParameters.BasePrefix.Length..]).SteadyStateHours,
    };

    private static List<CapacityRecommendationRow> Recommend(
        CapacityModel model, IReadOnlyList<AccountMonthObservation> observations, BootstrapResult bootstrap, CalibrationOptions options)
    {
        var capacity = AvailableHoursChain.From(model.AvailableHours).PracticalHoursPerMonth;
        var maxShare = model.Book.MaxOverloadShare;
        var rows = new List<CapacityRecommendationRow>();
        foreach (var band in model.Segments)
        {
            var obs = observations.Where(o => o.Segment == band.Name).ToList();
            if (obs.Count == 0 || obs.All(o => o.Hours == 0)) continue;
            var hours = obs.Select(o => o.Hours).ToList();
            var baseRange = bootstrap[TimeEquationParameters.BasePrefix + band.Name];
            var mid = BookSizeRecommender.Recommend(hours, capacity, maxShare, options.BookSeed, options.SimulatedMonths);
            var low = BookSizeRecommender.Recommend(hours, capacity, maxShare, options.BookSeed, options.SimulatedMonths, baseRange.High / baseRange.Estimate);
            var high = BookSizeRecommender.Recommend(hours, capacity, maxShare, options.BookSeed, options.SimulatedMonths, baseRange.Low / baseRange.Estimate);
            var averageArr = obs.Average(o => o.Arr);
            rows.Add(new CapacityRecommendationRow(
                band.Name,
                band.Lane,
                low.Accounts,
                mid.Accounts,
                high.Accounts,
                low.Accounts * averageArr,
                mid.Accounts * averageArr,
                high.Accounts * averageArr,
                mid.OverloadShare,
                maxShare,
                capacity));
        }
        return rows;
    }
}

/// <summary>The time equation fitted to the observations: its design, the GLM fit and the parameters it gives.</summary>
public sealed record PointFit(TimeEquationDesign Design, GlmFit Fit, TimeEquationParameters Parameters);
