namespace CapacityAnalytics.Core.Capacity;

/// <summary>A recommended book: the largest account count whose simulated monthly load exceeds capacity in no more than the allowed share of months.</summary>
public sealed record BookSize(int Accounts, double OverloadShare);
