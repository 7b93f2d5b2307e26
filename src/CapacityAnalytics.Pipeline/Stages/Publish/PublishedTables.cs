using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>One table of the published star schema (docs/published-tables.md).</summary>
/// <param name="Name">Stable published name.</param>
/// <param name="OrderBy">Columns that order its rows, so the same data gives the same bytes.</param>
/// <param name="PartitionBy">For large facts: an expression whose values become partition folders (<c>year=2025/</c>).</param>
/// <param name="FileBy">With <paramref name="PartitionBy"/>: an expression whose values split each folder into files (<see cref="SqlModelPublish.FileBy"/>).</param>
public sealed record PublishedTable(string Name, string OrderBy = "all", string? PartitionBy = null, string? FileBy = null)
{
    /// <summary>
    /// The expression whose values are the table's units, each written (and compared) whole: the file's value when
    /// <see cref="FileBy"/> splits the folders into files (<c>2025-03</c>), else the folder's (<c>2025</c>); null for a
    /// table written as one file. One expression, not the pair: grouping the rows by it is part of every publish.
    /// </summary>
    public string? Unit => PartitionBy is null ? null : FileBy ?? PartitionBy;

    /// <summary>The YAML that declares the table (grain, column descriptions), when it came from the SQL layer.</summary>
    public SqlModelSpec? Spec { get; init; }

    /// <summary>What the warehouse table holds (rows, fingerprints), read once per publish for every target; null until then.</summary>
    public TableContent? Content { get; init; }
}

/// <summary>
/// The published star schema as the SQL layer declares it: every mart whose YAML says <c>publish:</c>, and the tables
/// a stage writes that are declared by a YAML alone (<c>sql/calibration/</c>, <c>sql/run/</c>).
/// </summary>
public static class PublishedTables
{
    /// <summary>The tables with what the warehouse's <c>main</c> tables hold (<see cref="TableFingerprint"/>, by <see cref="PublishedTable.Unit"/>), read in one query where not read yet.</summary>
    public static IReadOnlyList<PublishedTable> WithContent(DuckDBConnection connection, IReadOnlyList<PublishedTable> tables)
    {
        var missing = tables.Where(t => t.Content is null).ToList();
        if (missing.Count == 0) return tables;
        var contents = TableFingerprint.OfTables(connection, "main", missing.Select(t => (t.Name, t.Unit)));
        return [.. tables.Select(t => t.Content is null && contents.TryGetValue(t.Name, out var content) ? t with { Content = content } : t)];
    }

    public static IReadOnlyList<PublishedTable> For(string sqlDirectory) =>
        [.. SqlModelCatalog.Published(sqlDirectory).Select(s => new PublishedTable(s.Name, s.Publish!.OrderBy, s.Publish.PartitionBy, s.Publish.FileBy) { Spec = s })];
}
