namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>Book health (CS ops): load vs capacity per CSM, proactive share trend, accounts gone dark, renewals ahead.</summary>
public static class BookHealthData
{
    /// <summary>Rates are read over the last four weeks, so one quiet week does not swing them.</summary>
    public const int WindowDays = 28;

    public static Dictionary<string, object?> Build(WarehouseQueries q)
    {
        var latest = q.Date("fct_csm_week", "select cast(max(week_start) as date) from fct_csm_week where available_hours > 0 or customer_hours > 0");
        var lastWeek = latest is null ? "false" : $"week_start = {WarehouseQueries.DateLiteral(latest)}";
        var window = latest is null ? "false" : $"week_start > {WarehouseQueries.DateLiteral(latest)} - interval {WindowDays} day";
        var trendFrom = latest is null ? "false" : $"week_start > {WarehouseQueries.DateLiteral(latest)} - interval 26 week";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["latestWeek"] = latest,
            ["kpis"] = q.Kpis(
            [
                ("Book ARR", lastWeek, "owned in the latest week"),
                ("Customer Hours", window, "last 4 weeks"),
                ("Proactive Share", window, "last 4 weeks"),
                ("Capacity Utilization", window, "last 4 weeks, of customer-facing capacity"),
                ("Coverage 30d", lastWeek, "accounts touched proactively in 30 days"),
                ("Accounts Gone Dark", null, "no proactive touch"),
                ("ARR at Risk", null, "at the as-of date"),
                ("Renewals in 90 Days", null, "accounts renewing"),
            ]),
            ["csms"] = q.Select("dim_csm", "select csm_id, coalesce(csm_name, csm_id) as csm_name, team from dim_csm order by csm_id"),
            ["loadByCsm"] = q.Measures(["Customer Hours", "Customer Capacity Hours", "Capacity Utilization", "Proactive Share"], ["csm_id"], window),
            ["bookByCsm"] = q.Measures(["Book Accounts", "Book ARR", "Onboarding Accounts", "Coverage 30d"], ["csm_id"], lastWeek),
            ["healthByCsm"] = q.Measures(["Customers", "Accounts Gone Dark", "Accounts at Risk", "ARR at Risk", "Renewals in 90 Days", "Renewal ARR in 90 Days"], ["csm_id"]),
            ["proactiveTrendByTeam"] = q.Measures(["Proactive Share"], ["strftime(week_start, '%Y-%m-%d') as week", "coalesce(team, '(no team)') as team"], trendFrom),
            ["proactiveTrend"] = q.Measures(["Proactive Share", "Coverage 30d"], ["strftime(week_start, '%Y-%m-%d') as week"], trendFrom),
            // The rows the page's filters re-aggregate (team, segment, CSM, week range), each figure with the catalog's
            // formula: the per-CSM-week sums of the catalog measures, and the accounts of fct_account_health.
            ["csmWeeks"] = q.Measures(["Customer Hours", "Customer Capacity Hours", "Proactive Hours", "Reactive Hours"],
                ["csm_id", "coalesce(team, '(no team)') as team", "strftime(week_start, '%Y-%m-%d') as week"]),
            ["bookWeeks"] = q.Select("fct_csm_week", "select csm_id, strftime(week_start, '%Y-%m-%d') as week, book_accounts, book_arr from fct_csm_week order by csm_id, week_start"),
            ["accounts"] = q.Select("fct_account_health",
                "select h.account_id, coalesce(a.account_name, h.account_id) as account_name, h.csm_id, coalesce(h.team, '(no team)') as team, h.segment, h.arr, "
                + "strftime(h.next_renewal_date, '%Y-%m-%d') as next_renewal_date, strftime(h.last_proactive_date, '%Y-%m-%d') as last_proactive_date, "
                + "h.gone_dark, h.at_risk from fct_account_health h left join dim_account a using (account_id) order by h.account_id"),
            ["openAlerts"] = q.Select("fct_early_warning",
                "select key as csm_id, family, indicator from fct_early_warning where level = 'csm' and closed_week is null order by key, family, indicator"),
            ["renewalsByMonth"] = q.Measures(["Renewals in 90 Days", "Renewal ARR in 90 Days"], ["strftime(next_renewal_date, '%Y-%m') as month"], "next_renewal_date is not null"),
        };
    }
}
