namespace CapacityAnalytics.Core.Capacity.Backtest;

/// <summary>What an out-of-time backtest found: predictions against what happened, and how the parameters drifted.</summary>
public sealed record BacktestResult(IReadOnlyList<CapacityBacktestRow> Rows, IReadOnlyList<CapacityDriftRow> Drift)
{
    /// <summary>The levels predictions are summed at, finest first.</summary>
    public static readonly IReadOnlyList<string> Levels = ["csm", "segment", "company"];

    /// <summary>Error summary of one model over rows of one level (null figures where the model made no prediction).</summary>
    public BacktestSummary Summary(string level, Func<CapacityBacktestRow, double?> predicted)
    {
        var rows = Rows.Where(r => r.Level == level && predicted(r) is not null && r.ObservedHours > 0).ToList();
        if (rows.Count == 0) return new BacktestSummary(level, 0, null, null, null);
        var errors = rows.Select(r => predicted(r)!.Value - r.ObservedHours).ToList();
        return new BacktestSummary(
            level,
            rows.Count,
            rows.Zip(errors).Average(p => Math.Abs(p.Second) / p.First.ObservedHours),
            errors.Average(),
            errors.Average(Math.Abs));
    }

    /// <summary>Share of rows of a level whose observed hours fell inside the calibrated model's 90% range.</summary>
    public double? Coverage(string level)
    {
        var rows = Rows.Where(r => r.Level == level).ToList();
        return rows.Count == 0 ? null : rows.Count(r => r.InRange) / (double)rows.Count;
    }
}

/// <summary>Mean absolute percentage error, bias (mean of predicted - observed) and mean absolute error, in hours.</summary>
public sealed record BacktestSummary(string Level, int Predictions, double? Mape, double? Bias, double? MeanAbsoluteError);
