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
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ca-dashboard-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowserContext? browser;

    public static TheoryData<string, string[]> Pages => new()
    {
        { "index.html", ["load-vs-capacity", "proactive-share-trend", "gone-dark", "renewals-90d"] },
        { "early-warning.html", ["trend-0", "exposed-arr", "backtest"] },
        { "calibration.html", ["hours-by-segment", "hours-by-touchpoint", "base-hours", "multipliers", "recommended-ratio", "headcount", "scenarios", "backtest", "drift"] },
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

    private void PublishFixtureDashboard()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bi-warehouse.sql"));
            command.ExecuteNonQuery();
        }
        var catalog = MeasureCatalog.LoadDefault().Resolve(new Dictionary<string, double>(StringComparer.Ordinal) { ["customer_facing_share"] = 2.0 / 3.0 });
        DashboardPublisher.Write(Path.Combine(root, "dashboard"), connection, catalog);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
