namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>
/// A current customer as planning reads it at as_of: owner, segment, the lane it is served in now (its owner's role,
/// else its segment's lane), the time equation's drivers, renewal, and observed behaviour over the last complete months
/// (mean customer hours and tickets per month; null without such months), at risk and gone dark.
/// </summary>
public sealed record PlanningAccount(
    string AccountId,
    string? OwnerId,
    string Segment,
    string CurrentLane,
    double Arr,
    int Complexity,
    int? Stakeholders,
    bool Onboarding,
    bool ExpansionActive,
    DateOnly? RenewalDate,
    double? ObservedHoursPerMonth = null,
    double? TicketsPerMonth = null,
    bool AtRisk = false,
    bool GoneDark = false);

/// <summary>An active CSM (on the roster, started, not left at as_of): lane (role) and weekly hours x FTE.</summary>
public sealed record PlanningCsm(string CsmId, string Lane, double WeeklyHours);
