namespace CapacityAnalytics.Pipeline.Running;

/// <summary>A small table a stage leaves for the run summary (open alerts, calibration results), already formatted.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Footer = null);
