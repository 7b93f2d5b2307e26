namespace CapacityAnalytics.Pipeline.Stages.Transform;

/// <summary>An open early-warning alert as the CLI prints it (a row of fct_early_warning).</summary>
public sealed record OpenAlert(
    string AlertId,
    string Family,
    string Level,
    string Key,
    string Indicator,
    DateOnly BreachStartedWeek,
    DateOnly OpenedWeek,
    DateOnly? LastWeek,
    long WeeksOpen,
    double? BaselineValue,
    double? ThresholdValue,
    double CurrentValue,
    double ExposedArr,
    long RenewalsInHorizon,
    double RenewalArrInHorizon,
    string? LikelyCause,
    string NextStep)
{
    /// <summary>
    /// How far off: a decline's drop relative to its frozen baseline (0.25 = a quarter below it); an overload's excess
    /// over its threshold (0.4 = 40% above capacity).
    /// </summary>
    public double Severity => Family == "overload"
        ? ThresholdValue is { } t && t != 0 ? (CurrentValue - t) / t : 0
        : BaselineValue is { } b && b != 0 ? (b - CurrentValue) / Math.Abs(b) : 0;
}
