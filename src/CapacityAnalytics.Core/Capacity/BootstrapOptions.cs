namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Bootstrap: repetitions, the seed, the percentile range, how many fits run at once, and whether whole CSMs are drawn
/// before their accounts (<paramref name="ByCsm"/>; false draws accounts alone, which ignores that a CSM's accounts move
/// together and gives ranges too narrow when they do).
/// </summary>
public sealed record BootstrapOptions(int Reps = 200, int Seed = 20260401, double LowPercentile = 5, double HighPercentile = 95, int Parallelism = 2,
    bool ByCsm = true);
