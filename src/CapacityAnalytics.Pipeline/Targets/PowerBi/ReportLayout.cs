namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>How a visual reads a field: a column as is, a column averaged, or a measure of the catalog.</summary>
public enum ReportFieldKind
{
    Column,
    Average,
    Measure,
}

/// <summary>
/// A field a visual shows. A measure is named only (its home table comes from the semantic model); a column names
/// its table.
/// </summary>
public sealed record ReportField(ReportFieldKind Kind, string Table, string Name)
{
    public static ReportField Column(string table, string column) => new(ReportFieldKind.Column, table, column);

    public static ReportField Average(string table, string column) => new(ReportFieldKind.Average, table, column);

    public static ReportField Measure(string name) => new(ReportFieldKind.Measure, "", name);
}

/// <summary>The fields of one data role of a visual (Category, Y, Series, Values).</summary>
public sealed record ReportRole(string Name, IReadOnlyList<ReportField> Fields);

/// <summary>A visual-level filter keeping the rows whose <paramref name="Column"/> equals <paramref name="Value"/>.</summary>
public sealed record ReportFilter(string Table, string Column, string Value);

/// <summary>
/// A cell range of the page grid: <see cref="ReportLayout.Columns"/> columns by <see cref="ReportLayout.Rows"/>
/// rows on a 1280 x 720 page, a gutter between cells. Pixel positions follow from the grid, so they are whole numbers.
/// </summary>
public sealed record GridBox(int Column, int Row, int ColumnSpan, int RowSpan)
{
    public int X => ReportLayout.Margin + (Column * ReportLayout.ColumnPitch);

    public int Y => ReportLayout.Margin + (Row * ReportLayout.RowPitch);

    public int Width => (ColumnSpan * ReportLayout.ColumnPitch) - ReportLayout.Gutter;

    public int Height => (RowSpan * ReportLayout.RowPitch) - ReportLayout.Gutter;

    public bool Overlaps(GridBox other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
}

/// <summary>A visual: its name (unique in the report, also its folder), Power BI visual type, title, cell and fields.</summary>
public sealed record ReportVisual(string Name, string Type, string Title, GridBox Box, IReadOnlyList<ReportRole> Roles, ReportFilter? Filter = null)
{
    public IEnumerable<ReportField> Fields => Roles.SelectMany(r => r.Fields);
}

/// <summary>A report page: its name (also its folder), the tab's title, its visuals in tab order.</summary>
public sealed record ReportPage(string Name, string DisplayName, IReadOnlyList<ReportVisual> Visuals);

/// <summary>
/// The report's pages: the HTML dashboard's (reports/dashboard/templates) - Book health, Early warning, Calibration,
/// Planning - and Model accuracy (the backtest and the parameters' drift). Declared once here; <see cref="For"/> keeps what a given semantic model can show.
/// </summary>
public static class ReportLayout
{
    public const int PageWidth = 1280;
    public const int PageHeight = 720;
    public const int Columns = 24;
    public const int Rows = 8;
    public const int Margin = 16;
    public const int Gutter = 8;
    public const int ColumnPitch = (PageWidth - (2 * Margin)) / Columns; // 52
    public const int RowPitch = (PageHeight - (2 * Margin)) / Rows; // 86

    public const string Slicer = "slicer";
    public const string Card = "card";
    public const string BarChart = "clusteredBarChart";
    public const string ColumnChart = "clusteredColumnChart";
    public const string LineChart = "lineChart";
    public const string Table = "tableEx";

    /// <summary>Every page as declared, before any field is checked against a model.</summary>
    public static IReadOnlyList<ReportPage> Pages { get; } = [BookHealth(), EarlyWarning(), Calibration(), ModelAccuracy(), Planning(), Hiring()];

    /// <summary>
    /// The pages <paramref name="model"/> can show: a field whose table, column or measure the model lacks is left out,
    /// a visual left without a field in some role (or whose filter column is missing) is left out, and so is a page
    /// left with slicers only (the Calibration page of a run without the calibrate stage).
    /// </summary>
    public static IReadOnlyList<ReportPage> For(SemanticModel model)
    {
        var pages = new List<ReportPage>();
        foreach (var page in Pages)
        {
            var visuals = new List<ReportVisual>();
            foreach (var visual in page.Visuals)
            {
                var roles = visual.Roles
                    .Select(r => r with { Fields = [.. r.Fields.Select(f => Resolve(model, f)).OfType<ReportField>()] })
                    .ToList();
                if (roles.Any(r => r.Fields.Count == 0)) continue;
                if (visual.Filter is { } filter && !model.HasColumn(filter.Table, filter.Column)) continue;
                visuals.Add(visual with { Roles = roles });
            }
            if (visuals.Any(v => v.Type != Slicer)) pages.Add(page with { Visuals = visuals });
        }
        return pages;
    }

