namespace CapacityAnalytics.Core.Capacity;

/// <summary>What the capacity points of one account depend on, at one point in time.</summary>
public sealed record AccountProfile(
    string AccountId,
    string Segment,
    double Arr,
    int Complexity = 3,
    int? Stakeholders = null,
    bool Onboarding = false,
    bool ExpansionActive = false,
    bool AtRisk = false);
