namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>One table of the published star schema (docs/published-tables.md).</summary>
/// <param name="Name">Stable published name.</param>
/// <param name="OrderBy">Columns that order its rows, so the same data gives the same bytes.</param>
/// <param name="PartitionBy">For large facts: an expression whose values become partition folders (<c>year=2025/</c>).</param>
public sealed record PublishedTable(string Name, string OrderBy = "all", string? PartitionBy = null);

/// <summary>The published star schema: names every publisher writes, in one place.</summary>
public static class PublishedTables
{
    public static readonly IReadOnlyList<PublishedTable> All =
    [
        new("dim_account", "account_id"),
        new("dim_csm", "csm_id"),
        new("dim_date"),
        new("dim_segment"),
        new("fct_activity", "activity_id", PartitionBy: "year(activity_date)"),
        new("fct_account_month"),
        new("fct_csm_week"),
        new("fct_account_health"),
        new("fct_early_warning"),
        new("fct_alert_backtest"),
        new("fct_indicator_rollup"),
        new("capacity_planned"),
        new("capacity_touchpoint"),
        new("capacity_calibrated"),
        new("capacity_fit_quality"),
        new("capacity_recommendation"),
        new("capacity_headcount_plan"),
        new("capacity_scenario"),
        new("pipeline_run", "started"),
    ];
}
