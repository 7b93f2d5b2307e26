namespace CapacityAnalytics.Core.Capacity;

/// <summary>A fitted log-link GLM: coefficients on the log scale, the weighted deviance and how IRLS ended.</summary>
public sealed record GlmFit(IReadOnlyList<double> Coefficients, double Deviance, int Iterations, bool Converged);
