namespace CapacityAnalytics.Bench.Tests;

public sealed class BenchScalingTests
{
    private static readonly ProfileResult S = BenchFixtures.Result(BenchProfile.Small, 10 * BenchFixtures.Mb, 1_000_000, [4, 3, 2, 1], 2);
    private static readonly ProfileResult M = BenchFixtures.Result(BenchProfile.Medium, 100 * BenchFixtures.Mb, 10_000_000, [40, 30, 20, 10], 10);
    private static readonly ProfileResult L = BenchFixtures.Result(BenchProfile.Large, 400 * BenchFixtures.Mb, 100_000_000, [400, 300, 200, 100], 50);

    [Fact]
    public void One_profile_has_no_scaling()
    {
        Assert.Empty(BenchScaling.Compute([S]));
    }

    [Fact]
    public void Two_profiles_give_one_step()
    {
        var step = Assert.Single(BenchScaling.Compute([S, M]));

        Assert.Equal(("S", "M"), (step.From, step.To));
        Assert.Equal(10, step.InputBytesRatio, 9);
        Assert.Equal(10, step.InputRowsRatio, 9);
        Assert.Equal(10, step.PipelineTimeRatio, 9);
        Assert.Equal(5, step.FloorTimeRatio, 9);
        Assert.Equal(1, step.Exponent, 9);
    }

    [Fact]
    public void Three_profiles_give_consecutive_steps_and_first_to_last()
    {
        var steps = BenchScaling.Compute([S, M, L]);

        Assert.Equal(["S -> M", "M -> L", "S -> L"], steps.Select(s => $"{s.From} -> {s.To}"));
        Assert.Equal(4, steps[1].InputBytesRatio, 9);
        Assert.Equal(100, steps[2].PipelineTimeRatio, 9);
        Assert.Equal(25, steps[2].FloorTimeRatio, 9);
    }

    [Fact]
    public void Exponent_is_log_time_ratio_over_log_rows_ratio()
    {
        var quadratic = new ScalingStep("S", "M", 10, 10, 100, 10);
        var flat = new ScalingStep("S", "M", 10, 10, 1, 10);
        var sameSize = new ScalingStep("S", "M", 1, 1, 2, 1);

        Assert.Equal(2, quadratic.Exponent, 9);
        Assert.Equal(0, flat.Exponent, 9);
        Assert.True(double.IsNaN(sameSize.Exponent));
    }

    [Fact]
    public void A_daily_run_without_calibration_is_set_against_the_full_runs_same_stages()
    {
        // S's full run: ingest 4, transform 3, calibrate 2, publish 1 s; without calibrate 8 s.
        // The daily run: ingest 0.5, transform 1, publish 0.5 s = 2 s; 2 / 8 = 0.25 (not 2 / 10).
        var daily = BenchFixtures.WithIncremental(S, [0.5, 1, 0.5], 371, "appended 3 new files", ["ingest", "transform", "publish"]);

        Assert.Equal(8, daily.FullSecondsOfIncrementalStages, 9);
        Assert.Equal(0.25, daily.IncrementalRatio, 9);
        Assert.True(double.IsNaN(daily.IncrementalStageRatio("calibrate")));
    }

    [Fact]
    public void Incremental_ratios_are_the_second_runs_seconds_over_the_full_runs()
    {
        // S's full run: 4, 3, 2, 1 s (10 s). Incremental 2, 3, 1, 2 s (8 s): 2 / 4, 3 / 3, 1 / 2, 2 / 1 and 8 / 10.
        var incremental = BenchFixtures.WithIncremental(S, [2, 3, 1, 2], 371, "appended 3 new files");

        Assert.Equal(0.8, incremental.IncrementalRatio, 9);
        Assert.Equal([0.5, 1, 0.5, 2], new[] { "ingest", "transform", "calibrate", "publish" }.Select(incremental.IncrementalStageRatio));
        Assert.True(incremental.Incremental!.Appended);
        Assert.True(double.IsNaN(incremental.IncrementalStageRatio("floor")));
        Assert.True(double.IsNaN(S.IncrementalRatio));
        Assert.True(double.IsNaN(S.IncrementalStageRatio("ingest")));
    }

    [Fact]
    public void Ratios_to_floor_use_the_floor_total()
    {
        Assert.Equal(5, S.TotalRatio, 9);
        Assert.Equal(2, S.IngestRatio, 9);
        Assert.True(double.IsNaN(ProfileResult.Ratio(1, 0)));
    }
}
