namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>One page of the HTML dashboard: its file, its audience and the template script that draws it.</summary>
public sealed record DashboardPage(string Id, string FileName, string Title, string Audience, Func<WarehouseQueries, Dictionary<string, object?>> Data)
{
    public static readonly IReadOnlyList<DashboardPage> All =
    [
        new("book-health", "index.html", "Book health", "CS operations", BookHealthData.Build),
        new("early-warning", "early-warning.html", "Early warning", "CS leaders", EarlyWarningData.Build),
        new("calibration", "calibration.html", "Calibration", "Analysts", CalibrationData.Build),
        new("planning", "planning.html", "Planning", "CS leaders", PlanningData.Build),
    ];
}
