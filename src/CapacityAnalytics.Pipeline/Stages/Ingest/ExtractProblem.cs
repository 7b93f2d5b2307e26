namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>One problem of an extract: where (file, line, column), the value, and why.</summary>
public sealed record ExtractProblem(string? Entity, string File, long? Line, string? Column, string? Value, string Reason);
