namespace CapacityAnalytics.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-cli-run-").FullName;

    [Fact]
    public void A_run_on_a_small_sample_company_publishes_everything_and_says_where_the_dashboard_is()
    {
        // Given a small generated company
        var extracts = Path.Combine(_dir, "company");
        var (sampleExit, _) = CliHarness.Run("sample", "--out", extracts, "--accounts", "80", "--csms", "4", "--months", "8", "--seed", "3");
        Assert.Equal(ExitCodes.Ok, sampleExit);

        // When the whole pipeline runs over the folder
        var output = Path.Combine(_dir, "out");
        var (exit, text) = CliHarness.Run("run", "--extracts", extracts, "--out", output);

        // Then every stage ran, the warehouse, the Parquet publish and the dashboard exist, and the summary points at them
        Assert.True(exit == ExitCodes.Ok, text);
        foreach (var stage in new[] { "ingest", "transform", "calibrate", "publish" })
        {
            Assert.Contains("✓ " + stage, text, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(output, "capacity.duckdb")));
        Assert.True(File.Exists(Path.Combine(output, "parquet", "current", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(output, "dashboard", "index.html")));
        Assert.Contains("Dashboard", text, StringComparison.Ordinal);
        Assert.Contains("Open early-warning alerts", text, StringComparison.Ordinal);
        // and planning ran on the calibrated equation: its tables are published and its page is there
        Assert.Contains("CSMs out of band before", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "dashboard", "planning.html")));
        var manifest = File.ReadAllText(Path.Combine(output, "parquet", "current", "manifest.json"));
        foreach (var table in new[] { "capacity_rebalance", "capacity_rebalance_load", "capacity_lane_recommendation", "capacity_lane_summary" })
        {
            Assert.Contains($"\"{table}\"", manifest, StringComparison.Ordinal);
        }

        // And the run is in the history
        var (historyExit, _) = CliHarness.Run("history", "--help");
        Assert.Equal(ExitCodes.Ok, historyExit);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
