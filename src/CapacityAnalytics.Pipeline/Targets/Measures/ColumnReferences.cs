using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>The columns an expression reads: <c>table[column]</c> in DAX, bare identifiers in a DuckDB aggregate.</summary>
public static partial class ColumnReferences
{
    private static readonly HashSet<string> SqlWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "null", "true", "false", "case", "when", "then", "else", "end", "as", "where",
        "filter", "distinct", "in", "between", "like", "cast", "double", "integer", "bigint", "varchar", "date", "interval",
    };

    /// <summary>(table, column) pairs written <c>table[column]</c> or <c>'table name'[column]</c>.</summary>
    public static IReadOnlyList<(string Table, string Column)> Dax(string dax) =>
        [.. DaxColumn().Matches(WithoutDaxStrings(dax))
            .Select(m => (Unquote(m.Groups["table"].Value), m.Groups["column"].Value))
            .Distinct()];

    /// <summary>Tables a DAX expression names, with or without a column.</summary>
    public static IReadOnlyList<string> DaxTables(string dax, IEnumerable<string> knownTables)
    {
        var text = WithoutDaxStrings(dax);
        return [.. knownTables.Where(t => Regex.IsMatch(text, $@"(?<![\w'])'?{Regex.Escape(t)}'?(?![\w])", RegexOptions.None, TimeSpan.FromSeconds(1)))];
    }

    /// <summary>Column identifiers of a SQL expression: no literals, function names or keywords.</summary>
    public static IReadOnlyList<string> Sql(string sql)
    {
        var text = SqlString().Replace(sql, " ");
        return [.. SqlIdentifier().Matches(text)
            .Where(m => !m.Groups["call"].Success)
            .Select(m => m.Groups["name"].Value.Trim('"'))
            .Where(name => !SqlWords.Contains(name))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string WithoutDaxStrings(string dax) => DaxString().Replace(dax, "\"\"");

    private static string Unquote(string table) =>
        table.StartsWith('\'') ? table[1..^1].Replace("''", "'", StringComparison.Ordinal) : table;

    [GeneratedRegex(@"(?<table>'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)\[(?<column>[^\]]+)\]")]
    private static partial Regex DaxColumn();

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex DaxString();

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex SqlString();

    [GeneratedRegex(@"(?<![\w.])(?<name>[A-Za-z_][A-Za-z0-9_]*|""[^""]+"")(?<call>\s*\()?")]
    private static partial Regex SqlIdentifier();
}
