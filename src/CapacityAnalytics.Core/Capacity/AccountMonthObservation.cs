namespace CapacityAnalytics.Core.Capacity;

/// <summary>One row of <c>fct_account_month</c> as calibration reads it: observed customer hours and the drivers.</summary>
public sealed record AccountMonthObservation(
    string AccountId,
    string CsmId,
    DateOnly Month,
    string Segment,
    double Hours,
    int Complexity,
    bool Onboarding,
    bool ExpansionActive,
    int? Stakeholders,
    double Arr);
