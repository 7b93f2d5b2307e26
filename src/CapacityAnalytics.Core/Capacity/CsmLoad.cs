namespace CapacityAnalytics.Core.Capacity;

/// <summary>A CSM's book in points against the points threshold.</summary>
public sealed record CsmLoad(double Points, double Threshold)
{
    public double LoadRatio => Points / Threshold;
    public double Headroom => Threshold - Points;
    public bool Overloaded => Points > Threshold;

    /// <summary>A dedicated CSM: the sum of the book's account points.</summary>
    public static CsmLoad OfBook(IEnumerable<double> accountPoints, double threshold) => new(accountPoints.Sum(), threshold);

    /// <summary>A member of a pool: an equal share of the pool's points.</summary>
    public static CsmLoad OfPoolMember(IEnumerable<double> poolPoints, int poolSize, double threshold)
    {
        if (poolSize <= 0) throw new ArgumentOutOfRangeException(nameof(poolSize), "A pool needs at least one CSM.");
        return new CsmLoad(poolPoints.Sum() / poolSize, threshold);
    }
}
