using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// Loads the capacity model file into small <c>model_*</c> tables and the run's reference date into
/// <c>run_context</c>, so the SQL models read every parameter from tables and never repeat a number of the model file.
/// </summary>
public static class SqlModelParameters
{
    /// <summary>Creates the parameter tables; returns the run's as-of date (injected, else the latest activity date).</summary>
    public static DateOnly Load(DuckDBConnection connection, CapacityModel model, DateOnly? asOf)
    {
        Execute(connection, """
            create or replace table model_segment (name varchar, min_arr double, max_arr double, lane varchar, qbr_every_months double);
            create or replace table model_activity_type (type varchar, class varchar, inbound_class varchar, outbound_class varchar,
                segment varchar, standard_minutes double, prep_minutes double);
            create or replace table model_type_map (vendor_type varchar, type varchar);
            create or replace table model_ew_rule (indicator varchar, drop_points double, drop_sd double);
            create or replace table model_book_range (segment varchar, lane varchar, accounts_low double, accounts_high double);
            """);
        foreach (var s in model.Segments)
        {
            Insert(connection, "model_segment", s.Name, s.MinArr, s.MaxArr, s.Lane, s.QbrEveryMonths);
        }
        foreach (var (type, spec) in model.ActivityTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var s in model.Segments)
            {
                Insert(connection, "model_activity_type", type, spec.Class, spec.InboundClass ?? spec.Class,
                    spec.OutboundClass ?? spec.Class, s.Name, spec.MinutesFor(s.Name), spec.PrepMinutes);
            }
        }
        foreach (var (vendor, type) in model.TypeMap.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Insert(connection, "model_type_map", vendor.Trim().ToLowerInvariant(), type);
        }
        foreach (var r in model.EarlyWarning.Rules)
        {
            Insert(connection, "model_ew_rule", r.Indicator, r.DropPoints, r.DropSd);
        }

        // Accounts per CSM by segment, the planned model's range (docs/capacity-model.md); none in the digital lane.
        var chain = AvailableHoursChain.From(model.AvailableHours);
        foreach (var plan in SegmentPlan.AllFrom(model))
        {
            if (PlannedModel.Range(chain, plan, model.Drivers) is { } range)
            {
                Insert(connection, "model_book_range", plan.Segment, Lanes.Name(plan.Lane), range.Low, range.High);
            }
        }

        var w = model.Workload;
        var a = model.AvailableHours;
        Execute(connection, "create or replace table model_workload as select " + Columns(
            ("escalated_ticket_minutes", w.EscalatedTicketMinutes), ("onboarding_window_days", w.OnboardingWindowDays),
            ("gone_dark_days", w.GoneDarkDays), ("no_contact_days", w.NoContactDays),
            ("renewal_horizon_days", w.RenewalHorizonDays), ("at_risk_health_score", w.AtRiskHealthScore),
            ("weekly_hours", a.WeeklyHours), ("customer_facing_share", a.CustomerFacingShare),
            ("practical_capacity", a.PracticalCapacity)));
        var e = model.EarlyWarning;
        Execute(connection, "create or replace table model_early_warning as select " + Columns(
            ("baseline_weeks", e.BaselineWeeks), ("window_weeks", e.WindowWeeks), ("persist_weeks", e.PersistWeeks),
            ("min_baseline_weeks", e.MinBaselineWeeks), ("cause_growth", e.CauseGrowth),
            ("time_off_exclude_share", e.TimeOffExcludeShare), ("backtest_days", e.BacktestDays),
            ("backtest_min_days", e.BacktestMinDays), ("recovery_band", e.RecoveryBand), ("recovery_weeks", e.RecoveryWeeks),
            ("overload_utilization_above", e.Overload.UtilizationAbove), ("overload_book_above_range", e.Overload.BookAboveRange),
            ("overload_weeks", e.Overload.Weeks), ("overload_min_weeks", e.Overload.MinWeeks)));

        var (dataStart, latest) = ActivityRange(connection);
        // No activity at all is a problem of the data (e.g. an activities file with a header and no rows), exit 1.
        var resolved = asOf ?? latest ?? throw new CapacityException(
            "no activities were loaded, so there is no date to build the marts as of: check the activities extract (it has no rows), or set as_of in the pipeline file or --as-of.");
        var start = dataStart is { } d && d <= resolved ? d : resolved;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            create or replace table run_context as
            select $as_of::date as as_of, $data_start::date as data_start, $version::varchar as model_version
            """;
        cmd.Parameters.Add(new DuckDBParameter("as_of", resolved));
        cmd.Parameters.Add(new DuckDBParameter("data_start", start));
        cmd.Parameters.Add(new DuckDBParameter("version", model.Version));
        cmd.ExecuteNonQuery();
        return resolved;
    }

    private static (DateOnly? First, DateOnly? Last) ActivityRange(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            select min(cast(timezone('UTC', occurred_at) as date)), max(cast(timezone('UTC', occurred_at) as date))
            from raw_activities
            """;
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1));
    }

    private static string Columns(params (string Name, object Value)[] columns) =>
        string.Join(", ", columns.Select(c => c.Value switch
        {
            int i => FormattableString.Invariant($"cast({i} as integer) as {c.Name}"),
            double d => FormattableString.Invariant($"cast({d:R} as double) as {c.Name}"),
            _ => throw new ArgumentException($"Unsupported parameter type for {c.Name}."),
        }));

    private static void Insert(DuckDBConnection connection, string table, params object?[] values)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"insert into {table} values ({string.Join(", ", values.Select((_, i) => $"${i + 1}"))})";
        foreach (var v in values)
        {
            cmd.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
        }
        cmd.ExecuteNonQuery();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
