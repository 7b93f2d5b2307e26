namespace CapacityAnalytics.Core.Capacity;

/// <summary>Percentile ranges of every parameter, and the replicate fits that did not converge.</summary>
public sealed record BootstrapResult(IReadOnlyList<ParameterRange> Ranges, int Reps, int NotConverged)
{
    public ParameterRange this[string name] => Ranges.Single(r => r.Name == name);
}
