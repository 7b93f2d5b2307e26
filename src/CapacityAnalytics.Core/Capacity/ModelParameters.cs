using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The numeric parameters of a model as (path, value) in a stable order, paths in the file's key names
/// (e.g. <c>touchpoints.enterprise.recurring.qbr.per_month</c>), and the parameter-by-parameter diff of two versions.
/// </summary>
public static class ModelParameters
{
    public static IReadOnlyList<KeyValuePair<string, double>> Flatten(CapacityModel model)
    {
        var list = new List<KeyValuePair<string, double>>();
        void Add(string path, double? value)
        {
            if (value is { } v) list.Add(new(path, v));
        }

        var a = model.AvailableHours;
        Add("available_hours.weekly_hours", a.WeeklyHours);
        Add("available_hours.customer_facing_share", a.CustomerFacingShare);
        Add("available_hours.practical_capacity", a.PracticalCapacity);
        Add("available_hours.pto_weeks_per_year", a.PtoWeeksPerYear);
        foreach (var s in model.Segments)
        {
            Add($"segments.{s.Name}.min_arr", s.MinArr);
            Add($"segments.{s.Name}.max_arr", s.MaxArr);
            Add($"segments.{s.Name}.qbr_every_months", s.QbrEveryMonths);
        }
        foreach (var (segment, t) in model.Touchpoints)
        {
            foreach (var r in t.Recurring)
            {
                Add($"touchpoints.{segment}.recurring.{r.Type}.per_month", r.PerMonth);
                Add($"touchpoints.{segment}.recurring.{r.Type}.minutes", r.Minutes);
                Add($"touchpoints.{segment}.recurring.{r.Type}.prep_minutes", r.PrepMinutes);
            }
            foreach (var o in t.OneTime)
            {
                Add($"touchpoints.{segment}.one_time.{o.Type}.count", o.Count);
                Add($"touchpoints.{segment}.one_time.{o.Type}.minutes", o.Minutes);
                Add($"touchpoints.{segment}.one_time.{o.Type}.prep_minutes", o.PrepMinutes);
            }
            Add($"touchpoints.{segment}.inbound.per_month", t.Inbound.PerMonth);
            Add($"touchpoints.{segment}.inbound.minutes", t.Inbound.Minutes);
        }
        var d = model.Drivers;
        Add("drivers.complexity_multiplier", d.ComplexityMultiplier);
        Add("drivers.onboarding_uplift", d.OnboardingUplift);
        Add("drivers.expansion_uplift", d.ExpansionUplift);
        Add("drivers.stakeholder_multiplier", d.StakeholderMultiplier);
        Add("drivers.risk_uplift", d.RiskUplift);
        Add("drivers.average_lifetime_months", d.AverageLifetimeMonths);
        Add("book.max_overload_share", model.Book.MaxOverloadShare);
        Add("book.points_threshold", model.Book.PointsThreshold);
        Add("lanes.digital_hours_per_account_month", model.Lanes.DigitalHoursPerAccountMonth);
        Add("forward.churn_rate", model.Forward.ChurnRate);
        Add("forward.new_arr", model.Forward.NewArr);
        Add("forward.expansion_arr", model.Forward.ExpansionArr);
        Add("forward.new_logo_acv", model.Forward.NewLogoAcv);
        foreach (var (segment, hours) in model.Calibration?.BaseHours ?? [])
        {
            Add($"calibration.base_hours.{segment}", hours);
        }
        return list;
    }

    /// <summary>Parameters that changed, were added or were removed, in the old version's order then the new ones.</summary>
    public static IReadOnlyList<ParameterChange> Diff(CapacityModel previous, CapacityModel next)
    {
        var old = Flatten(previous).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var @new = Flatten(next).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var paths = Flatten(previous).Select(p => p.Key).Concat(Flatten(next).Select(p => p.Key)).Distinct(StringComparer.Ordinal);
        var changes = new List<ParameterChange>();
        foreach (var path in paths)
        {
            double? o = old.TryGetValue(path, out var ov) ? ov : null;
            double? n = @new.TryGetValue(path, out var nv) ? nv : null;
            if (o == n) continue;
            changes.Add(new ParameterChange(path, o, n, o is { } a && a != 0 && n is { } b ? ModelYamlWriter.Round((b - a) / a * 100) : null));
        }
        return changes;
    }
}