    /// <summary>The field as the model has it (a measure with its home table), or null when the model lacks it.</summary>
    public static ReportField? Resolve(SemanticModel model, ReportField field) => field.Kind switch
    {
        ReportFieldKind.Measure => model.Measures.FirstOrDefault(m => string.Equals(m.Name, field.Name, StringComparison.Ordinal)) is { } measure
            ? field with { Table = measure.Table }
            : null,
        _ => model.HasColumn(field.Table, field.Name) ? field : null,
    };

    private static ReportField M(string name) => ReportField.Measure(name);

    private static ReportField C(string table, string column) => ReportField.Column(table, column);

    private static IEnumerable<ReportField> ColumnsOf(string table, params string[] columns) => columns.Select(c => C(table, c));

    private static ReportRole Role(string name, params ReportField[] fields) => new(name, fields);

    private static ReportVisual Visual(string name, string type, string title, GridBox box, params ReportRole[] roles) =>
        new(name, type, title, box, roles);

    private static ReportVisual SlicerOn(string name, string title, GridBox box, string table, string column) =>
        Visual(name, Slicer, title, box, Role("Values", C(table, column)));

    private static ReportVisual CardOf(string name, string measure, GridBox box) =>
        Visual(name, Card, measure, box, Role("Values", M(measure)));

    /// <summary>Team, segment, CSM and week slicers across the top row (Book health and Early warning).</summary>
    private static IEnumerable<ReportVisual> Slicers(string prefix) =>
    [
        SlicerOn(prefix + "_slicer_team", "Team", new GridBox(0, 0, 6, 1), "dim_csm", "team"),
        SlicerOn(prefix + "_slicer_segment", "Segment", new GridBox(6, 0, 6, 1), "dim_account", "segment"),
        SlicerOn(prefix + "_slicer_csm", "CSM", new GridBox(12, 0, 6, 1), "dim_csm", "csm_name"),
        SlicerOn(prefix + "_slicer_week", "Week", new GridBox(18, 0, 6, 1), "dim_date", "date_day"),
    ];

    private static ReportPage BookHealth()
    {
        string[] cards = ["Book ARR", "Customer Hours", "Proactive Share", "Capacity Utilization", "Coverage 30d", "Accounts Gone Dark", "ARR at Risk", "Renewals in 90 Days"];
        var visuals = Slicers("book").ToList();
        visuals.AddRange(cards.Select((measure, i) => CardOf("book_card_" + Slug(measure), measure, new GridBox(3 * i, 1, 3, 1))));
        visuals.Add(Visual("book_load_vs_capacity", BarChart, "Load vs capacity per CSM", new GridBox(0, 2, 8, 3),
            Role("Category", C("dim_csm", "csm_name")), Role("Y", M("Customer Hours"), M("Customer Capacity Hours"))));
        visuals.Add(Visual("book_proactive_share_trend", LineChart, "Proactive share trend", new GridBox(8, 2, 8, 3),
            Role("Category", C("fct_csm_week", "week_start")), Role("Y", M("Proactive Share")), Role("Series", C("dim_csm", "team"))));
        visuals.Add(Visual("book_gone_dark", BarChart, "Accounts gone dark / at risk per CSM", new GridBox(16, 2, 8, 3),
            Role("Category", C("dim_csm", "csm_name")), Role("Y", M("Accounts Gone Dark"), M("Accounts at Risk"))));
        visuals.Add(Visual("book_renewals_90d", ColumnChart, "Renewals in 90 days", new GridBox(0, 5, 8, 3),
            Role("Category", C("fct_account_health", "next_renewal_date")), Role("Y", M("Renewals in 90 Days"), M("Renewal ARR in 90 Days"))));
        visuals.Add(Visual("book_per_csm", Table, "Book per CSM", new GridBox(8, 5, 16, 3),
            Role("Values", C("dim_csm", "csm_name"), C("dim_csm", "team"), M("Book Accounts"), M("Book ARR"), M("Onboarding Accounts"),
                M("Capacity Utilization"), M("Proactive Share"), M("Coverage 30d"), M("Accounts Gone Dark"), M("ARR at Risk"))));
        return new ReportPage("book_health", "Book health", visuals);
    }

