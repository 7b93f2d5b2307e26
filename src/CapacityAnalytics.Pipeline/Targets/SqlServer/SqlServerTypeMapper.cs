using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Maps a DuckDB column type (as information_schema.columns spells it) to the T-SQL type it is published as.</summary>
public static partial class SqlServerTypeMapper
{
    /// <summary>Longest text, in UTF-8 bytes, that still gets a sized column; beyond it, (max).</summary>
    public const int SqlServerTextLimit = 4000;
    public const int FabricTextLimit = 8000;

    /// <param name="dialect">Target engine.</param>
    /// <param name="table">Table name, for the error message.</param>
    /// <param name="column">Column name.</param>
    /// <param name="duckDbType">DuckDB type, e.g. <c>VARCHAR</c>, <c>DECIMAL(18,2)</c>, <c>TIMESTAMP WITH TIME ZONE</c>.</param>
    /// <param name="maxTextBytes">For VARCHAR: the longest value in UTF-8 bytes (null when the column has no values).</param>
    public static SqlServerColumn Map(SqlDialect dialect, string table, string column, string duckDbType, long? maxTextBytes = null)
    {
        var type = duckDbType.Trim().ToUpperInvariant();
        if (DecimalType().Match(type) is { Success: true } decimalMatch)
        {
            return new(column, duckDbType, $"decimal({decimalMatch.Groups[1].Value},{decimalMatch.Groups[2].Value})", ValueKind.AsIs);
        }
        var fabric = dialect == SqlDialect.Fabric;
        (string SqlType, ValueKind Value)? mapped = type switch
        {
            "VARCHAR" => (Text(fabric, maxTextBytes), ValueKind.AsIs),
            "BIGINT" => ("bigint", ValueKind.AsIs),
            "INTEGER" => ("int", ValueKind.AsIs),
            // tinyint is unsigned in T-SQL and absent from Fabric.
            "SMALLINT" or "TINYINT" or "UTINYINT" => ("smallint", ValueKind.SmallintValue),
            "USMALLINT" => ("int", ValueKind.IntValue),
            "UINTEGER" => ("bigint", ValueKind.BigintValue),
            "UBIGINT" => ("decimal(20,0)", ValueKind.WholeNumeric),
            "HUGEINT" => ("decimal(38,0)", ValueKind.WholeNumeric),
            "DOUBLE" => ("float", ValueKind.AsIs),
            "FLOAT" => ("real", ValueKind.AsIs),
            "BOOLEAN" => ("bit", ValueKind.AsIs),
            "DATE" => ("date", ValueKind.Date),
            "TIME" => ("time(6)", ValueKind.Time),
            "TIMESTAMP" => ("datetime2(6)", ValueKind.Timestamp),
            // Fabric has no datetimeoffset: the instant is stored as its UTC wall-clock time.
            "TIMESTAMP WITH TIME ZONE" => fabric ? ("datetime2(6)", ValueKind.InstantAsUtc) : ("datetimeoffset(6)", ValueKind.InstantWithOffset),
            _ => null,
        };
        return mapped is { } m
            ? new(column, duckDbType, m.SqlType, m.Value)
            : throw new CapacityException(
                $"Table {table}, column {column}: DuckDB type {duckDbType} has no SQL Server mapping; cast it in the model "
                + "to VARCHAR, BIGINT, INTEGER, DOUBLE, DECIMAL, BOOLEAN, DATE or TIMESTAMPTZ.");
    }

    // UTF-8 bytes bound the UTF-16 code units nvarchar counts, and are exactly what Fabric's UTF-8 varchar counts.
    private static string Text(bool fabric, long? maxTextBytes)
    {
        var limit = fabric ? FabricTextLimit : SqlServerTextLimit;
        var kind = fabric ? "varchar" : "nvarchar";
        return (maxTextBytes ?? 0) <= limit ? $"{kind}({limit})" : $"{kind}(max)";
    }

    [GeneratedRegex(@"^DECIMAL\((\d+),\s*(\d+)\)$")]
    private static partial Regex DecimalType();
}
