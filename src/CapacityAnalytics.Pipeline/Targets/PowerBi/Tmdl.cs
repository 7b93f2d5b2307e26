using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>TMDL spelling rules: names, references, lineage tags and data types.</summary>
public static partial class Tmdl
{
    /// <summary>A name as TMDL writes it: bare when it is a plain identifier, else in single quotes with <c>'</c> doubled.</summary>
    public static string Name(string name) =>
        PlainName().IsMatch(name) ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A column reference <c>table.column</c>, each part quoted as needed.</summary>
    public static string ColumnRef(string table, string column) => Name(table) + "." + Name(column);

    /// <summary>A GUID-shaped tag derived from the object's path, so a re-run writes the same tag.</summary>
    public static string LineageTag(params string[] path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", path)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (name-based) layout, little-endian field order
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>The TMDL dataType for a DuckDB column type.</summary>
    public static string DataType(string duckDbType)
    {
        var type = duckDbType.ToUpperInvariant();
        if (type is "VARCHAR" or "UUID" || type.StartsWith("ENUM", StringComparison.Ordinal)) return "string";
        if (type is "BOOLEAN") return "boolean";
        if (type is "DATE" || type.StartsWith("TIMESTAMP", StringComparison.Ordinal)) return "dateTime";
        if (type is "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "UBIGINT" or "UINTEGER" or "USMALLINT" or "UTINYINT") return "int64";
        if (type.StartsWith("DECIMAL", StringComparison.Ordinal)) return "decimal";
        return "double"; // DOUBLE, FLOAT, HUGEINT (wider than int64; Parquet stores it as a double)
    }

    /// <summary>A format string for columns whose default display misleads (dates, ARR, shares).</summary>
    public static string? ColumnFormat(string column, string dataType) => dataType switch
    {
        "dateTime" => "yyyy-mm-dd",
        "double" when column.Contains("arr", StringComparison.Ordinal) && !column.Contains("share", StringComparison.Ordinal) && !column.Contains("coverage", StringComparison.Ordinal) && !column.EndsWith("nrr", StringComparison.Ordinal) => "\\$#,0",
        "double" when column.EndsWith("share", StringComparison.Ordinal) || column.StartsWith("coverage", StringComparison.Ordinal) || column.Contains("_coverage", StringComparison.Ordinal) || column.EndsWith("nrr", StringComparison.Ordinal) || column.EndsWith("rate", StringComparison.Ordinal) || column is "utilization" or "qbr_completion" => "0.0%",
        "int64" => "0",
        _ => null,
    };

    /// <summary>The M expression of a text value: in double quotes, <c>"</c> doubled.</summary>
    public static string MText(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
