namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// The page template, styles, scripts (<c>reports/dashboard/templates/</c>) and the chart library (ECharts from npm,
/// <c>reports/dashboard/node_modules</c>), embedded into this assembly at build time so the pages need no network.
/// </summary>
public static class DashboardAssets
{
    private const string Prefix = "CapacityAnalytics.Dashboard.";

    public static string Template => Read("page.html");
    public static string Styles => Read("dashboard.css");
    public static string CommonScript => Read("dashboard.js");
    public static string ChartLibrary => Read("echarts.min.js");

    /// <summary>Where the one shared copy of the chart library goes, relative to the pages.</summary>
    public const string ChartLibraryPath = "assets/echarts.min.js";

    public static string PageScript(DashboardPage page) => Read(page.Id + ".js");

    public static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Dashboard asset {name} is missing from the build (reports/dashboard).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
