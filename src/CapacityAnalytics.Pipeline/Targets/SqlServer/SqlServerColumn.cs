namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>One column of a published table as SQL Server receives it.</summary>
/// <param name="Name">Column name, as in the warehouse.</param>
/// <param name="DuckDbType">Its DuckDB type (information_schema.columns.data_type).</param>
/// <param name="SqlType">The T-SQL type of the target column.</param>
/// <param name="Value">How a DuckDB value becomes a value SqlBulkCopy writes into that type.</param>
public sealed record SqlServerColumn(string Name, string DuckDbType, string SqlType, ValueKind Value);

/// <summary>The .NET value a column carries to SqlBulkCopy; see <see cref="BulkValues.Convert"/>.</summary>
public enum ValueKind
{
    /// <summary>Passed through as read (text, integers, doubles, booleans).</summary>
    AsIs,
    /// <summary>A wide or unsigned integer carried as decimal (for decimal(p,0)).</summary>
    WholeNumeric,
    /// <summary>A small or unsigned integer carried as short (for smallint).</summary>
    SmallintValue,
    /// <summary>An unsigned integer carried as int (for int).</summary>
    IntValue,
    /// <summary>An unsigned integer carried as long (for bigint).</summary>
    BigintValue,
    /// <summary>A DATE carried as DateTime at midnight.</summary>
    Date,
    /// <summary>A TIMESTAMP carried as an unspecified-kind DateTime.</summary>
    Timestamp,
    /// <summary>A TIMESTAMP WITH TIME ZONE carried as a DateTimeOffset at offset zero.</summary>
    InstantWithOffset,
    /// <summary>A TIMESTAMP WITH TIME ZONE carried as its UTC DateTime (Fabric's datetime2).</summary>
    InstantAsUtc,
    /// <summary>A TIME carried as TimeSpan.</summary>
    Time,
}
