namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// One row of <c>capacity_calibrated</c>: a time-equation parameter, its fitted estimate with the bootstrap range,
/// and the planned model's value (base hours: the catalog's steady-state hours; drivers: the model file's).
/// </summary>
public sealed record CapacityCalibratedRow(string Parameter, double Estimate, double Low, double High, double PlannedValue);
