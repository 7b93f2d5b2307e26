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

        // And the run is in the warehouse's run log, finished ok (what `capacity history` lists)
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={Path.Combine(output, "capacity.duckdb")};ACCESS_MODE=READ_ONLY");
        connection.Open();
        Assert.Equal("ok", Assert.Single(CapacityAnalytics.Pipeline.Running.RunLog.Recent(connection, 10)).Status);
    }

    [Fact]
    public void Stages_runs_only_the_stages_named_in_the_pipeline_order_and_an_unknown_stage_is_refused()
    {
        var extracts = Path.Combine(_dir, "company");
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("sample", "--out", extracts, "--accounts", "40", "--csms", "3", "--months", "6", "--seed", "5").Exit);
        var output = Path.Combine(_dir, "out");

        // a daily run: calibration left to its quarterly job, the stages given out of order
        var (exit, text) = CliHarness.Run("run", "--extracts", extracts, "--out", output, "--stages", "publish,ingest", "--stages", "transform");

        Assert.True(exit == ExitCodes.Ok, text);
        foreach (var stage in new[] { "ingest", "transform", "publish" }) Assert.Contains("✓ " + stage, text, StringComparison.Ordinal);
        Assert.DoesNotContain("✓ calibrate", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("✓ ingest", StringComparison.Ordinal) < text.IndexOf("✓ transform", StringComparison.Ordinal));
        Assert.True(text.IndexOf("✓ transform", StringComparison.Ordinal) < text.IndexOf("✓ publish", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "parquet", "current", "manifest.json")));
        Assert.DoesNotContain("\"capacity_calibrated\"", File.ReadAllText(Path.Combine(output, "parquet", "current", "manifest.json")), StringComparison.Ordinal);

        var (bad, message) = CliHarness.Run("run", "--extracts", extracts, "--out", output, "--stages", "ingest,calibrat");
        Assert.NotEqual(ExitCodes.Ok, bad);
        Assert.Contains("--stages: unknown stage 'calibrat'; use a comma-separated list of ingest, transform, calibrate, publish.", message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
