namespace CapacityAnalytics.Pipeline.Stages.Transform;

/// <summary>An open early-warning alert as the CLI prints it (a row of fct_early_warning).</summary>
public sealed record OpenAlert(
    string AlertId,
    string Level,
    string Key,
    string Indicator,
    DateOnly BreachStartedWeek,
    DateOnly OpenedWeek,
    DateOnly LastWeek,
    double BaselineValue,
    double CurrentValue,
    double ExposedArr,
    long RenewalsInHorizon,
    double RenewalArrInHorizon,
    string? LikelyCause)
{
    /// <summary>Drop relative to baseline (0.25 = a quarter below its own baseline).</summary>
    public double RelativeDrop => BaselineValue == 0 ? 0 : (BaselineValue - CurrentValue) / BaselineValue;
}
