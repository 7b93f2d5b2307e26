namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// The shape every <c>land_&lt;entity&gt;</c> table shares, whoever writes it (canonical CSV/Parquet or a preset):
/// the canonical column names lower-cased, all VARCHAR, any extra columns, and these bookkeeping columns.
/// </summary>
public static class LandingColumns
{
    /// <summary>The file the row came from, as given.</summary>
    public const string File = "_file";

    /// <summary>1-based physical line where the record starts (header is line 1); for Parquet, the 1-based row.</summary>
    public const string Line = "_line";

    /// <summary>Order of the file among the entity's files (sorted by path; later = newer).</summary>
    public const string FileOrder = "_file_order";

    /// <summary>The bookkeeping columns, in the order every landing shape ends with them.</summary>
    public static readonly IReadOnlyList<string> Bookkeeping = [File, Line, FileOrder];

    public static string TableFor(string entity) => "land_" + entity;

    /// <summary>A column's DuckDB type in the landing shape: the bookkeeping columns' own, VARCHAR for every other.</summary>
    public static string TypeOf(string column) => column switch
    {
        Line => "bigint",
        FileOrder => "integer",
        _ => "varchar",
    };

    /// <summary>A relation of the landing shape with these columns and no rows.</summary>
    public static string Empty(IEnumerable<string> columns) =>
        $"(select {string.Join(", ", columns.Select(c => $"null::{TypeOf(c)} as {Warehouse.Sql.Identifier(c)}"))} where false)";

    public static bool IsReserved(string name) =>
        name is File or Line or FileOrder || name.StartsWith("_ingest", StringComparison.Ordinal);
}
