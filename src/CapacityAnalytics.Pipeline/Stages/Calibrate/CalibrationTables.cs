using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Capacity.Backtest;
using CapacityAnalytics.Core.Capacity.Planning;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>The capacity_* tables (docs/published-tables.md): the calibration's and the planner's records, written whole.</summary>
public static class CalibrationTables
{
    public static long WritePlan(DuckDBConnection connection, IReadOnlyList<CapacityPlannedRow> planned,
        IReadOnlyList<CapacityHeadcountPlanRow> headcount, IReadOnlyList<CapacityScenarioRow> scenarios) =>
        RecordTable.Replace(connection, "capacity_planned", planned)
        + RecordTable.Replace(connection, "capacity_headcount_plan", headcount)
        + RecordTable.Replace(connection, "capacity_scenario", scenarios);

    public static long WriteCalibration(DuckDBConnection connection, CalibrationResult result, IReadOnlyList<ParameterChange> changes) =>
        RecordTable.Replace(connection, "capacity_calibrated", result.Calibrated.Select(r => new CalibratedParameter(
            r.Parameter,
            r.Parameter.StartsWith(TimeEquationParameters.BasePrefix, StringComparison.Ordinal) ? r.Parameter[TimeEquationParameters.BasePrefix.Length..] : null,
            r.PlannedValue, r.Estimate, r.Low, r.High)))
        + RecordTable.Replace(connection, "capacity_touchpoint", result.Touchpoints.Select(t => new TouchpointRow(
            t.Segment, t.Type, t.PlannedPerAccountMonth, t.ObservedPerAccountMonth, t.PlannedMinutesPerTouch, t.ObservedMinutesPerTouch,
            t.PlannedHoursPerAccountMonth, t.ObservedHoursPerAccountMonth, t.AccountMonths)))
        + RecordTable.Replace(connection, "capacity_fit_quality", result.Quality.Select(q => new FitQualityRow(
            q.Segment, q.AccountMonths, q.MeanObserved, q.MeanPredicted, q.MeanAbsoluteError, q.RootMeanSquaredError, q.DevianceExplained, q.ResidualSd)))
        + RecordTable.Replace(connection, "capacity_worst_fit", result.WorstAccounts)
        + RecordTable.Replace(connection, "capacity_recommendation", result.Recommendations)
        + RecordTable.Replace(connection, "capacity_model_change", changes);

    /// <summary>capacity_hiring_plan (one row per segment) and capacity_hiring_projection (segment x month of the horizon).</summary>
    public static long WriteHiring(DuckDBConnection connection, HiringPlan hiring) =>
        RecordTable.Replace(connection, "capacity_hiring_plan", hiring.Plan)
        + RecordTable.Replace(connection, "capacity_hiring_projection", hiring.Projection);

    /// <summary>capacity_backtest (predicted vs observed hours per quarter) and capacity_drift (parameters by quarter).</summary>
    public static long WriteBacktest(DuckDBConnection connection, BacktestResult backtest) =>
        RecordTable.Replace(connection, "capacity_backtest", backtest.Rows)
        + RecordTable.Replace(connection, "capacity_drift", backtest.Drift);

    /// <summary>capacity_rebalance, capacity_rebalance_load, capacity_lane_recommendation and capacity_lane_summary.</summary>
    public static long WritePlanning(DuckDBConnection connection, PlanningResult planning)
    {
        var status = RebalanceResult.StatusName(planning.Rebalance.Status);
        return RecordTable.Replace(connection, "capacity_rebalance", planning.Rebalance.Moves.Select(m => new RebalanceRow(
                m.AccountId, m.FromCsmId, m.ToCsmId, m.Lane, m.HoursMoved, m.Protection, m.Reason, status)))
            + RecordTable.Replace(connection, "capacity_rebalance_load", planning.Rebalance.Loads.Select(l => new RebalanceLoadRow(
                l.CsmId, l.Lane, l.CapacityHours, l.BandLowHours, l.BandHighHours, l.AccountsBefore, l.HoursBefore, l.LoadBefore, l.InBandBefore,
                l.AccountsAfter, l.HoursAfter, l.LoadAfter, l.InBandAfter, l.MovesIn, l.MovesOut, status)))
            + RecordTable.Replace(connection, "capacity_lane_recommendation", planning.Lanes)
            + RecordTable.Replace(connection, "capacity_lane_summary", planning.LaneSummary);
    }

    private sealed record RebalanceRow(string AccountId, string? FromCsmId, string ToCsmId, string Lane, double HoursMoved, string? Protection,
        string Reason, string SolveStatus);

    private sealed record RebalanceLoadRow(string CsmId, string Lane, double CapacityHours, double BandLowHours, double BandHighHours,
        int AccountsBefore, double HoursBefore, double? LoadBefore, bool InBandBefore, int AccountsAfter, double HoursAfter, double? LoadAfter,
        bool InBandAfter, int MovesIn, int MovesOut, string SolveStatus);

    private sealed record CalibratedParameter(string Parameter, string? Segment, double Planned, double Estimate, double Low, double High);

    private sealed record TouchpointRow(string Segment, string Type, double? PlannedPerMonth, double ObservedPerMonth, double? PlannedMinutes,
        double ObservedMinutes, double? PlannedHours, double ObservedHours, double AccountMonths);

    private sealed record FitQualityRow(string Segment, int AccountMonths, double ObservedMean, double PredictedMean, double Mae, double Rmse,
        double PseudoR2, double ResidualSd);
}
