namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Quoting for the T-SQL this folder generates: names are bracketed, text literals are N'...'.</summary>
public static class TSql
{
    /// <summary><c>[name]</c>, with <c>]</c> doubled so any name (spaces, brackets) stays one identifier.</summary>
    public static string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary><c>[schema].[table]</c>.</summary>
    public static string Name(string schema, string table) => Quote(schema) + "." + Quote(table);

    public static string Literal(string text) => "N'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
