namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Calibration settings. A touchpoint's planned frequency and minutes are replaced by the observed ones only when it
/// was seen over at least <see cref="MinimumAccountMonths"/> account-months and <see cref="MinimumTouches"/> touches.
/// </summary>
public sealed record CalibrationOptions
{
    public GlmOptions Glm { get; init; } = GlmOptions.Default;
    public BootstrapOptions Bootstrap { get; init; } = new();
    public int WorstAccounts { get; init; } = 10;
    public int SimulatedMonths { get; init; } = BookSizeRecommender.DefaultSimulatedMonths;
    public int BookSeed { get; init; } = 20260402;
    public double MinimumAccountMonths { get; init; } = 60;
    public double MinimumTouches { get; init; } = 30;

    public static CalibrationOptions Default { get; } = new();
}