    private static ReportPage EarlyWarning()
    {
        string[] cards = ["Open Decline Alerts", "Open Overload Alerts", "Flagged CSMs", "Exposed ARR", "Exposed Renewals", "Closed Alerts"];
        var visuals = Slicers("ew").ToList();
        visuals.AddRange(cards.Select((measure, i) => CardOf("ew_card_" + Slug(measure), measure, new GridBox(4 * i, 1, 4, 1))));
        visuals.Add(Visual("ew_open_alerts", Table, "Open alerts", new GridBox(0, 2, 24, 3),
            Role("Values", [.. ColumnsOf("fct_early_warning", "family", "level", "key", "indicator", "breach_started_week", "weeks_open", "baseline_value", "current_value", "exposed_arr", "likely_cause", "next_step")])) with
        { Filter = new ReportFilter("fct_early_warning", "status", "open") });
        visuals.Add(Visual("ew_team_proactive_share", LineChart, "Proactive share by team", new GridBox(0, 5, 12, 3),
            Role("Category", C("fct_indicator_rollup", "week_start")), Role("Y", ReportField.Average("fct_indicator_rollup", "proactive_share")),
            Role("Series", C("fct_indicator_rollup", "key"))) with
        { Filter = new ReportFilter("fct_indicator_rollup", "level", "team") });
        visuals.Add(Visual("ew_backtest", ColumnChart, "Backtest: flagged vs unflagged books", new GridBox(12, 5, 12, 3),
            Role("Category", C("fct_alert_backtest", "indicator")),
            Role("Y", M("Flagged NRR"), M("Unflagged NRR"), M("Flagged Renewal Rate"), M("Unflagged Renewal Rate"))));
        return new ReportPage("early_warning", "Early warning", visuals);
    }

    private static ReportPage Calibration()
    {
        string[] cards = ["Headcount Now", "Headcount Now (Calibrated)", "Forward Headcount", "Forward Headcount (Calibrated)", "Fit Pseudo R2"];
        List<ReportVisual> visuals = [SlicerOn("cal_slicer_segment", "Segment", new GridBox(0, 0, 4, 1), "dim_segment", "segment")];
        visuals.AddRange(cards.Select((measure, i) => CardOf("cal_card_" + Slug(measure), measure, new GridBox(4 + (4 * i), 0, 4, 1))));
        visuals.Add(Visual("cal_touchpoint_hours", BarChart, "Planned vs observed hours by touchpoint type", new GridBox(0, 1, 12, 4),
            Role("Category", C("capacity_touchpoint", "type")), Role("Y", M("Planned Touchpoint Hours"), M("Observed Touchpoint Hours"))));
        visuals.Add(Visual("cal_fitted_parameters", Table, "Fitted parameters", new GridBox(12, 1, 12, 4),
            Role("Values", [.. ColumnsOf("capacity_calibrated", "parameter", "segment", "planned", "estimate", "low", "high")])));
        visuals.Add(Visual("cal_recommended_books", Table, "Recommended books per CSM", new GridBox(0, 5, 12, 3),
            Role("Values", C("capacity_recommendation", "segment"), M("Recommended Accounts per CSM Low"), M("Recommended Accounts per CSM"),
                M("Recommended Accounts per CSM High"), M("Recommended ARR per CSM"))));
        visuals.Add(Visual("cal_scenarios", Table, "Scenarios", new GridBox(12, 5, 12, 3),
            Role("Values", C("capacity_scenario", "scenario"), C("capacity_scenario", "segment"), M("Scenario Headcount"), M("Scenario Headcount Delta"))));
        return new ReportPage("calibration", "Calibration", visuals);
    }

