namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// One row of <c>capacity_scenario</c>: a scenario's (or "baseline") CSM headcount for a segment (or "total"), the
/// accounts and ARR per CSM it implies (null in the digital lane), and the change in headcount against the baseline.
/// </summary>
public sealed record CapacityScenarioRow(
    string Scenario,
    string Segment,
    string Lane,
    double Accounts,
    double Arr,
    double Headcount,
    double? AccountsPerCsm,
    double? ArrPerCsm,
    double HeadcountDelta,
    double DigitalProgramFte);
