using CapacityAnalytics.Pipeline.Targets.Dashboard;
using CapacityAnalytics.Pipeline.Targets.Measures;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CapacityAnalytics.Dashboard.Tests;

/// <summary>
/// Opens each published page in headless Chromium from disk and checks that every chart drew its data, the console
/// stayed clean and nothing was requested from outside file://. Screenshots land in the test output folder.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ca-dashboard-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowserContext? browser;

    public static TheoryData<string, string[]> Pages => new()
    {
        { "index.html", ["load-vs-capacity", "proactive-share-trend", "gone-dark", "renewals-90d"] },
        { "early-warning.html", ["trend-0", "exposed-arr", "backtest"] },
        { "calibration.html", ["hours-by-segment", "hours-by-touchpoint", "base-hours", "multipliers", "recommended-ratio", "headcount", "scenarios", "backtest", "drift"] },
        { "planning.html", ["load-before-after", "lane-capacity", "hiring-projection"] },
    };

    public async Task InitializeAsync()
    {
        // A system chromium, else the one an npm package ships: a missing browser is a failure, never a skip.
        var chromium = await HeadlessChromium.LocateAsync();
        output.WriteLine("chromium: " + chromium.Origin);
        PublishFixtureDashboard();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(root, "profile"), new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium.ExecutablePath,
            Env = chromium.Environment,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_draws_every_chart_with_data_offline_and_without_console_errors(string file, string[] charts)
    {
        // Given the page opened from disk, with every request outside file:// refused
        var page = await browser!.NewPageAsync();
        var problems = new List<string>();
        var outside = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.RouteAsync("**", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) { await route.ContinueAsync(); return; }
            outside.Add(route.Request.Url);
            await route.AbortAsync();
        });

        // When it loads and its charts finish rendering
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", file)).AbsoluteUri);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(c => c.getAttribute('data-rendered'))",
            null, new PageWaitForFunctionOptions { Timeout = 15000 });
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", Path.ChangeExtension(file, ".png"));
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        // Then each expected chart drew a canvas with data points
        foreach (var chart in charts)
        {
            var node = page.Locator($"[data-chart='{chart}']");
            Assert.Equal("true", await node.GetAttributeAsync("data-rendered"));
            Assert.True(int.Parse((await node.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{file}: chart {chart} has no points");
            Assert.True(await node.Locator("canvas").CountAsync() > 0, $"{file}: chart {chart} drew no canvas");
        }
        // and tables have rows, no script injected from the data ran, nothing left the machine, the console is clean
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.True(await page.Locator("table tbody tr").CountAsync() > 0, $"{file}: no table rows");
        Assert.Empty(outside);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Text_from_the_data_shows_as_text_not_markup()
    {
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "early-warning.html")).AbsoluteUri);

        var cells = await page.Locator("[data-table='open-alerts'] td").AllTextContentsAsync();

        Assert.Contains("escalations up <script>alert(1)</script>", cells);
        Assert.Contains("Ben <b>Bold</b>", cells);
        Assert.Equal(0, await page.Locator("main b").CountAsync());
    }

    private readonly DuckDBConnection connection = new("DataSource=:memory:");
    private MeasureCatalog? catalog;

    /// <summary>A measure computed in SQL over the fixture warehouse with the filter a page shows.</summary>
    private double SqlMeasure(string measure, string? where) =>
        (double)MeasureQuery.Run(connection, [catalog![measure]], null, where)[0][measure]!;

    /// <summary>The value a page's headline card shows for a measure (its data-value attribute).</summary>
    private static async Task<double> Card(IPage page, string measure) =>
        double.Parse((await page.Locator($".kpi[data-measure='{measure}']").GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("", "true", "true")]
    [InlineData("team=east", "team = 'east'", "team = 'east'")]
    [InlineData("csm=c2", "csm_id = 'c2'", "csm_id = 'c2'")]
    [InlineData("team=west&from=2025-01-06&to=2025-02-03", "team = 'west' and week_start <= date '2025-02-03'", "team = 'west'")]
    public async Task The_book_health_filters_in_the_url_give_the_cards_the_measures_sql_gives(string hash, string weeks, string accounts)
    {
        // Given the book-health page opened with a filter in its URL
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "index.html")).AbsoluteUri + (hash.Length > 0 ? "#" + hash : ""));
        await page.WaitForFunctionAsync("() => document.querySelector(\".kpi[data-measure='Capacity Utilization']\") !== null");

        // Then each card equals the catalog measure computed in SQL with the same filter: the four weeks up to the
        // last week in view for hours, the latest week in view for the book, the accounts at the as-of date
        var to = hash.Contains("to=", StringComparison.Ordinal) ? "2025-02-03" : "2025-02-24";
        var window = $"{weeks} and week_start > date '{to}' - interval 28 day";
        Assert.Equal(SqlMeasure("Capacity Utilization", window), await Card(page, "Capacity Utilization"), 9);
        Assert.Equal(SqlMeasure("Proactive Share", window), await Card(page, "Proactive Share"), 9);
        Assert.Equal(SqlMeasure("Customer Hours", window), await Card(page, "Customer Hours"), 9);
        Assert.Equal(SqlMeasure("Customers", accounts), await Card(page, "Customers"), 9);
        Assert.Equal(SqlMeasure("Accounts Gone Dark", accounts), await Card(page, "Accounts Gone Dark"), 9);
        Assert.Equal(SqlMeasure("ARR at Risk", accounts), await Card(page, "ARR at Risk"), 9);
    }

    [Theory]
    [InlineData("", "true")]
    [InlineData("team=east", "(level = 'csm' and key in (select csm_id from dim_csm where team = 'east')) or (level = 'team' and key = 'east')")]
    [InlineData("csm=c2", "level = 'csm' and key = 'c2'")]
    [InlineData("team=west", "(level = 'csm' and key in (select csm_id from dim_csm where team = 'west')) or (level = 'team' and key = 'west')")]
    public async Task The_early_warning_filters_give_the_cards_the_measures_sql_gives(string hash, string alerts)
    {
        // Given the early-warning page opened with a filter in its URL
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "early-warning.html")).AbsoluteUri + (hash.Length > 0 ? "#" + hash : ""));
        await page.WaitForFunctionAsync("() => document.querySelector(\".kpi[data-measure='Open Alerts']\") !== null");

        // Then the open alerts, and the ARR and renewals they expose (each book once), equal the measures in SQL
        Assert.Equal(SqlMeasure("Open Alerts", alerts), await Card(page, "Open Alerts"), 9);
        Assert.Equal(SqlMeasure("Exposed ARR", alerts), await Card(page, "Exposed ARR"), 9);
        Assert.Equal(SqlMeasure("Exposed Renewals", alerts), await Card(page, "Exposed Renewals"), 9);
        Assert.Equal((int)SqlMeasure("Open Alerts", alerts), await page.Locator("[data-table='open-alerts'] tbody tr").CountAsync());
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("segment=enterprise", "segment = 'enterprise'")]
    [InlineData("segment=mid_market", "segment = 'mid_market'")]
    public async Task The_calibration_segment_filter_gives_the_cards_the_measures_sql_gives(string hash, string? segment)
    {
        // Given the calibration page opened for one segment (or all)
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "calibration.html")).AbsoluteUri + (hash.Length > 0 ? "#" + hash : ""));
        await page.WaitForFunctionAsync("() => document.querySelector(\".kpi[data-measure='Headcount Now']\") !== null");

        // Then headcount and planned vs observed hours equal the measures in SQL for that segment
        Assert.Equal(SqlMeasure("Headcount Now", segment), await Card(page, "Headcount Now"), 9);
        Assert.Equal(SqlMeasure("Headcount Now (Calibrated)", segment), await Card(page, "Headcount Now (Calibrated)"), 9);
        Assert.Equal(SqlMeasure("Observed vs Planned Hours", segment), await Card(page, "Observed vs Planned Hours"), 9);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("lane=dedicated", "lane = 'dedicated'", "current_lane = 'dedicated'")]
    [InlineData("lane=pooled", "lane = 'pooled'", "current_lane = 'pooled'")]
    public async Task The_planning_lane_filter_gives_the_cards_the_measures_sql_gives(string hash, string? lane, string? currentLane)
    {
        // Given the planning page opened for one lane (or all)
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "planning.html")).AbsoluteUri + (hash.Length > 0 ? "#" + hash : ""));
        await page.WaitForFunctionAsync("() => document.querySelector(\".kpi[data-measure='CSMs Out of Band After']\") !== null");

        // Then the cards equal the measures in SQL for that lane (fixture: 3 out before, 1 after, one move of 20 h; the
        // smb segment's requisition opens now, enterprise's by 2025-02: 1 now, 2 hires within the horizon)
        foreach (var measure in new[] { "CSMs Out of Band Before", "CSMs Out of Band After", "Proposed Moves", "Hours Moved", "Lane FTE Change",
            "Requisitions to Open Now", "Hires Within Horizon" })
        {
            Assert.Equal(SqlMeasure(measure, lane), await Card(page, measure), 9);
        }
        Assert.Equal(SqlMeasure("Accounts Changing Lane", currentLane), await Card(page, "Accounts Changing Lane"), 9);
        // and the moves table lists the lane's moves
        Assert.Equal((int)SqlMeasure("Proposed Moves", lane), await page.Locator("[data-table='moves'] tbody tr").CountAsync());
        // and the hiring table lists the lane's segments (enterprise is dedicated, smb pooled)
        Assert.Equal(lane is null ? 2 : 1, await page.Locator("[data-table='hiring-plan'] tbody tr").CountAsync());
    }

    [Fact]
    public async Task Choosing_a_csm_in_the_filter_puts_the_filter_in_the_url_and_drills_down_to_their_accounts()
    {
        // Given the book-health page, When the CSM filter is set to c1
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(root, "dashboard", "index.html")).AbsoluteUri);
        await page.Locator("[data-filter='csm']").SelectOptionAsync("c1");
        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-drill='c1']\") !== null");

        // Then the URL says so, and the drill-down lists c1's accounts: as many, and the same ARR, as SQL finds
        Assert.Contains("csm=c1", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator("[data-table='csm-accounts'] tbody tr").CountAsync();
        Assert.Equal(SqlMeasure("Customers", "csm_id = 'c1'"), rows);
        var arr = await page.Locator("[data-table='csm-accounts'] tbody td[data-value]").EvaluateAllAsync<double[]>("cells => cells.map(c => Number(c.getAttribute('data-value')))");
        using var command = connection.CreateCommand();
        command.CommandText = "select sum(arr) from fct_account_health where csm_id = 'c1'";
        Assert.Equal(Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), arr.Sum(), 6);
    }

    public void Dispose() => connection.Dispose();

    private void PublishFixtureDashboard()
    {
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bi-warehouse.sql"));
            command.ExecuteNonQuery();
        }
        catalog = MeasureCatalog.LoadDefault().Resolve(new Dictionary<string, double>(StringComparer.Ordinal) { ["customer_facing_share"] = 2.0 / 3.0 });
        DashboardPublisher.Write(Path.Combine(root, "dashboard"), connection, catalog);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