    /// <summary>How right the model was: the out-of-time backtest against the planned and naive baselines, and drift.</summary>
    private static ReportPage ModelAccuracy()
    {
        string[] cards = ["Backtest MAPE", "Backtest MAPE Planned", "Backtest MAPE Naive", "Backtest Range Coverage", "Parameters Moved Beyond Range"];
        var visuals = cards.Select((measure, i) => CardOf("acc_card_" + Slug(measure), measure, new GridBox(i * 24 / cards.Length, 0, 24 / cards.Length, 1))).ToList();
        visuals.Add(Visual("acc_company_by_quarter", ColumnChart, "Company hours per quarter: observed vs predicted before it", new GridBox(0, 1, 12, 3),
            Role("Category", C("capacity_backtest", "quarter_start")), Role("Y", M("Backtest Observed Hours"), M("Backtest Predicted Hours"))) with
        { Filter = new ReportFilter("capacity_backtest", "level", "company") });
        visuals.Add(Visual("acc_drift", LineChart, "Fitted parameters by quarter (drift)", new GridBox(12, 1, 12, 3),
            Role("Category", C("capacity_drift", "fitted_before")), Role("Y", ReportField.Average("capacity_drift", "estimate")),
            Role("Series", C("capacity_drift", "parameter"))));
        visuals.Add(Visual("acc_csm_quarters", Table, "Each CSM-quarter: observed, predicted with its 90% range, planned and naive", new GridBox(0, 4, 24, 4),
            Role("Values", [.. ColumnsOf("capacity_backtest", "quarter_start", "key", "observed_hours", "predicted_hours", "low", "high", "in_range", "planned_hours", "naive_hours")])) with
        { Filter = new ReportFilter("capacity_backtest", "level", "csm") });
        return new ReportPage("model_accuracy", "Model accuracy", visuals);
    }

    /// <summary>
    /// Planning, as the dashboard's planning page: load per CSM before and after the proposed rebalancing, the moves,
    /// the capacity lane changes free or need, and the accounts recommended another lane. The hiring plan has a page of
    /// its own (<see cref="Hiring"/>).
    /// </summary>
    private static ReportPage Planning()
    {
        string[] cards = ["CSMs Out of Band Before", "CSMs Out of Band After", "Proposed Moves", "Hours Moved", "Accounts Changing Lane", "Lane FTE Change"];
        List<ReportVisual> visuals = [SlicerOn("plan_slicer_team", "Team", new GridBox(0, 0, 6, 1), "dim_csm", "team")];
        visuals.AddRange(cards.Select((measure, i) => CardOf("plan_card_" + Slug(measure), measure, new GridBox(6 + (3 * i), 0, 3, 1))));
        visuals.Add(Visual("plan_load_before_after", ColumnChart, "Load per CSM before and after the proposed moves (band: rebalance.band_low-band_high)", new GridBox(0, 1, 14, 4),
            Role("Category", C("dim_csm", "csm_name")), Role("Y", M("Load Before"), M("Load After"))));
        visuals.Add(Visual("plan_lane_capacity", ColumnChart, "Hours per month freed (-) or needed (+) by lane", new GridBox(14, 1, 10, 4),
            Role("Category", C("capacity_lane_summary", "lane")), Role("Y", M("Lane Hours Change"))));
        visuals.Add(Visual("plan_moves", Table, "Proposed moves", new GridBox(0, 5, 12, 3),
            Role("Values", [.. ColumnsOf("capacity_rebalance", "account_id", "from_csm_id", "to_csm_id", "lane", "hours_moved", "protection", "reason")])));
        visuals.Add(Visual("plan_lane_recommendations", Table, "Lane recommendations", new GridBox(12, 5, 12, 3),
            Role("Values", [.. ColumnsOf("capacity_lane_recommendation", "account_id", "current_lane", "recommended_lane", "reasons", "hours_change")])));
        return new ReportPage("planning", "Planning", visuals);
    }

    /// <summary>
    /// Hiring, as the hiring section of the dashboard's planning page: per segment, the hours the book needs month by
    /// month against today's CSMs, the month capacity runs out and the month a requisition must open.
    /// </summary>
    private static ReportPage Hiring()
    {
        string[] cards = ["Requisitions to Open Now", "Hires Within Horizon"];
        List<ReportVisual> visuals = [SlicerOn("hire_slicer_segment", "Segment", new GridBox(0, 0, 6, 1), "dim_segment", "segment")];
        visuals.AddRange(cards.Select((measure, i) => CardOf("hire_card_" + Slug(measure), measure, new GridBox(6 + (4 * i), 0, 4, 1))));
        visuals.Add(Visual("hire_projection", LineChart, "Hours the book needs against today's capacity", new GridBox(0, 1, 24, 4),
            Role("Category", C("capacity_hiring_projection", "month")), Role("Y", M("Projected Hours Needed"), M("Projected Capacity Hours"))));
        visuals.Add(Visual("hire_plan", Table, "When to hire, by segment", new GridBox(0, 5, 24, 3),
            Role("Values", [.. ColumnsOf("capacity_hiring_plan", "segment", "lane", "headcount_now", "hours_needed_month", "capacity_hours_month",
                "runs_out_month", "requisition_month", "lead_time_months", "hires_within_horizon", "status")])));
        return new ReportPage("hiring", "Hiring", visuals);
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
