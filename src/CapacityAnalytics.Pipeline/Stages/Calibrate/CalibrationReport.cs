using System.Globalization;
using CapacityAnalytics.Core.Capacity;
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
        new("2 planned vs observed touchpoints", ["segment", "type", "planned /acct-month", "observed", "planned min/touch", "observed", "observed h/acct-month"],
            result.Touchpoints.Select(t => (IReadOnlyList<string>)[t.Segment, t.Type, Maybe(t.PlannedPerAccountMonth), N(t.ObservedPerAccountMonth),
                Maybe(t.PlannedMinutesPerTouch), N(t.ObservedMinutesPerTouch, "0"), N(t.ObservedHoursPerAccountMonth)]).ToList()),
        new("3 fit quality by segment", ["segment", "account-months", "observed h", "predicted h", "MAE", "deviance explained"],
            result.Quality.Select(q => (IReadOnlyList<string>)[q.Segment, q.AccountMonths.ToString(CultureInfo.InvariantCulture), N(q.MeanObserved),
                N(q.MeanPredicted), N(q.MeanAbsoluteError), N(q.DevianceExplained, "P0")]).ToList()),
        new("4 recommended book per CSM (variance buffer)", ["segment", "lane", "accounts low", "mid", "high", "ARR per CSM (mid)", "months over capacity"],
            result.Recommendations.Select(r => (IReadOnlyList<string>)[r.Segment, r.Lane, r.AccountsPerCsmLow.ToString(CultureInfo.InvariantCulture),
                r.AccountsPerCsmMid.ToString(CultureInfo.InvariantCulture), r.AccountsPerCsmHigh.ToString(CultureInfo.InvariantCulture),
                N(r.ArrPerCsmMid, "N0"), N(r.OverloadShare, "P0")]).ToList()),
        new("5 changes against the previous model", ["parameter", "old", "new", "change"],
            (calibrated?.Changes ?? []).Select(c => (IReadOnlyList<string>)[c.Path, Maybe(c.Old), Maybe(c.New), c.ChangePercent is { } p ? N(p / 100, "P1") : ""]).ToList(),
            calibrated is null ? "no new model version: the fit is outside the model file's bounds" : $"new model version {calibrated.Model.Version}"),
    ];

    private static string Maybe(double? value) => value is { } v ? N(v) : "";
}
