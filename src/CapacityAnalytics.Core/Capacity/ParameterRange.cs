namespace CapacityAnalytics.Core.Capacity;

/// <summary>A fitted parameter with its bootstrap percentile range.</summary>
public sealed record ParameterRange(string Name, double Estimate, double Low, double High);
