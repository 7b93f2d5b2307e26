namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Coverage lane of a segment. Dedicated: the account sits in a named CSM's book and its points load that CSM.
/// Pooled: a pool of CSMs serves the segment; its hours count toward the pool's headcount and each pooled CSM carries
/// an equal share of the pool's points. Digital: no named CSM hours; a small digital-program cost per account-month.
/// </summary>
public enum Lane
{
    Dedicated,
    Pooled,
    Digital,
}

public static class Lanes
{
    public static Lane Parse(string lane) => lane switch
    {
        "dedicated" => Lane.Dedicated,
        "pooled" => Lane.Pooled,
        "digital" => Lane.Digital,
        _ => throw new ArgumentException($"Unknown lane '{lane}' (dedicated/pooled/digital).", nameof(lane)),
    };

    public static string Name(Lane lane) => lane switch
    {
        Lane.Dedicated => "dedicated",
        Lane.Pooled => "pooled",
        _ => "digital",
    };

    /// <summary>CSM hours an account of this lane takes per month, given its planned hours.</summary>
    public static double CsmHours(Lane lane, double plannedHours) => lane == Lane.Digital ? 0 : plannedHours;
}
