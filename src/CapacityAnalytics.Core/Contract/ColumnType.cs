namespace CapacityAnalytics.Core.Contract;

/// <summary>The logical type of a contract column; ingest maps each to a DuckDB type and a validation rule.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Decimal,
    Boolean,
    Date,
    Timestamp,
}
