using CapacityAnalytics.Pipeline.SqlModels;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// The star's relationships: every table that is not a dimension relates to each dimension whose key it carries
/// (csm_id, account_id, segment, its date column), plus every <c>relationships</c> test of a YAML that points at a
/// dimension. Dimensions do not relate to each other, so no filter has two paths. An alert's <c>key</c> is a CSM id
/// at CSM level, so alerts follow a CSM slicer. Kept only when both ends exist.
/// </summary>
public static class StarSchema
{
    private static readonly (string Column, string Dimension, string Key)[] Conventions =
    [
        ("csm_id", "dim_csm", "csm_id"),
        ("account_id", "dim_account", "account_id"),
        ("segment", "dim_segment", "segment"),
    ];

    /// <summary>The column that places a table's rows in time, first found wins.</summary>
    private static readonly string[] DateColumns = ["activity_date", "week_start", "month_start", "opened_week"];

    private static readonly string[] AlertTables = ["fct_early_warning", "fct_alert_backtest"];

    public static IReadOnlyList<Relationship> Relationships(IReadOnlyList<SemanticTable> tables, IEnumerable<SqlModelSpec> specs)
    {
        var declared = specs.SelectMany(spec => spec.Tests
            .Where(t => t.Kind == "relationships" && t.To is { } to && to.StartsWith("dim_", StringComparison.Ordinal) && !spec.Name.StartsWith("dim_", StringComparison.Ordinal))
            .Select(t => new Relationship(spec.Name, t.Columns[0], t.To!, t.Field!)));
        var conventional = tables
            .Where(t => !t.Name.StartsWith("dim_", StringComparison.Ordinal))
            .SelectMany(t => Conventions.Select(c => new Relationship(t.Name, c.Column, c.Dimension, c.Key))
                .Concat(DateColumns.Where(d => t.Column(d) is not null).Take(1).Select(d => new Relationship(t.Name, d, DateTable.Name, DateTable.Key)))
                .Concat(AlertTables.Contains(t.Name) ? [new Relationship(t.Name, "key", "dim_csm", "csm_id")] : []));
        var model = new SemanticModel(tables, [], []);
        // One relationship per fact and dimension: Power BI allows only one active path between two tables.
        return [.. declared.Concat(conventional)
            .Where(r => model.HasColumn(r.FromTable, r.FromColumn) && model.HasColumn(r.ToTable, r.ToColumn))
            .DistinctBy(r => (r.FromTable, r.ToTable))
            .OrderBy(r => r.FromTable, StringComparer.Ordinal)
            .ThenBy(r => r.ToTable, StringComparer.Ordinal)];
    }
}
