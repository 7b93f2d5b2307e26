using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Transform;

/// <summary>Reads the open early-warning alerts from <c>fct_early_warning</c> for the run summary.</summary>
public static class OpenAlerts
{
    /// <summary>Open alerts, worst first: largest drop relative to baseline, then most ARR exposed.</summary>
    public static IReadOnlyList<OpenAlert> Read(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            select alert_id, level, key, indicator, breach_started_week, opened_week, last_week,
                baseline_value, current_value, coalesce(exposed_arr, 0), coalesce(renewals_in_horizon, 0),
                coalesce(renewal_arr_in_horizon, 0), likely_cause
            from fct_early_warning
            where status = 'open'
            order by (baseline_value - current_value) / nullif(abs(baseline_value), 0) desc nulls last,
                exposed_arr desc nulls last, alert_id
            """;
        using var reader = cmd.ExecuteReader();
        var alerts = new List<OpenAlert>();
        while (reader.Read())
        {
            alerts.Add(new OpenAlert(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetInt64(10), reader.GetDouble(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return alerts;
    }
}
