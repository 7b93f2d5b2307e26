namespace CapacityAnalytics.Core.Capacity;

/// <summary>One parameter that differs between two model versions. Null: absent in that version. Change % null when old is 0 or absent.</summary>
public sealed record ParameterChange(string Path, double? Old, double? New, double? ChangePercent);
