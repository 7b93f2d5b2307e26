using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class CalibrationTests
{
    private static readonly CalibrationOptions Fast = new() { Bootstrap = new BootstrapOptions(Reps: 20, Seed: 11), SimulatedMonths = 1000 };

    private static readonly TouchpointObservation[] Touchpoints =
    [
        // 120 account-months, 600 check-ins of 36 min: 5 per account-month, 36 min each (planned 4 x 30)
        new("enterprise", "check_in", 600, 600 * 36, 120),
        // too little data (10 touches): the planned QBR stays
        new("enterprise", "qbr", 10, 10 * 130, 120),
        new("enterprise", TouchpointObservation.Inbound, 240, 240 * 25, 120),
    ];

    private static (CapacityModel Model, List<AccountMonthObservation> Data) Company() =>
        (TestModels.Shipped(), SimulatedCompany.Generate(accounts: 150, months: 12, seed: 5, dispersion: 2));

    [Fact]
    public void Calibrating_twice_on_the_same_data_writes_the_same_model_text_byte_for_byte()
    {
        // Given a model and observed account-months
        var (model, data) = Company();

        // When calibrated twice
        string Run()
        {
            var result = Calibrator.Calibrate(model, data, Touchpoints, Fast);
            return CalibratedModelBuilder.Build(model, result, Touchpoints, new DateOnly(2027, 1, 1), options: Fast).Yaml;
        }
        var first = Run();
        var second = Run();

        // Then the texts are identical and the new version is 2026.4.1
        Assert.Equal(first, second);
        Assert.Contains("version: 2026.4.1\n", first, StringComparison.Ordinal);
        Assert.Contains("effective_date: 2027-01-01\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calibrated_model_takes_fitted_drivers_and_observed_touchpoints_with_enough_data()
    {
        // Given a calibration
        var (model, data) = Company();
        var result = Calibrator.Calibrate(model, data, Touchpoints, Fast);

        // When the next version is built
        var next = CalibratedModelBuilder.Build(model, result, Touchpoints, new DateOnly(2027, 1, 1), options: Fast);

        // Then drivers are the fitted values (rounded to 4 decimals) and base hours are recorded
        Assert.Equal(Math.Round(result.Parameters.OnboardingUplift, 4), next.Model.Drivers.OnboardingUplift);
        Assert.Equal(Math.Round(result.Parameters.BaseHours("smb"), 4), next.Model.Calibration!.BaseHours["smb"]);
        Assert.Equal("2026.4.0", next.Model.Calibration.PreviousVersion);
        // check-in: 5 per month of 36 - 0 prep minutes; inbound 2 of 25 min; the thin QBR data leaves 0.3333 x 60 + 60 prep
        var ent = next.Model.Touchpoints["enterprise"];
        var checkIn = ent.Recurring.Single(r => r.Type == "check_in");
        Assert.Equal(5, checkIn.PerMonth);
        Assert.Equal(36, checkIn.Minutes);
        Assert.Equal(0.3333, ent.Recurring.Single(r => r.Type == "qbr").PerMonth);
        Assert.Equal(2, ent.Inbound.PerMonth);
        Assert.Equal(25, ent.Inbound.Minutes);

        // And the diff names each change with its old, new and change %: check-in 4 -> 5 is +25%, 30 -> 36 min +20%
        var perMonth = next.Changes.Single(c => c.Path == "touchpoints.enterprise.recurring.check_in.per_month");
        Assert.Equal((4.0, 5.0, 25.0), (perMonth.Old!.Value, perMonth.New!.Value, perMonth.ChangePercent!.Value));
        Assert.Equal(20, next.Changes.Single(c => c.Path == "touchpoints.enterprise.recurring.check_in.minutes").ChangePercent);
        Assert.Null(next.Changes.Single(c => c.Path == "calibration.base_hours.smb").Old);
        Assert.DoesNotContain(next.Changes, c => c.Path.Contains(".qbr.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_written_without_changes_has_an_empty_diff_and_reads_back_to_the_same_text()
    {
        // Given the shipped model written once
        var model = TestModels.Shipped();
        var text = ModelYamlWriter.Write(model);

        // When read back and written again
        var again = ModelYamlWriter.Write(CapacityModelLoader.Load(new StringReader(text), "m.yaml"));

        // Then the text is stable and nothing changed
        Assert.Equal(text, again);
        Assert.Empty(ModelParameters.Diff(model, CapacityModelLoader.Load(new StringReader(text), "m.yaml")));
        Assert.Contains("customer_facing_share: 0.6667\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_gives_a_calibrated_row_per_parameter_and_a_recommendation_per_segment()
    {
        // Given a calibration of the simulated company on the shipped model
        var (model, data) = Company();

        // When calibrated
        var result = Calibrator.Calibrate(model, data, Touchpoints, Fast);

        // Then 3 base hours + 4 drivers, each estimate inside its range, planned drivers from the model file
        Assert.Equal(7, result.Calibrated.Count);
        Assert.All(result.Calibrated, r => Assert.InRange(r.Estimate, r.Low, r.High));
        Assert.Equal(0.6, result.Calibrated.Single(r => r.Parameter == "onboarding_uplift").PlannedValue);
        // And books ordered low <= mid <= high, overload within the model's 10%, ARR per CSM = accounts x average ARR
        Assert.Equal(["enterprise", "mid_market", "smb"], result.Recommendations.Select(r => r.Segment));
        Assert.All(result.Recommendations, r =>
        {
            Assert.True(r.AccountsPerCsmLow <= r.AccountsPerCsmMid && r.AccountsPerCsmMid <= r.AccountsPerCsmHigh);
            Assert.InRange(r.OverloadShare, 0, 0.10);
        });
        var ent = result.Recommendations[0];
        Assert.Equal(ent.AccountsPerCsmMid * data.Where(d => d.Segment == "enterprise").Average(d => d.Arr), ent.ArrPerCsmMid, 6);
        // And quality and worst accounts are reported
        Assert.Equal(3, result.Quality.Count);
        Assert.Equal(10, result.WorstAccounts.Count);
    }

    [Fact]
    public void A_negative_digital_program_cost_is_rejected_naming_the_key()
    {
        // Given the shipped model with a negative digital cost
        var text = File.ReadAllText(TestModels.RepoFile("pipelines/capacity-model.yaml"))
            .Replace("digital_hours_per_account_month: 0.05", "digital_hours_per_account_month: -1", StringComparison.Ordinal);

        // When loaded
        var ex = Assert.Throws<ModelFileException>(() => CapacityModelLoader.Load(new StringReader(text), "m.yaml"));

        // Then one line names the key
        Assert.Contains("lanes.digital_hours_per_account_month", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
