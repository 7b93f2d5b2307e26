namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// IRLS settings. Tweedie power 1 is Poisson quasi-likelihood; in (1, 2) a compound Poisson-gamma, which has a mass at
/// zero and suits the many zero months of small accounts. Convergence: relative deviance change below the tolerance.
/// </summary>
public sealed record GlmOptions(double TweediePower = 1.5, int MaxIterations = 50, double Tolerance = 1e-10, int MaxStepHalvings = 30)
{
    public static GlmOptions Default { get; } = new();
}
