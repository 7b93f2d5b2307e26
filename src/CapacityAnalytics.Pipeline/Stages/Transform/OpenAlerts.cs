using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Transform;

/// <summary>Reads the open early-warning alerts from <c>fct_early_warning</c> for the run summary.</summary>
public static class OpenAlerts
{
    /// <summary>
    /// Open alerts, worst first: largest severity (a decline's drop relative to its baseline, an overload's excess over
    /// its threshold), then most ARR exposed.
    /// </summary>
    public static IReadOnlyList<OpenAlert> Read(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            select alert_id, family, level, key, indicator, breach_started_week, opened_week, last_week, weeks_open,
                baseline_value, threshold_value, current_value, coalesce(exposed_arr, 0), coalesce(renewals_in_horizon, 0),
                coalesce(renewal_arr_in_horizon, 0), likely_cause, next_step
            from fct_early_warning
            where status = 'open'
            order by
                case
                    when family = 'overload' then (current_value - threshold_value) / nullif(abs(threshold_value), 0)
                    else (baseline_value - current_value) / nullif(abs(baseline_value), 0)
                end desc nulls last,
                exposed_arr desc nulls last, alert_id
            """;
        using var reader = cmd.ExecuteReader();
        var alerts = new List<OpenAlert>();
        while (reader.Read())
        {
            alerts.Add(new OpenAlert(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.IsDBNull(10) ? null : reader.GetDouble(10),
                reader.GetDouble(11), reader.GetDouble(12), reader.GetInt64(13), reader.GetDouble(14),
                reader.IsDBNull(15) ? null : reader.GetString(15), reader.GetString(16)));
        }
        return alerts;
    }
}
