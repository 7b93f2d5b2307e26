namespace CapacityAnalytics.Pipeline.Presets;

/// <summary>Quoting helpers for SQL the preset engine writes.</summary>
internal static class SqlText
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
