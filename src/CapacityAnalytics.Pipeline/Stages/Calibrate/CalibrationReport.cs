using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Capacity.Backtest;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>The calibration as an analyst reads it on the terminal: multipliers with ranges, fit, recommendations, changes.</summary>
public static class CalibrationReport
{
    private static string N(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static IReadOnlyList<ReportTable> Tables(CalibrationResult result, CalibratedModel? calibrated) =>
    [
        new("1 time equation (planned vs fitted, 90% bootstrap range)", ["parameter", "planned", "fitted", "low", "high"],
            result.Calibrated.Select(r => (IReadOnlyList<string>)[r.Parameter, N(r.PlannedValue), N(r.Estimate), N(r.Low), N(r.High)]).ToList()),
        Touchpoints(result.Touchpoints),
        new("3 fit quality by segment", ["segment", "account-months", "observed h", "predicted h", "MAE", "deviance explained"],
            result.Quality.Select(q => (IReadOnlyList<string>)[q.Segment, q.AccountMonths.ToString(CultureInfo.InvariantCulture), N(q.MeanObserved),
                N(q.MeanPredicted), N(q.MeanAbsoluteError), N(q.DevianceExplained, "P0")]).ToList()),
        new("4 recommended book per CSM (variance buffer)", ["segment", "lane", "accts low", "mid", "high", "ARR/CSM mid", "months over"],
            result.Recommendations.Select(r => (IReadOnlyList<string>)[r.Segment, r.Lane, r.AccountsPerCsmLow.ToString(CultureInfo.InvariantCulture),
                r.AccountsPerCsmMid.ToString(CultureInfo.InvariantCulture), r.AccountsPerCsmHigh.ToString(CultureInfo.InvariantCulture),
                N(r.ArrPerCsmMid, "N0"), N(r.OverloadShare, "P0")]).ToList()),
        new("5 changes against the previous model", ["parameter", "old", "new", "change"],
            (calibrated?.Changes ?? []).Select(c => (IReadOnlyList<string>)[c.Path, Maybe(c.Old), Maybe(c.New), c.ChangePercent is { } p ? N(p / 100, "P1") : ""]).ToList(),
            calibrated is null ? "no new model version: the fit is outside the model file's bounds" : $"new model version {calibrated.Model.Version}"),
    ];

    /// <summary>The backtest in one table: per level and model, the predictions made, MAPE, bias and range coverage.</summary>
    public static ReportTable Backtest(BacktestResult backtest)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var level in BacktestResult.Levels)
        {
            foreach (var (name, predicted) in new (string, Func<CapacityBacktestRow, double?>)[]
            {
                ("calibrated", r => r.PredictedHours), ("planned", r => r.PlannedHours), ("naive (last quarter)", r => r.NaiveHours),
            })
            {
                var summary = backtest.Summary(level, predicted);
                if (summary.Predictions == 0) continue;
                rows.Add([level, name, summary.Predictions.ToString(CultureInfo.InvariantCulture), Maybe(summary.Mape, "P1"), Maybe(summary.Bias, "+0.0;-0.0;0.0"),
                    name == "calibrated" ? Maybe(backtest.Coverage(level), "P0") : ""]);
            }
        }
        var quarters = backtest.Rows.Select(r => r.QuarterStart).Distinct().Order().ToList();
        var footer = quarters.Count == 0
            ? "no quarter with six months of data before it: nothing to backtest yet"
            : $"quarters {quarters[0]:yyyy-MM} to {quarters[^1]:yyyy-MM}, each predicted from the months before it; per row in capacity_backtest, parameters by quarter in capacity_drift";
        return new ReportTable("6 backtest: predicted vs observed customer hours per quarter", ["level", "model", "predictions", "MAPE", "bias h", "in 90% range"], rows, footer);
    }

    /// <summary>How many touchpoint rows the terminal shows; the rest are in capacity_touchpoint and on the dashboard.</summary>
    public const int TouchpointRows = 12;

    /// <summary>The touchpoints whose observed hours differ most from the plan, so the table fits a terminal.</summary>
    private static ReportTable Touchpoints(IReadOnlyList<TouchpointComparisonRow> touchpoints)
    {
        var shown = touchpoints
            .OrderByDescending(t => Math.Abs(t.ObservedHoursPerAccountMonth - (t.PlannedHoursPerAccountMonth ?? 0)))
            .ThenBy(t => t.Segment, StringComparer.Ordinal)
            .ThenBy(t => t.Type, StringComparer.Ordinal)
            .Take(TouchpointRows)
            .ToList();
        var rows = shown.Select(t => (IReadOnlyList<string>)[t.Segment, t.Type, Maybe(t.PlannedPerAccountMonth), N(t.ObservedPerAccountMonth),
            Maybe(t.PlannedMinutesPerTouch), N(t.ObservedMinutesPerTouch, "0"), Maybe(t.PlannedHoursPerAccountMonth), N(t.ObservedHoursPerAccountMonth)]).ToList();
        var footer = touchpoints.Count > shown.Count
            ? string.Create(CultureInfo.InvariantCulture, $"the {shown.Count} of {touchpoints.Count} touchpoints furthest from the plan; all are in capacity_touchpoint and on the dashboard's calibration page")
            : null;
        return new ReportTable("2 planned vs observed touchpoints (per account-month)",
            ["segment", "type", "plan n", "obs n", "plan min", "obs min", "plan h", "obs h"], rows, footer);
    }

    private static string Maybe(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static string Maybe(double? value) => value is { } v ? N(v) : "";
}
