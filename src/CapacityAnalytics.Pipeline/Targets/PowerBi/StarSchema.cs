using CapacityAnalytics.Pipeline.SqlModels;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// The star's relationships: every <c>relationships</c> test of a mart YAML that points at a dimension, plus the
/// keys the YAMLs leave untested (date keys, the capacity tables' segment). Kept only when both ends exist.
/// </summary>
public static class StarSchema
{
    private static readonly Relationship[] Known =
    [
        new("fct_activity", "account_id", "dim_account", "account_id"),
        new("fct_activity", "csm_id", "dim_csm", "csm_id"),
        new("fct_activity", "activity_date", "dim_date", "date_day"),
        new("fct_account_month", "account_id", "dim_account", "account_id"),
        new("fct_account_month", "segment", "dim_segment", "segment"),
        new("fct_account_health", "account_id", "dim_account", "account_id"),
        new("fct_csm_week", "csm_id", "dim_csm", "csm_id"),
        new("fct_csm_week", "week_start", "dim_date", "date_day"),
        new("fct_indicator_rollup", "week_start", "dim_date", "date_day"),
        new("capacity_planned", "segment", "dim_segment", "segment"),
        new("capacity_touchpoint", "segment", "dim_segment", "segment"),
        new("capacity_calibrated", "segment", "dim_segment", "segment"),
        new("capacity_fit_quality", "segment", "dim_segment", "segment"),
        new("capacity_recommendation", "segment", "dim_segment", "segment"),
        new("capacity_headcount_plan", "segment", "dim_segment", "segment"),
        new("capacity_scenario", "segment", "dim_segment", "segment"),
    ];

    public static IReadOnlyList<Relationship> Relationships(IReadOnlyList<SemanticTable> tables, IEnumerable<SqlModelSpec> specs)
    {
        var declared = specs.SelectMany(spec => spec.Tests
            .Where(t => t.Kind == "relationships" && t.To is { } to && to.StartsWith("dim_", StringComparison.Ordinal))
            .Select(t => new Relationship(spec.Name, t.Columns[0], t.To!, t.Field!)));
        var model = new SemanticModel(tables, [], []);
        // One relationship per fact and dimension: Power BI allows only one active path between two tables.
        return [.. declared.Concat(Known)
            .Where(r => model.HasColumn(r.FromTable, r.FromColumn) && model.HasColumn(r.ToTable, r.ToColumn))
            .DistinctBy(r => (r.FromTable, r.ToTable))
            .OrderBy(r => r.FromTable, StringComparer.Ordinal)
            .ThenBy(r => r.ToTable, StringComparer.Ordinal)];
    }
}
