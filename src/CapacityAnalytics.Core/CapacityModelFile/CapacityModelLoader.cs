using CapacityAnalytics.Core.Contract;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CapacityAnalytics.Core.CapacityModelFile;

/// <summary>Reads and validates a capacity model file. Takes a <see cref="TextReader"/>; the caller owns the file.</summary>
public static class CapacityModelLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyYamlConverter())
        .Build();

    private static readonly string[] Classes = ["proactive", "reactive", "internal"];
    private static readonly string[] Lanes = ["dedicated", "pooled", "digital"];

    public static CapacityModel Load(TextReader reader, string sourceName)
    {
        CapacityModel model;
        try
        {
            model = Deserializer.Deserialize<CapacityModel>(reader)
                ?? throw new ModelFileException($"{sourceName}: the model file is empty; start from pipelines/capacity-model.yaml.");
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            throw new ModelFileException(
                $"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {reason} Fix the key or value (see pipelines/capacity-model.yaml).", ex);
        }
        Validate(model, sourceName);
        return model;
    }

    public static CapacityModel LoadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    private static void Validate(CapacityModel m, string src)
    {
        void Fail(string key, string what) => throw new ModelFileException($"{src}: key '{key}' {what}.");

        if (string.IsNullOrWhiteSpace(m.Version)) Fail("version", "is required (e.g. 2026.4.0)");
        if (m.EffectiveDate == default) Fail("effective_date", "is required (YYYY-MM-DD)");
        var a = m.AvailableHours;
        if (a.WeeklyHours is <= 0 or > 80) Fail("available_hours.weekly_hours", "must be in (0, 80]");
        if (a.CustomerFacingShare is <= 0 or > 1) Fail("available_hours.customer_facing_share", "must be in (0, 1]");
        if (a.PracticalCapacity is <= 0 or > 1) Fail("available_hours.practical_capacity", "must be in (0, 1]");
        if (a.PtoWeeksPerYear is < 0 or > 20) Fail("available_hours.pto_weeks_per_year", "must be in [0, 20]");

        if (m.Segments.Count == 0) Fail("segments", "needs at least one ARR band");
        foreach (var (s, i) in m.Segments.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s.Name)) Fail($"segments[{i}].name", "is required");
            if (!Lanes.Contains(s.Lane)) Fail($"segments[{i}].lane", $"must be one of {string.Join("/", Lanes)}, not '{s.Lane}'");
        }
        var ordered = m.Segments.OrderBy(s => s.MinArr ?? double.NegativeInfinity).ToList();
        if (ordered[0].MinArr is { } lowest && lowest > 0) Fail($"segments.{ordered[0].Name}.min_arr", "leaves ARR below it uncovered: omit it on the lowest band");
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].MaxArr != ordered[i].MinArr)
            {
                Fail($"segments.{ordered[i].Name}.min_arr", $"must equal the max_arr of '{ordered[i - 1].Name}' so the bands meet without gap or overlap");
            }
        }
        if (ordered[^1].MaxArr is not null) Fail($"segments.{ordered[^1].Name}.max_arr", "must be omitted on the highest band");

        foreach (var type in InputContract.ActivityTypes)
        {
            if (!m.ActivityTypes.ContainsKey(type)) Fail($"activity_types.{type}", "is missing: every canonical activity type needs a class");
        }
        foreach (var (type, spec) in m.ActivityTypes)
        {
            foreach (var (key, cls) in new[] { ("class", spec.Class), ("inbound_class", spec.InboundClass), ("outbound_class", spec.OutboundClass) })
            {
                if (cls is not null && !Classes.Contains(cls)) Fail($"activity_types.{type}.{key}", $"must be one of {string.Join("/", Classes)}, not '{cls}'");
            }
            foreach (var (seg, minutes) in spec.Minutes)
            {
                if (seg != "default" && m.Segments.All(s => s.Name != seg)) Fail($"activity_types.{type}.minutes.{seg}", "names no segment");
                if (minutes < 0) Fail($"activity_types.{type}.minutes.{seg}", "must not be negative");
            }
        }
        foreach (var (from, to) in m.TypeMap)
        {
            if (!m.ActivityTypes.ContainsKey(to)) Fail($"type_map.{from}", $"maps to '{to}', which is not in activity_types");
        }
        foreach (var seg in m.Touchpoints.Keys)
        {
            if (m.Segments.All(s => s.Name != seg)) Fail($"touchpoints.{seg}", "names no segment");
        }
        if (m.Drivers.ExpansionUplift is < 0 or > 2) Fail("drivers.expansion_uplift", "must be in [0, 2]");
        if (m.Drivers.OnboardingUplift is < 0 or > 5) Fail("drivers.onboarding_uplift", "must be in [0, 5]");
        if (m.Book.MaxOverloadShare is < 0 or >= 1) Fail("book.max_overload_share", "must be in [0, 1)");
        var ew = m.EarlyWarning;
        if (ew.BaselineWeeks < 4) Fail("early_warning.baseline_weeks", "must be at least 4");
        if (ew.WindowWeeks < 1 || ew.WindowWeeks > ew.BaselineWeeks) Fail("early_warning.window_weeks", "must be between 1 and baseline_weeks");
        if (ew.PersistWeeks < 1) Fail("early_warning.persist_weeks", "must be at least 1");
        if (ew.RecoveryBand is < 0 or >= 1) Fail("early_warning.recovery_band", "must be in [0, 1): a share of the rule's drop threshold");
        if (ew.RecoveryWeeks < 1) Fail("early_warning.recovery_weeks", "must be at least 1");
        var o = ew.Overload;
        if (o.UtilizationAbove <= 0) Fail("early_warning.overload.utilization_above", "must be positive (1 = customer-facing capacity)");
        if (o.BookAboveRange < 0) Fail("early_warning.overload.book_above_range", "must not be negative");
        if (o.Weeks < 1) Fail("early_warning.overload.weeks", "must be at least 1");
        if (o.MinWeeks < 1 || o.MinWeeks > o.Weeks) Fail("early_warning.overload.min_weeks", "must be between 1 and overload.weeks");
        foreach (var (r, i) in ew.Rules.Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(r.Indicator)) Fail($"early_warning.rules[{i}].indicator", "is required");
            if (r.DropPoints is null && r.DropSd is null) Fail($"early_warning.rules[{i}]", "needs drop_points or drop_sd");
        }
        if (m.Forward.ChurnRate is < 0 or >= 1) Fail("forward.churn_rate", "must be in [0, 1)");
        if (m.Forward.NewLogoAcv is <= 0) Fail("forward.new_logo_acv", "must be positive when given");
        if (m.Lanes.DigitalHoursPerAccountMonth < 0) Fail("lanes.digital_hours_per_account_month", "must not be negative");
        var h = m.Hiring;
        if (h.LeadTimeMonths is not null && (h.RecruitingMonths is not null || h.RampMonths is not null))
        {
            Fail("hiring.lead_time_months", "replaces recruiting_months + ramp_months: give either lead_time_months or those two");
        }
        if (h.RecruitingMonths is < 0 or > 24) Fail("hiring.recruiting_months", "must be in [0, 24]");
        if (h.RampMonths is < 0 or > 24) Fail("hiring.ramp_months", "must be in [0, 24]");
        if (h.LeadTimeMonths is < 0 or > 48) Fail("hiring.lead_time_months", "must be in [0, 48]");
        if (h.HorizonMonths is < 1 or > 120) Fail("hiring.horizon_months", "must be in [1, 120]");
        if (h.TrailingMonths is < 1 or > 36) Fail("hiring.trailing_months", "must be in [1, 36]");
        if (h.Growth is not (HiringPolicy.TrailingGrowth or HiringPolicy.ForwardTargetGrowth))
        {
            Fail("hiring.growth", $"must be {HiringPolicy.TrailingGrowth} or {HiringPolicy.ForwardTargetGrowth}, not '{h.Growth}'");
        }
        if (m.Lanes.ObservedMonths < 1) Fail("lanes.observed_months", "must be at least 1");
        var d = m.Lanes.Dedicated;
        if (d.MinArr is < 0) Fail("lanes.dedicated.min_arr", "must not be negative");
        if (d.MinComplexity is < 1 or > 5) Fail("lanes.dedicated.min_complexity", "must be in 1-5");
        if (d.MinHoursPerMonth is < 0) Fail("lanes.dedicated.min_hours_per_month", "must not be negative");
        var g = m.Lanes.Digital;
        if (g.MaxArr is < 0) Fail("lanes.digital.max_arr", "must not be negative");
        if (g.MaxComplexity is < 1 or > 5) Fail("lanes.digital.max_complexity", "must be in 1-5");
        if (g.MaxHoursPerMonth is < 0) Fail("lanes.digital.max_hours_per_month", "must not be negative");
        if (g.MaxTicketsPerMonth is < 0) Fail("lanes.digital.max_tickets_per_month", "must not be negative");
        if (d.MinArr is { } minArr && g.MaxArr is { } maxArr && maxArr > minArr) Fail("lanes.digital.max_arr", "must not exceed lanes.dedicated.min_arr");
        var rb = m.Rebalance;
        if (rb.BandLow is < 0 or >= 1) Fail("rebalance.band_low", "must be in [0, 1): a share of customer-facing hours");
        if (rb.BandHigh <= rb.BandLow || rb.BandHigh > 2) Fail("rebalance.band_high", "must be above band_low and at most 2");
        if (rb.ProtectRenewalDays < 0) Fail("rebalance.protect_renewal_days", "must not be negative");
        if (rb.MaxMovesPerCsm < 0) Fail("rebalance.max_moves_per_csm", "must not be negative");
        if (rb.CandidatesPerCsm < 2) Fail("rebalance.candidates_per_csm", "must be at least 2");
        if (rb.TimeLimit <= 0) Fail("rebalance.time_limit", "must be positive");
        if (rb.Pinned.Any(string.IsNullOrWhiteSpace)) Fail("rebalance.pinned", "must list account ids, none empty");
        if (m.Drivers.AverageLifetimeMonths <= 0) Fail("drivers.average_lifetime_months", "must be positive");
        foreach (var seg in m.Calibration?.BaseHours.Keys ?? Enumerable.Empty<string>())
        {
            if (m.Segments.All(s => s.Name != seg)) Fail($"calibration.base_hours.{seg}", "names no segment");
        }
        foreach (var (sc, i) in m.Scenarios.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(sc.Name)) Fail($"scenarios[{i}].name", "is required");
            foreach (var seg in sc.ToDigital)
            {
                if (m.Segments.All(s => s.Name != seg)) Fail($"scenarios.{sc.Name}.to_digital", $"names no segment '{seg}'");
            }
        }
    }
}
