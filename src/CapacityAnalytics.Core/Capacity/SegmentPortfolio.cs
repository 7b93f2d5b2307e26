namespace CapacityAnalytics.Core.Capacity;

/// <summary>Today's accounts and ARR of one segment (from dim_account).</summary>
public sealed record SegmentPortfolio(string Segment, double Accounts, double Arr)
{
    public double AverageArr => Accounts > 0 ? Arr / Accounts : 0;
}
