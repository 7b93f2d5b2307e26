using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Writes the calibrated model as a new version: the drivers replaced by the fitted ones, base hours recorded under
/// <c>calibration</c>, recurring touchpoints and inbound volume replaced by the observed frequency and minutes where
/// there is enough data (<see cref="CalibrationOptions"/>; the prep minutes are kept and taken off the observed minutes
/// per touch, which include prep). One-time touchpoints are kept: observed totals cannot tell them apart from the
/// lifetime. The model is rebuilt from its own text, so <see cref="CalibratedModel.Model"/> is exactly what was written.
/// </summary>
public static class CalibratedModelBuilder
{
    public static CalibratedModel Build(
        CapacityModel previous,
        CalibrationResult result,
        IReadOnlyList<TouchpointObservation> touchpoints,
        DateOnly effectiveDate,
        string? version = null,
        CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(result);
        options ??= CalibrationOptions.Default;
        var before = Reload(ModelYamlWriter.Write(previous));
        var next = Reload(ModelYamlWriter.Write(previous));
        next.Version = version ?? ModelVersion.Next(previous.Version);
        next.EffectiveDate = effectiveDate;
        next.Description = $"Calibrated from {previous.Version} on {result.AccountMonths} account-months of {result.Accounts} accounts, {result.FirstMonth:yyyy-MM} to {result.LastMonth:yyyy-MM}.";
        var p = result.Parameters;
        next.Drivers.ComplexityMultiplier = p.ComplexityMultiplier;
        next.Drivers.OnboardingUplift = p.OnboardingUplift;
        next.Drivers.ExpansionUplift = p.ExpansionUplift;
        next.Drivers.StakeholderMultiplier = p.StakeholderMultiplier;
        next.Calibration = new CalibrationInfo
        {
            PreviousVersion = previous.Version,
            Accounts = result.Accounts,
            AccountMonths = result.AccountMonths,
            FirstMonth = result.FirstMonth,
            LastMonth = result.LastMonth,
            TweediePower = options.Glm.TweediePower,
            BootstrapReps = result.Bootstrap.Reps,
            BaseHours = next.Segments.Where(s => p.Segments.Contains(s.Name)).ToDictionary(s => s.Name, s => p.BaseHours(s.Name)),
        };
        foreach (var o in touchpoints.Where(o => o.AccountMonths >= options.MinimumAccountMonths && o.Touches >= options.MinimumTouches))
        {
            if (!next.Touchpoints.TryGetValue(o.Segment, out var catalog)) continue;
            if (o.Type == TouchpointObservation.Inbound)
            {
                catalog.Inbound.PerMonth = o.PerAccountMonth;
                catalog.Inbound.Minutes = o.MinutesPerTouch;
                continue;
            }
            foreach (var r in catalog.Recurring.Where(r => r.Type == o.Type))
            {
                r.PerMonth = o.PerAccountMonth;
                r.Minutes = Math.Max(0, o.MinutesPerTouch - r.PrepMinutes);
            }
        }
        var yaml = ModelYamlWriter.Write(next, Header(next));
        var written = Reload(yaml);
        return new CalibratedModel(written, yaml, ModelParameters.Diff(before, written));
    }

    private static string Header(CapacityModel model) =>
        $"CapacityAnalytics capacity model {model.Version}, written by capacity calibrate (docs/capacity-model.md).\nDrivers and touchpoints are fitted to observed workload; edit and re-run to compare.";

    private static CapacityModel Reload(string yaml)
    {
        using var reader = new StringReader(yaml);
        return CapacityModelLoader.Load(reader, "calibrated model");
    }
}
