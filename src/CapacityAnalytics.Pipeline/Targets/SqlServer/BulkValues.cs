using System.Globalization;
using System.Numerics;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Turns a value as DuckDB.NET reads it into the .NET type SqlBulkCopy writes into the mapped T-SQL type.</summary>
public static class BulkValues
{
    public static object Convert(object value, ValueKind kind) => value is DBNull ? value : kind switch
    {
        ValueKind.AsIs => value,
        ValueKind.WholeNumeric => value switch
        {
            BigInteger big => (decimal)big,
            _ => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        },
        ValueKind.SmallintValue => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
        ValueKind.IntValue => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        ValueKind.BigintValue => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ValueKind.Date => value switch
        {
            DateOnly date => date.ToDateTime(TimeOnly.MinValue),
            DateTime dateTime => dateTime.Date,
            _ => value,
        },
        ValueKind.Timestamp => value switch
        {
            DateTime dateTime => DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified),
            _ => value,
        },
        ValueKind.InstantWithOffset => value switch
        {
            DateTimeOffset offset => offset.ToUniversalTime(),
            DateTime dateTime => new DateTimeOffset(AsUtc(dateTime)),
            _ => value,
        },
        ValueKind.InstantAsUtc => value switch
        {
            DateTimeOffset offset => offset.UtcDateTime,
            DateTime dateTime => AsUtc(dateTime),
            _ => value,
        },
        ValueKind.Time => value switch
        {
            TimeOnly time => time.ToTimeSpan(),
            _ => value,
        },
        _ => value,
    };

    // DuckDB.NET reads a TIMESTAMPTZ as a DateTime; an unspecified kind is the instant in UTC.
    private static DateTime AsUtc(DateTime dateTime) => dateTime.Kind switch
    {
        DateTimeKind.Local => dateTime.ToUniversalTime(),
        _ => DateTime.SpecifyKind(dateTime, DateTimeKind.Utc),
    };
}
