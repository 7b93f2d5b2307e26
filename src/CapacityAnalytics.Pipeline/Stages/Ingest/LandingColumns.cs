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

    public static string TableFor(string entity) => "land_" + entity;

    public static bool IsReserved(string name) =>
        name is File or Line or FileOrder || name.StartsWith("_ingest", StringComparison.Ordinal);
}
