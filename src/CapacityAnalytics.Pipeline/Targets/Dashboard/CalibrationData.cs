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
        ["scenarios"] = q.Measures(["Scenario Headcount", "Scenario Headcount Delta"], ["scenario"]),
        ["scenarioRows"] = q.Select("capacity_scenario", """
            select scenario, segment, headcount, accounts_per_csm, arr_per_csm, headcount_delta
            from capacity_scenario order by scenario, segment
            """),
    };
}
