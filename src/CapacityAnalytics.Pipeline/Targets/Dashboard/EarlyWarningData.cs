namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>Early warning (leaders): open alerts, indicator vs baseline for flagged CSMs, exposed ARR, the backtest.</summary>
public static class EarlyWarningData
{
    /// <summary>Trend charts for at most this many open alerts (the most exposed first).</summary>
    public const int TrendCharts = 6;

    public static Dictionary<string, object?> Build(WarehouseQueries q)
    {
        var csmName = q.Has("dim_csm") ? "coalesce(dim_csm.csm_name, alerts.key)" : "alerts.key";
        var csmJoin = q.Has("dim_csm") ? "left join dim_csm on alerts.level = 'csm' and dim_csm.csm_id = alerts.key" : "";
        var openAlerts = q.Select("fct_early_warning", $"""
            select alerts.alert_id, alerts.level, alerts.key, {csmName} as name, alerts.indicator,
                strftime(alerts.breach_started_week, '%Y-%m-%d') as since, strftime(alerts.opened_week, '%Y-%m-%d') as opened,
                strftime(alerts.last_week, '%Y-%m-%d') as last_week, alerts.weeks_breached, alerts.baseline_value, alerts.current_value,
                alerts.drop_value, alerts.exposed_arr, alerts.renewals_in_horizon, alerts.arr_at_risk, alerts.likely_cause
            from fct_early_warning as alerts
            {csmJoin}
            where alerts.status = 'open'
            order by alerts.exposed_arr desc nulls last, alerts.alert_id
            """);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kpis"] = q.Kpis(
            [
                ("Open Alerts", null, "all levels"),
                ("Exposed ARR", null, "books behind open CSM alerts"),
                ("Exposed Renewals", null, "renewing in 90 days in those books"),
                ("Flagged NRR", null, "flagged books after past alerts"),
                ("Unflagged NRR", null, "comparable books, same weeks"),
            ]),
            ["openAlerts"] = openAlerts,
            ["trends"] = Trends(q, openAlerts),
            ["exposedByCsm"] = q.Measures(["Exposed ARR", "Exposed Renewals"], ["key"], "status = 'open' and level = 'csm'"),
            ["backtestByIndicator"] = q.Measures(["Backtested Alerts", "Flagged NRR", "Unflagged NRR", "Flagged Renewal Rate", "Unflagged Renewal Rate"], ["indicator"]),
            ["backtestAll"] = q.Measures(["Backtested Alerts", "Flagged NRR", "Unflagged NRR", "Flagged Renewal Rate", "Unflagged Renewal Rate"]),
        };
    }

    /// <summary>Each open CSM alert's indicator per week, from 16 weeks before it opened, beside its baseline.</summary>
    private static List<Dictionary<string, object?>> Trends(WarehouseQueries q, IReadOnlyList<Dictionary<string, object?>> openAlerts)
    {
        var indicators = q.Columns("fct_indicator_rollup").ToHashSet(StringComparer.Ordinal);
        var trends = new List<Dictionary<string, object?>>();
        foreach (var alert in openAlerts.Where(a => a["level"] as string == "csm").Take(TrendCharts))
        {
            // The indicator names a column; only names the rollup really has are put into SQL.
            if (alert["indicator"] is not string indicator || !indicators.Contains(indicator)) continue;
            var opened = WarehouseQueries.DateLiteral((string)alert["opened"]!);
            var points = q.Select("fct_indicator_rollup", $"""
                select strftime(week_start, '%Y-%m-%d') as week, cast("{indicator}" as double) as value
                from fct_indicator_rollup
                where level = 'csm' and key = {WarehouseQueries.Text((string)alert["key"]!)} and week_start >= {opened} - interval 16 week
                order by week_start
                """);
            trends.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["alert_id"] = alert["alert_id"],
                ["name"] = alert["name"],
                ["indicator"] = indicator,
                ["baseline"] = alert["baseline_value"],
                ["since"] = alert["since"],
                ["points"] = points,
            });
        }
        return trends;
    }
}
