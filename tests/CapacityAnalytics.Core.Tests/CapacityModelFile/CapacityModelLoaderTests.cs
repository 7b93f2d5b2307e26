using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.CapacityModelFile;

public class CapacityModelLoaderTests
{
    private static string RepoFile(string relative) => Capacity.TestModels.RepoFile(relative);

    [Fact]
    public void The_shipped_model_file_loads_and_classifies_every_canonical_type()
    {
        // Given the model file in pipelines/
        // When it is loaded
        var model = CapacityModelLoader.LoadFile(RepoFile("pipelines/capacity-model.yaml"));

        // Then its bands, catalog and rules are read
        Assert.Equal(3, model.Segments.Count);
        Assert.Equal("enterprise", model.SegmentFor(50_000).Name);
        Assert.Equal("mid_market", model.SegmentFor(49_999.99).Name);
        Assert.Equal("smb", model.SegmentFor(0).Name);
        Assert.Equal(60, model.ActivityTypes["qbr"].PrepMinutes);
        Assert.Equal(10, model.ActivityTypes["email"].MinutesFor("smb"));
        Assert.Equal("reactive", model.ActivityTypes["email"].InboundClass);
        Assert.Equal(2, model.EarlyWarning.Rules.Count);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_naming_the_file_and_line()
    {
        // Given a model file with a typo on line 3
        var yaml = "version: 1\neffective_date: 2026-01-01\navailable_hour:\n  weekly_hours: 40\n";

        // When it is loaded
        var ex = Assert.Throws<ModelFileException>(() => CapacityModelLoader.Load(new StringReader(yaml), "model.yaml"));

        // Then the message names file and line
        Assert.StartsWith("model.yaml:3:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Segment_bands_with_a_gap_are_rejected_naming_the_key()
    {
        var text = File.ReadAllText(RepoFile("pipelines/capacity-model.yaml"))
            .Replace("    min_arr: 10000\n", "    min_arr: 12000\n", StringComparison.Ordinal);

        var ex = Assert.Throws<ModelFileException>(() => CapacityModelLoader.Load(new StringReader(text), "m.yaml"));

        Assert.Contains("segments.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("min_arr", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  recovery_weeks: 3 ", "  recovery_weeks: 0 ", "early_warning.recovery_weeks")]
    [InlineData("  recovery_band: 0.5 ", "  recovery_band: 1.5 ", "early_warning.recovery_band")]
    [InlineData("    min_weeks: 3", "    min_weeks: 5", "early_warning.overload.min_weeks")]
    [InlineData("    utilization_above: 1.0 ", "    utilization_above: 0 ", "early_warning.overload.utilization_above")]
    [InlineData("  ramp_months: 3 ", "  ramp_months: 3\n  lead_time_months: 5 ", "hiring.lead_time_months")]
    [InlineData("  horizon_months: 24 ", "  horizon_months: 0 ", "hiring.horizon_months")]
    [InlineData("  growth: trailing ", "  growth: hopeful ", "hiring.growth")]
    [InlineData("  trailing_months: 6 ", "  trailing_months: 40 ", "hiring.trailing_months")]
    [InlineData("  recruiting_months: 3 ", "  recruiting_months: -1 ", "hiring.recruiting_months")]
    [InlineData("  band_low: 0.70 ", "  band_low: 0.99 ", "rebalance.band_high")]
    [InlineData("  band_high: 0.95", "  band_high: 0.5", "rebalance.band_high")]
    [InlineData("  max_moves_per_csm: 3 ", "  max_moves_per_csm: -1 ", "rebalance.max_moves_per_csm")]
    [InlineData("    max_arr: 10000\n    max_complexity", "    max_arr: 90000\n    max_complexity", "lanes.digital.max_arr")]
    [InlineData("    min_complexity: 5", "    min_complexity: 7", "lanes.dedicated.min_complexity")]
    public void Bad_values_are_one_line_errors_naming_the_key(string shipped, string bad, string key)
    {
        // Given the shipped file with one value out of range
        var text = File.ReadAllText(RepoFile("pipelines/capacity-model.yaml"));
        Assert.Contains(shipped, text, StringComparison.Ordinal);

        // When it is loaded
        var ex = Assert.Throws<ModelFileException>(() => CapacityModelLoader.Load(new StringReader(text.Replace(shipped, bad, StringComparison.Ordinal)), "m.yaml"));

        // Then the error names the file and the key on one line
        Assert.StartsWith($"m.yaml: key '{key}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("    min_weeks:", "    min_week: 2")]
    [InlineData("  horizon_months:", "  horizon_month: 12")]
    [InlineData("  band_high:", "  band_middle: 0.8")]
    public void An_unknown_key_is_an_error_naming_the_line(string after, string unknown)
    {
        var lines = File.ReadAllText(RepoFile("pipelines/capacity-model.yaml")).Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(after, StringComparison.Ordinal));
        lines.Insert(at + 1, unknown);

        var ex = Assert.Throws<ModelFileException>(() => CapacityModelLoader.Load(new StringReader(string.Join('\n', lines)), "m.yaml"));

        Assert.StartsWith($"m.yaml:{at + 2}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_hiring_section_sets_a_six_month_lead_time_over_a_two_year_horizon()
    {
        var hiring = CapacityModelLoader.LoadFile(RepoFile("pipelines/capacity-model.yaml")).Hiring;

        // recruiting 3 + ramp 3
        Assert.Equal(6, hiring.LeadTime());
        Assert.Equal(24, hiring.HorizonMonths);
        Assert.Equal(HiringPolicy.TrailingGrowth, hiring.Growth);
        Assert.Equal(6, hiring.TrailingMonths);
    }


    [Fact]
    public void The_shipped_file_sets_the_rebalance_band_and_the_lane_rules()
    {
        var model = CapacityModelLoader.LoadFile(RepoFile("pipelines/capacity-model.yaml"));
        Assert.Equal((0.70, 0.95, 60, 3), (model.Rebalance.BandLow, model.Rebalance.BandHigh, model.Rebalance.ProtectRenewalDays, model.Rebalance.MaxMovesPerCsm));
        Assert.Empty(model.Rebalance.Pinned);
        Assert.Equal((25000.0, 5, 5.0), (model.Lanes.Dedicated.MinArr, model.Lanes.Dedicated.MinComplexity, model.Lanes.Dedicated.MinHoursPerMonth));
        Assert.Equal((10000.0, 3, 1.0, 1.0, true), (model.Lanes.Digital.MaxArr, model.Lanes.Digital.MaxComplexity, model.Lanes.Digital.MaxHoursPerMonth,
            model.Lanes.Digital.MaxTicketsPerMonth, model.Lanes.Digital.HealthyOnly));
    }


    [Fact]
    public void An_emptied_lane_threshold_stays_off_when_the_calibrated_model_is_written_and_read_back()
    {
        var text = File.ReadAllText(RepoFile("pipelines/capacity-model.yaml")).Replace("    min_complexity: 5", "    min_complexity:", StringComparison.Ordinal);
        var model = CapacityModelLoader.Load(new StringReader(text), "m.yaml");
        Assert.Null(model.Lanes.Dedicated.MinComplexity);

        var reread = CapacityModelLoader.Load(new StringReader(CapacityAnalytics.Core.Capacity.ModelYamlWriter.Write(model)), "written.yaml");

        Assert.Null(reread.Lanes.Dedicated.MinComplexity);
        Assert.Equal(25000.0, reread.Lanes.Dedicated.MinArr);
        Assert.Equal(2.0, reread.Rebalance.TimeLimit);
    }
}
