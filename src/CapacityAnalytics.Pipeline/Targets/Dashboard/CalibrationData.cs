namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// Calibration (analysts): planned vs observed, fitted multipliers with ranges, ratios, headcount, scenarios, the
/// backtest. Every figure is also computed once per segment (<c>bySegment</c>), with the same measures and a segment
/// filter, for the page's segment filter; the company-wide figures stay the default view.
/// </summary>
public static class CalibrationData
{
    public static Dictionary<string, object?> Build(WarehouseQueries q)
    {
        var data = View(q, null);
        var segments = q.Has("capacity_planned")
            ? q.Select("capacity_planned", "select segment from capacity_planned order by segment").Select(r => (string)r["segment"]!).ToList()
            : [];
        data["segments"] = segments;
        data["bySegment"] = segments.ToDictionary(s => s, s => (object?)View(q, s), StringComparer.Ordinal);
        return data;
    }

    /// <summary>The page's figures, for one segment or (null) all of them.</summary>
    private static Dictionary<string, object?> View(WarehouseQueries q, string? segment)
    {
        var only = segment is null ? null : "segment = " + WarehouseQueries.Text(segment);
        string Where(string? extra = null) => (only, extra) switch
        {
            (null, null) => "",
            (null, _) => "where " + extra,
            (_, null) => "where " + only,
            _ => $"where {only} and {extra}",
        };
        string And(string condition) => only is null ? condition : $"{only} and {condition}";
        // The backtest's chart: the company's quarters, or the segment's own.
        var backtestLevel = segment is null ? "level = 'company'" : "level = 'segment' and key = " + WarehouseQueries.Text(segment);
        return new(StringComparer.Ordinal)
        {
            ["kpis"] = q.Kpis(
        [
            ("Observed vs Planned Hours", only, segment is null ? "touchpoint hours, all segments" : "touchpoint hours, " + segment),
            ("Fit Pseudo R2", only, "time equation, weighted by account-months"),
            ("Headcount Now", only, "CSM FTE for today's book, planned model"),
            ("Headcount Now (Calibrated)", only, "CSM FTE for today's book, calibrated model"),
            ("Forward Headcount", only, "CSM FTE for the forward ARR target, planned model"),
            ("Forward Headcount (Calibrated)", only, "CSM FTE for the forward ARR target, calibrated model"),
        ]),
            ["hoursBySegment"] = q.Measures(["Planned Touchpoint Hours", "Observed Touchpoint Hours", "Observed vs Planned Hours"], ["segment"], only),
            ["hoursByTouchpoint"] = q.Measures(["Planned Touchpoint Hours", "Observed Touchpoint Hours"], ["type"], only),
            ["touchpoints"] = q.Select("capacity_touchpoint", $$"""
            select segment, type, planned_per_month, observed_per_month, planned_minutes, observed_minutes, planned_hours, observed_hours
            from capacity_touchpoint {{Where()}} order by segment, type
            """),
            ["calibrated"] = q.Select("capacity_calibrated", $$"""
            select parameter, segment, planned, estimate, low, high
            from capacity_calibrated {{(segment is null ? "" : "where segment is null or " + only)}} order by segment is not null, parameter, segment
            """),
            ["fitQuality"] = q.Select("capacity_fit_quality", $$"""
            select segment, account_months, observed_mean, predicted_mean, mae, rmse, pseudo_r2
            from capacity_fit_quality {{Where()}} order by segment
            """),
            ["recommendation"] = q.Measures(
            ["Recommended Accounts per CSM Low", "Recommended Accounts per CSM", "Recommended Accounts per CSM High", "Recommended ARR per CSM"], ["segment"], only),
            ["recommendationRows"] = q.Select("capacity_recommendation", $$"""
            select segment, accounts_per_csm_low, accounts_per_csm_mid, accounts_per_csm_high,
                arr_per_csm_low, arr_per_csm_mid, arr_per_csm_high, overload_share
            from capacity_recommendation {{Where()}} order by segment
            """),
            ["planned"] = q.Select("capacity_planned", $$"""
            select segment, lane, planned_hours_per_account_month, accounts_per_csm_low, accounts_per_csm_high,
                arr_per_csm_low, arr_per_csm_high, points_per_account
            from capacity_planned {{Where()}} order by segment
            """),
            ["headcount"] = q.Measures(["Headcount Now", "Headcount Now (Calibrated)", "Forward Headcount", "Forward Headcount (Calibrated)"], ["segment"], And("segment <> 'total'")),
            ["headcountRows"] = q.Select("capacity_headcount_plan", $$"""
            select segment, accounts, arr, hours_per_account_month, hours_per_account_month_calibrated, headcount_now,
                headcount_now_calibrated, forward_arr, forward_accounts, forward_headcount, forward_headcount_calibrated
            from capacity_headcount_plan {{Where()}} order by segment = 'total', segment
            """),
            ["backtestKpis"] = q.Kpis(
        [
            ("Backtest MAPE", null, "calibrated model, per CSM-quarter, fitted before each quarter"),
            ("Backtest MAPE Planned", null, "the model file's equation, same quarters"),
            ("Backtest MAPE Naive", null, "each CSM's hours the quarter before"),
            ("Backtest Range Coverage", null, "CSM-quarters inside their 90% range"),
        ]),
            ["backtestCompany"] = q.Select("capacity_backtest", $$"""
            select strftime(quarter_start, '%Y-%m') as quarter, observed_hours, predicted_hours, low, high, planned_hours, naive_hours
            from capacity_backtest where {{backtestLevel}} order by quarter_start
            """),
            ["backtestRows"] = q.Select("capacity_backtest", """
            select strftime(quarter_start, '%Y-%m') as quarter, key, account_months, observed_hours, predicted_hours, low, high,
                in_range, planned_hours, naive_hours
            from capacity_backtest where level = 'csm' order by quarter_start, key
            """),
            ["drift"] = q.Select("capacity_drift", """
            select strftime(fitted_before, '%Y-%m') as quarter, parameter, estimate, low, high, changed_beyond_range
            from capacity_drift order by parameter, fitted_before
            """),
            ["scenarios"] = q.Measures(["Scenario Headcount", "Scenario Headcount Delta"], ["scenario"], only),
            ["scenarioRows"] = q.Select("capacity_scenario", $$"""
            select scenario, segment, headcount, accounts_per_csm, arr_per_csm, headcount_delta
            from capacity_scenario {{Where()}} order by scenario, segment
            """),
        };
    }
}
