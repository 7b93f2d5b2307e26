namespace CapacityAnalytics.Core.Capacity;

/// <summary>Bootstrap over accounts: repetitions, the seed, the percentile range and how many fits run at once.</summary>
public sealed record BootstrapOptions(int Reps = 200, int Seed = 20260401, double LowPercentile = 5, double HighPercentile = 95, int Parallelism = 2);
