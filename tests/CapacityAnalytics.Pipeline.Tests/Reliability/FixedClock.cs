namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>A run's clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
