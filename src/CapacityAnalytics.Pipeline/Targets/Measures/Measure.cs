namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>One measure of <c>reports/measures.yaml</c>: the same figure as a DuckDB aggregate and as DAX.</summary>
/// <param name="Name">Display name, e.g. "Proactive Share".</param>
/// <param name="Table">Home table: the SQL aggregates over it and the Power BI measure lives in it.</param>
/// <param name="Description">What the figure means, shown in Power BI and on the dashboard.</param>
/// <param name="Format">Power BI format string (<c>0.0%</c>, <c>\$#,0</c>, <c>#,0.0</c>).</param>
/// <param name="Sql">Aggregate expression over the home table's columns.</param>
/// <param name="Dax">The same figure in DAX, columns written <c>table[column]</c>.</param>
public sealed record Measure(string Name, string Table, string Description, string Format, string Sql, string Dax)
{
    /// <summary>Which weeks the figure reads, relative to the latest week in the filter (all rows by default).</summary>
    public MeasureWindow Window { get; init; } = MeasureWindow.All;

    /// <summary>The week column a window is measured on.</summary>
    public string Period { get; init; } = "week_start";
}

/// <summary>
/// The weeks a measure reads. Snapshots (a book's accounts, its ARR) are read at one week, never summed across weeks;
/// trends compare the latest week with the one before or with the last four. "Latest" is the latest week in the filter
/// context, per group (per CSM in a table of CSMs), in the dashboard's SQL and in DAX alike.
/// </summary>
public enum MeasureWindow
{
    All,
    LatestWeek,
    PreviousWeek,
    Last4Weeks,
    WeekOverWeek,
}
