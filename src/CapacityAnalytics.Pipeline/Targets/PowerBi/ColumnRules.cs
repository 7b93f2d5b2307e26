using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// How a published column behaves in Power BI when someone drags it into a visual. Ratios and shares are never summed
/// (a measure computes them); a weekly table's book figures are snapshots, which summed across weeks count every
/// account once a week, so they do not sum either; keys a relationship uses are hidden on the fact side.
/// </summary>
public static partial class ColumnRules
{
    /// <summary>Columns of a weekly grain that add up across weeks: hours, and counts of things that happened that week.</summary>
    private static readonly string[] FlowsPerWeek = ["proactive_touches", "tickets_created", "escalations", "expansion_opps_opened", "expansion_meetings"];

    [GeneratedRegex("(share|utilization|coverage|rate|nrr|completion|pseudo_r2|per_account|per_csm|uplift|multiplier|trend|ratio|_sd|mae|rmse|_mean|^planned$|^estimate$|^low$|^high$|probability|score|change|_days$|days_since)")]
    private static partial Regex NotAdditive();

    /// <summary>The <c>summarizeBy</c> of a column: <c>sum</c> only for additive numbers.</summary>
    public static string SummarizeBy(SemanticTable table, SemanticColumn column, string dataType)
    {
        if (dataType is not ("double" or "decimal" or "int64")) return "none";
        if (column.Name.EndsWith("_id", StringComparison.Ordinal) || NotAdditive().IsMatch(column.Name)) return "none";
        var weekly = table.Column("week_start") is not null;
        if (weekly && !column.Name.EndsWith("_hours", StringComparison.Ordinal) && !FlowsPerWeek.Contains(column.Name)) return "none";
        return "sum";
    }

    /// <summary>Whether the column only serves a relationship from a fact to a dimension (then hidden from report authors).</summary>
    public static bool IsHiddenKey(SemanticModel model, string table, string column) =>
        model.Relationships.Any(r => r.FromTable == table && r.FromColumn == column && column.EndsWith("_id", StringComparison.Ordinal));
}
