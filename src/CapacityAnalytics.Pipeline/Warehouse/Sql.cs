using System.Globalization;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>Quoting for SQL text built by the pipeline: identifiers that come from files, and literal values.</summary>
public static class Sql
{
    /// <summary>A double-quoted identifier; embedded double quotes are doubled.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal; embedded single quotes are doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A numeric literal in invariant culture.</summary>
    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
