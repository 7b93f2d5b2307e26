using System.Globalization;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// The SQL that types and checks one contract column, generated from its <see cref="ColumnSpec"/>: the canonical
/// text forms (docs/input-contract.md) are matched first, so DuckDB's own, looser casts (<c>'1.5'</c> to 2, <c>'0x10'</c>, epoch
/// numbers) never let a non-canonical value through.
/// </summary>
public static class ColumnRules
{
    private const string IntegerPattern = "[+-]?[0-9]+";
    private const string DecimalPattern = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";
    private const string DatePattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    private const string TimestampPattern =
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? ?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?";

    private static readonly string[] TrueWords = ["true", "1", "yes"];
    private static readonly string[] FalseWords = ["false", "0", "no"];

    /// <summary>The cell as text: trimmed, empty as NULL, the column's default when empty.</summary>
    public static string Value(ColumnSpec column, string? sourceColumn)
    {
        var cell = sourceColumn is null ? "null::varchar" : $"nullif(trim({Sql.Identifier(sourceColumn)}), '')";
        return column.Default is null ? cell : $"coalesce({cell}, {Sql.Literal(column.Default)})";
    }

    /// <summary>The typed value of a text expression, NULL when the text is not in the canonical form.</summary>
    public static string Typed(ColumnSpec column, string value) => column.Type switch
    {
        ColumnType.Text when column.AllowedValues is { Count: > 0 } => $"lower({value})",
        ColumnType.Text => value,
        ColumnType.Integer => Matching(value, IntegerPattern, "bigint"),
        ColumnType.Decimal => Matching(value, DecimalPattern, "double"),
        ColumnType.Date => Matching(value, DatePattern, "date"),
        // The pattern allows a lower-case t and z (RFC 3339 does); DuckDB's cast reads only upper case.
        ColumnType.Timestamp => Matching(value, TimestampPattern, "timestamptz", $"upper({value})"),
        ColumnType.Boolean =>
            $"case when lower({value}) in ({Words(TrueWords)}) then true when lower({value}) in ({Words(FalseWords)}) then false end",
        _ => throw new InvalidOperationException($"Unknown column type {column.Type}"),
    };

    /// <summary>The reason a cell is bad, or NULL; given the text value and the typed value expressions.</summary>
    /// <param name="entity">The column's entity, for the plausible window of its dates.</param>
    /// <param name="window">When given, dates and timestamps outside it are rejected.</param>
    public static string Reason(ColumnSpec column, string value, string typed, EntitySpec? entity = null, PlausibleWindow? window = null)
    {
        var checks = new List<string>();
        if (column.Required)
        {
            checks.Add($"when {value} is null then 'required value is empty'");
        }
        checks.Add($"when {value} is null then null");
        checks.Add($"when {typed} is null then {Sql.Literal(TypeProblem(column))}");
        if (column.AllowedValues is { Count: > 0 } allowed)
        {
            checks.Add($"when {typed} not in ({Words(allowed)}) then {Sql.Literal("not one of " + string.Join("/", allowed))}");
        }
        if (column.Min is { } min)
        {
            checks.Add($"when {typed} < {Sql.Literal(min)} then {Sql.Literal(string.Create(CultureInfo.InvariantCulture, $"below the minimum {min}"))}");
        }
        if (column.Max is { } max)
        {
            checks.Add($"when {typed} > {Sql.Literal(max)} then {Sql.Literal(string.Create(CultureInfo.InvariantCulture, $"above the maximum {max}"))}");
        }
        if (entity is not null && window?.Bounds(entity, column) is { } bounds)
        {
            checks.Add($"when {typed} < {bounds.Low} then {Sql.Literal(bounds.LowReason)}");
            checks.Add($"when {typed} > {bounds.High} then {Sql.Literal(bounds.HighReason)}");
        }
        return "case " + string.Join(" ", checks) + " end";
    }

    private static string TypeProblem(ColumnSpec column) => column.Type switch
    {
        ColumnType.Integer => "not an integer",
        ColumnType.Decimal => "not a decimal number (use . as decimal point)",
        ColumnType.Boolean => "not a boolean (true/false/1/0/yes/no)",
        ColumnType.Date => "not a date (YYYY-MM-DD)",
        ColumnType.Timestamp => "not an ISO-8601 timestamp (YYYY-MM-DDTHH:MM:SS with Z, an offset, or none for the pipeline timezone)",
        _ => "not valid",
    };

    private static string Matching(string value, string pattern, string type, string? cast = null) =>
        $"case when regexp_full_match({value}, {Sql.Literal(pattern)}) then try_cast({cast ?? value} as {type}) end";

    private static string Words(IEnumerable<string> words) => string.Join(", ", words.Select(Sql.Literal));
}
