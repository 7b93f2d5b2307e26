namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>Calibration (analysts): planned vs observed, fitted multipliers with ranges, ratios, headcount, scenarios.</summary>
public static class CalibrationData
{
    public static Dictionary<string, object?> Build(WarehouseQueries q) => new(StringComparer.Ordinal)
    {
        ["kpis"] = q.Kpis(
        [
            ("Observed vs Planned Hours", null, "touchpoint hours, all segments"),
            ("Fit Pseudo R2", null, "time equation, weighted by account-months"),
            ("Headcount Now", null, "CSM FTE for today's book, planned model"),
            ("Headcount Now (Calibrated)", null, "CSM FTE for today's book, calibrated model"),
            ("Forward Headcount", null, "CSM FTE for the forward ARR target, planned model"),
            ("Forward Headcount (Calibrated)", null, "CSM FTE for the forward ARR target, calibrated model"),
        ]),
        ["hoursBySegment"] = q.Measures(["Planned Touchpoint Hours", "Observed Touchpoint Hours", "Observed vs Planned Hours"], ["segment"]),
        ["hoursByTouchpoint"] = q.Measures(["Planned Touchpoint Hours", "Observed Touchpoint Hours"], ["type"]),
        ["touchpoints"] = q.Select("capacity_touchpoint", """
            select segment, type, planned_per_month, observed_per_month, planned_minutes, observed_minutes, planned_hours, observed_hours
            from capacity_touchpoint order by segment, type
            """),
        ["calibrated"] = q.Select("capacity_calibrated", """
            select parameter, segment, planned, estimate, low, high
            from capacity_calibrated order by segment is not null, parameter, segment
            """),
        ["fitQuality"] = q.Select("capacity_fit_quality", """
            select segment, account_months, observed_mean, predicted_mean, mae, rmse, pseudo_r2
            from capacity_fit_quality order by segment
            """),
        ["recommendation"] = q.Measures(
            ["Recommended Accounts per CSM Low", "Recommended Accounts per CSM", "Recommended Accounts per CSM High", "Recommended ARR per CSM"], ["segment"]),
        ["recommendationRows"] = q.Select("capacity_recommendation", """
            select segment, accounts_per_csm_low, accounts_per_csm_mid, accounts_per_csm_high,
                arr_per_csm_low, arr_per_csm_mid, arr_per_csm_high, overload_share
            from capacity_recommendation order by segment
            """),
        ["planned"] = q.Select("capacity_planned", """
            select segment, lane, planned_hours_per_account_month, accounts_per_csm_low, accounts_per_csm_high,
                arr_per_csm_low, arr_per_csm_high, points_per_account
            from capacity_planned order by segment
            """),
        ["headcount"] = q.Measures(["Headcount Now", "Headcount Now (Calibrated)", "Forward Headcount", "Forward Headcount (Calibrated)"], ["segment"], "segment <> 'total'"),
        ["headcountRows"] = q.Select("capacity_headcount_plan", """
            select segment, accounts, arr, hours_per_account_month, hours_per_account_month_calibrated, headcount_now,
                headcount_now_calibrated, forward_arr, forward_accounts, forward_headcount, forward_headcount_calibrated
            from capacity_headcount_plan order by segment = 'total', segment
            """),
        ["backtestKpis"] = q.Kpis(
        [
            ("Backtest MAPE", null, "calibrated model, per CSM-quarter, fitted before each quarter"),
            ("Backtest MAPE Planned", null, "the model file's equation, same quarters"),
            ("Backtest MAPE Naive", null, "each CSM's hours the quarter before"),
            ("Backtest Range Coverage", null, "CSM-quarters inside their 90% range"),
        ]),
        ["backtestCompany"] = q.Select("capacity_backtest", """
            select strftime(quarter_start, '%Y-%m') as quarter, observed_hours, predicted_hours, low, high, planned_hours, naive_hours
            from capacity_backtest where level = 'company' order by quarter_start
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
        ["scenarios"] = q.Measures(["Scenario Headcount", "Scenario Headcount Delta"], ["scenario"]),
        ["scenarioRows"] = q.Select("capacity_scenario", """
            select scenario, segment, headcount, accounts_per_csm, arr_per_csm, headcount_delta
            from capacity_scenario order by scenario, segment
            """),
    };
}
