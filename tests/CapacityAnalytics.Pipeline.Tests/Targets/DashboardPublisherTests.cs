using System.Text.Json;
using System.Text.RegularExpressions;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Dashboard;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public sealed partial class DashboardPublisherTests : IDisposable
{
    private readonly BiWarehouse w = new();
    private readonly TestFiles.TempFolder temp = new();

    private JsonElement Data(string file)
    {
        var html = File.ReadAllText(Path.Combine(temp.Path, file));
        var json = DataBlock().Match(html).Groups[1].Value;
        return JsonDocument.Parse(json).RootElement.GetProperty("data").Clone();
    }

    [Fact]
    public void Writes_three_pages_and_one_shared_chart_library_that_link_to_each_other_and_nothing_else()
    {
        var written = DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);

        Assert.Equal(["index.html", "early-warning.html", "calibration.html", "planning.html"], written);
        Assert.Contains("echarts", File.ReadAllText(Path.Combine(temp.Path, "assets", "echarts.min.js")), StringComparison.Ordinal);
        foreach (var file in written)
        {
            var html = File.ReadAllText(Path.Combine(temp.Path, file));
            // the one script loaded from a file is the shared chart library beside the pages; nothing else is fetched:
            // no other src=, no stylesheet links, no remote URL in markup
            Assert.Equal(["assets/echarts.min.js"], System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]+src=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            Assert.DoesNotMatch(@"<link[^>]+href=", html);
            Assert.Equal(["index.html", "early-warning.html", "calibration.html", "planning.html"], NavLinks().Matches(Nav().Match(html).Value).Select(m => m.Groups[1].Value));
            Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        }
        Assert.False(Directory.EnumerateFiles(temp.Path, "*.tmp").Any());
    }

    [Fact]
    public void The_same_warehouse_gives_the_same_bytes()
    {
        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);
        var first = Directory.GetFiles(temp.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);

        Assert.All(first, f => Assert.Equal(f.Value, File.ReadAllText(Path.Combine(temp.Path, f.Key))));
    }

    [Fact]
    public void A_publish_takes_the_data_of_pages_whose_tables_did_not_change_from_the_folder_and_renders_each_as_a_fresh_render_would()
    {
        // Given a published dashboard
        var root = Path.Combine(temp.Path, "dashboard");
        var publisher = new DashboardPublisher(root);
        Assert.Equal(0, Publish(publisher, "run1").Kept);

        // When the same warehouse is published again, then after a table only the calibration page reads changed
        var same = Publish(publisher, "run2");
        var calibration = File.ReadAllText(Path.Combine(root, "calibration.html"));
        w.Execute("update capacity_touchpoint set observed_minutes = observed_minutes + 1");
        var changed = Publish(publisher, "run3");

        // Then the second publish took the data of all four pages from the folder, the third of all but calibration,
        // which shows the new minutes; every page is what a fresh render of the warehouse gives
        Assert.Equal(4, same.Kept);
        Assert.Equal(3, changed.Kept);
        Assert.NotEqual(calibration, File.ReadAllText(Path.Combine(root, "calibration.html")));
        AssertFreshRender(root);

        // When a table a page only joins in a query changes (book health names its accounts from dim_account), that page
        // is rendered again
        w.Execute("update dim_account set account_name = account_name || ' (renamed)'");
        Assert.Equal(3, Publish(publisher, "run4").Kept);
        Assert.Contains("(renamed)", File.ReadAllText(Path.Combine(root, "index.html")), StringComparison.Ordinal);
        AssertFreshRender(root);

        // When the data in a page was edited by hand, it is read again
        var index = Path.Combine(root, "index.html");
        File.WriteAllText(index, File.ReadAllText(index).Replace("(renamed)", "(edited)", StringComparison.Ordinal));
        Assert.Equal(3, Publish(publisher, "run5").Kept);
        AssertFreshRender(root);

        // When the as-of date moves, a page whose tables did not change keeps its data and shows the new date
        w.Execute("update fct_account_health set as_of = as_of + 1");
        Assert.Equal(3, Publish(publisher, "run6").Kept);
        AssertFreshRender(root);

        // When dim_csm's books change (a daily run moves them), the pages that read it whole are read again (book
        // health, early warning) and planning, which looks up CSM names alone, keeps its data with calibration
        w.Execute("update dim_csm set book_accounts = book_accounts + 1, book_arr = book_arr * 2");
        Assert.Equal(2, Publish(publisher, "run7").Kept);
        AssertFreshRender(root);

        // When a CSM's name changes, planning is read again and shows it
        w.Execute("update dim_csm set csm_name = 'Cy Smyth' where csm_id = 'c3'");
        Assert.Equal(1, Publish(publisher, "run8").Kept);
        Assert.Contains("Cy Smyth", File.ReadAllText(Path.Combine(root, "planning.html")), StringComparison.Ordinal);
        AssertFreshRender(root);
    }

    private PublishResult Publish(DashboardPublisher publisher, string runId)
    {
        using var prepared = publisher.Prepare(TestRunContext.For(w.Connection, runId), w.Tables, CancellationToken.None);
        prepared.Commit();
        prepared.Finish();
        return prepared.Result;
    }

    private void AssertFreshRender(string root)
    {
        var fresh = Path.Combine(temp.Path, "fresh");
        var written = DashboardPublisher.Write(fresh, w.Connection, MeasureCatalog.Default(new CapacityModel()));
        Assert.All(written, page => Assert.Equal(File.ReadAllText(Path.Combine(fresh, page)), File.ReadAllText(Path.Combine(root, page))));
    }

    [Fact]
    public void Text_from_the_data_cannot_become_markup()
    {
        // Given a likely cause and a CSM name holding HTML
        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);
        var html = File.ReadAllText(Path.Combine(temp.Path, "early-warning.html"));
        var book = File.ReadAllText(Path.Combine(temp.Path, "index.html"));

        // Then it is in the page only as escaped JSON, and still reads back as the original text
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", book, StringComparison.Ordinal);
        var alert = Data("early-warning.html").GetProperty("openAlerts").EnumerateArray().Single(a => a.GetProperty("alert_id").GetString() == "e1");
        Assert.Equal("escalations up <script>alert(1)</script>", alert.GetProperty("likely_cause").GetString());
        Assert.Equal("Ben <b>Bold</b>", alert.GetProperty("name").GetString());
    }

    [Fact]
    public void Book_health_figures_come_from_the_measures_catalog()
    {
        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);
        var data = Data("index.html");

        // latest week 2025-02-24; the last 4 weeks are weeks 4..7: c2 proactive 8+7+6+5 = 26 of 26 + 32 hours
        Assert.Equal("2025-02-24", data.GetProperty("latestWeek").GetString());
        var c2 = data.GetProperty("loadByCsm").EnumerateArray().Single(r => r.GetProperty("csm_id").GetString() == "c2");
        Assert.Equal(26.0 / 58.0, c2.GetProperty("Proactive Share").GetDouble(), 9);
        var kpis = data.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("measure").GetString()!, k => k.GetProperty("value").GetDouble());
        Assert.Equal(480000.0, kpis["ARR at Risk"]);
        Assert.Equal(780000.0, kpis["Book ARR"]);
        Assert.Equal(["2025-03", "2025-04", "2025-05"], data.GetProperty("renewalsByMonth").EnumerateArray().Select(r => r.GetProperty("month").GetString()));
    }

    [Fact]
    public void Early_warning_trends_follow_each_open_csm_alert_against_its_baseline()
    {
        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);
        var trend = Assert.Single(Data("early-warning.html").GetProperty("trends").EnumerateArray());

        Assert.Equal("proactive_share", trend.GetProperty("indicator").GetString());
        Assert.Equal(0.58, trend.GetProperty("baseline").GetDouble());
        Assert.Equal(8, trend.GetProperty("points").GetArrayLength());
        Assert.Equal(12.0 / 20.0, trend.GetProperty("points")[0].GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public void Pages_still_render_when_calibration_has_not_run()
    {
        foreach (var table in w.Tables.Where(t => t.Name.StartsWith("capacity_", StringComparison.Ordinal)))
        {
            w.Execute($"drop table {table.Name}");
        }

        DashboardPublisher.Write(temp.Path, w.Connection, w.Catalog);

        Assert.Equal(0, Data("calibration.html").GetProperty("touchpoints").GetArrayLength());
    }

    [GeneratedRegex("""<script type="application/json" id="dashboard-data">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("""<nav>.*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex NavLinks();

    public void Dispose()
    {
        w.Dispose();
        temp.Dispose();
    }
}
