using CapacityAnalytics.Pipeline.SqlModels;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>One table of the published star schema (docs/published-tables.md).</summary>
/// <param name="Name">Stable published name.</param>
/// <param name="OrderBy">Columns that order its rows, so the same data gives the same bytes.</param>
/// <param name="PartitionBy">For large facts: an expression whose values become partition folders (<c>year=2025/</c>).</param>
public sealed record PublishedTable(string Name, string OrderBy = "all", string? PartitionBy = null)
{
    /// <summary>The YAML that declares the table (grain, column descriptions), when it came from the SQL layer.</summary>
    public SqlModelSpec? Spec { get; init; }
}

/// <summary>
/// The published star schema as the SQL layer declares it: every mart whose YAML says <c>publish:</c>, and the tables
/// a stage writes that are declared by a YAML alone (<c>sql/calibration/</c>, <c>sql/run/</c>).
/// </summary>
public static class PublishedTables
{
    public static IReadOnlyList<PublishedTable> For(string sqlDirectory) =>
        [.. SqlModelCatalog.Published(sqlDirectory).Select(s => new PublishedTable(s.Name, s.Publish!.OrderBy, s.Publish.PartitionBy) { Spec = s })];
}
