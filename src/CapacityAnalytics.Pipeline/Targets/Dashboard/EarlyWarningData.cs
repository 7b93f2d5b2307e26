namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>Early warning (leaders): open alerts of both families with their next step, closed alerts and how long they
/// lasted, indicator vs baseline for flagged CSMs, exposure counted once per book, the backtest.</summary>
public static class EarlyWarningData
{
    /// <summary>Trend charts for at most this many open alerts (the most exposed first).</summary>
    public const int TrendCharts = 6;

    public static Dictionary<string, object?> Build(WarehouseQueries q)
    {
        var csmName = q.Has("dim_csm") ? "coalesce(dim_csm.csm_name, alerts.key)" : "alerts.key";
        var csmJoin = q.Has("dim_csm") ? "left join dim_csm on alerts.level = 'csm' and dim_csm.csm_id = alerts.key" : "";
        // The team an alert belongs to, for the page's team filter: a CSM's team, or the team of a team-level alert.
        var team = q.Has("dim_csm")
            ? "case alerts.level when 'csm' then dim_csm.team when 'team' then alerts.key end as team"
            : "case alerts.level when 'team' then alerts.key end as team";
        var openAlerts = q.Select("fct_early_warning", $"""
            select alerts.alert_id, alerts.family, alerts.level, alerts.key, {csmName} as name, {team}, alerts.indicator,
                strftime(alerts.breach_started_week, '%Y-%m-%d') as since, strftime(alerts.opened_week, '%Y-%m-%d') as opened,
                strftime(alerts.last_week, '%Y-%m-%d') as last_week, alerts.weeks_open, alerts.weeks_breached,
                coalesce(alerts.baseline_value, alerts.threshold_value) as baseline_value, alerts.current_value,
                alerts.drop_value, alerts.exposed_arr, alerts.renewals_in_horizon, alerts.arr_at_risk, alerts.likely_cause,
                alerts.next_step, alerts.counted_exposed_arr, alerts.counted_renewals_in_horizon
            from fct_early_warning as alerts
            {csmJoin}
            where alerts.status = 'open'
            order by alerts.exposed_arr desc nulls last, alerts.alert_id
            """);
        // Closed alerts, latest first: how long each lasted.
        var history = q.Select("fct_early_warning", $"""
            select alerts.family, alerts.level, alerts.key, {csmName} as name, {team}, alerts.indicator,
                strftime(alerts.opened_week, '%Y-%m-%d') as opened, strftime(alerts.closed_week, '%Y-%m-%d') as closed,
                alerts.weeks_open, coalesce(alerts.baseline_value, alerts.threshold_value) as baseline_value, alerts.worst_value,
                alerts.likely_cause, alerts.next_step
            from fct_early_warning as alerts
            {csmJoin}
            where alerts.status = 'closed'
            order by alerts.closed_week desc, alerts.alert_id
            limit 200
            """);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // The alert cards are summed on the page from the alerts in view; these two are the company's track record.
            ["kpis"] = q.Kpis(
            [
                ("Flagged NRR", null, "flagged books after past alerts"),
                ("Unflagged NRR", null, "comparable books, same weeks"),
            ]),
            ["openAlerts"] = openAlerts,
            ["csms"] = q.Has("dim_csm") ? q.Select("dim_csm", "select csm_id, csm_name, team from dim_csm order by csm_name, csm_id") : [],
            ["history"] = history,
            ["trends"] = Trends(q, openAlerts),
            ["backtestByIndicator"] = q.Measures(["Backtested Alerts", "Flagged NRR", "Unflagged NRR", "Flagged Renewal Rate", "Unflagged Renewal Rate"], ["indicator"]),
            ["backtestAll"] = q.Measures(["Backtested Alerts", "Flagged NRR", "Unflagged NRR", "Flagged Renewal Rate", "Unflagged Renewal Rate"]),
        };
    }

    /// <summary>Each open CSM alert's indicator per week, from 16 weeks before it opened, beside its baseline.</summary>
    private static List<Dictionary<string, object?>> Trends(WarehouseQueries q, IReadOnlyList<Dictionary<string, object?>> openAlerts)
    {
        var indicators = q.Columns("fct_indicator_rollup").ToHashSet(StringComparer.Ordinal);
        var trends = new List<Dictionary<string, object?>>();
        foreach (var alert in openAlerts.Where(a => a["level"] as string == "csm" && a["family"] as string == "decline").Take(TrendCharts))
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
                ["key"] = alert["key"],
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
