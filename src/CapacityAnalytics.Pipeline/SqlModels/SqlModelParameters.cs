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
        Append(connection, "model_segment", model.Segments.Select(s => new object?[] { s.Name, s.MinArr, s.MaxArr, s.Lane, s.QbrEveryMonths }));
        Append(connection, "model_activity_type", model.ActivityTypes.OrderBy(t => t.Key, StringComparer.Ordinal)
            .SelectMany(t => model.Segments.Select(s => new object?[]
            {
                t.Key, t.Value.Class, t.Value.InboundClass ?? t.Value.Class, t.Value.OutboundClass ?? t.Value.Class, s.Name, t.Value.MinutesFor(s.Name), t.Value.PrepMinutes,
            })));
        Append(connection, "model_type_map", model.TypeMap.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new object?[] { t.Key.Trim().ToLowerInvariant(), t.Value }));
        Append(connection, "model_ew_rule", model.EarlyWarning.Rules.Select(r => new object?[] { r.Indicator, r.DropPoints, r.DropSd }));

        // Accounts per CSM by segment, the planned model's range (docs/capacity-model.md); none in the digital lane.
        var chain = AvailableHoursChain.From(model.AvailableHours);
        Append(connection, "model_book_range", SegmentPlan.AllFrom(model)
            .Select(plan => (plan, Range: PlannedModel.Range(chain, plan, model.Drivers)))
            .Where(p => p.Range is not null)
            .Select(p => new object?[] { p.plan.Segment, Lanes.Name(p.plan.Lane), p.Range!.Low, p.Range.High }));

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
            select cast(timezone('UTC', min(occurred_at)) as date), cast(timezone('UTC', max(occurred_at)) as date)
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

    /// <summary>Appends rows of text and numbers (the model file's values) to a table just created: one appender, not a statement per row.</summary>
    private static void Append(DuckDBConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    double number => row.AppendValue(number),
                    _ => throw new ArgumentException($"{table}: no column type for a {value.GetType().Name}."),
                };
            }
            row.EndRow();
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
