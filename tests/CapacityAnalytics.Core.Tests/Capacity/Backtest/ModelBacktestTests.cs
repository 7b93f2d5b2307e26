using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Capacity.Backtest;
using Xunit.Abstractions;

namespace CapacityAnalytics.Core.Tests.Capacity.Backtest;

public sealed class ModelBacktestTests(ITestOutputHelper output)
{
    /// <summary>Hours exactly on the time equation (base 10 / 2, complexity 1.1, onboarding 0.5, expansion 0.2, stakeholders 1.05).</summary>
    private static List<AccountMonthObservation> ExactCompany()
    {
        var rows = new List<AccountMonthObservation>();
        for (var a = 0; a < 24; a++)
        {
            var segment = a % 3 == 0 ? "enterprise" : "smb";
            var complexity = 2 + (a % 3);
            int stakeholders = 1 + (a % 5);
            for (var m = 0; m < 12; m++)
            {
                var onboarding = a % 4 == 0 && m < 3;
                var expansion = (a + m) % 5 == 0;
                var hours = (segment == "enterprise" ? 10 : 2) * Math.Pow(1.1, complexity - 3) * (onboarding ? 1.5 : 1) * (expansion ? 1.2 : 1)
                    * Math.Pow(1.05, stakeholders - 3);
                rows.Add(new AccountMonthObservation($"a{a:D2}", $"c{a % 2}", new DateOnly(2025, 1, 1).AddMonths(m), segment, hours,
                    complexity, onboarding, expansion, stakeholders, 1000));
            }
        }
        return rows;
    }

    [Fact]
    public void Each_quarter_is_predicted_from_the_months_before_it_and_compared_with_what_happened()
    {
        // Given 12 months (2025-01 to 2025-12) of hours exactly on the equation, two CSMs
        var data = ExactCompany();
        var model = TestModels.Shipped();

        // When backtested over up to 4 quarters
        var result = ModelBacktest.Run(model, data, quarters: 4);

        // Then only Q3 and Q4 qualify (six months of history before them); each CSM's quarter, each segment's and the
        // company's are predicted exactly (the data are the equation), from 6 x 24 and 9 x 24 training months
        var csm = result.Rows.Where(r => r.Level == "csm").ToList();
        Assert.Equal([new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1)], result.Rows.Select(r => r.QuarterStart).Distinct());
        Assert.Equal([144, 216], result.Rows.Select(r => r.TrainingAccountMonths).Distinct());
        foreach (var row in result.Rows)
        {
            var months = data.Where(o => o.Month >= row.QuarterStart && o.Month < row.QuarterStart.AddMonths(3)
                && (row.Level == "company" || (row.Level == "csm" ? o.CsmId : o.Segment) == row.Key)).ToList();
            var before = data.Where(o => o.Month >= row.QuarterStart.AddMonths(-3) && o.Month < row.QuarterStart
                && (row.Level == "company" || (row.Level == "csm" ? o.CsmId : o.Segment) == row.Key)).ToList();
            Assert.Equal(months.Count, row.AccountMonths);
            Assert.Equal(months.Sum(o => o.Hours), row.ObservedHours, 9);
            Assert.Equal(row.ObservedHours, row.PredictedHours, 6);
            Assert.Equal(before.Sum(o => o.Hours), row.NaiveHours!.Value, 9);
        }
        Assert.Equal(2 * 2, csm.Count);
        // the planned model is the model file's equation: its steady-state hours and drivers
        var planned = ModelBacktest.Planned(model);
        Assert.Equal(SegmentPlan.From(model, "enterprise").SteadyStateHours, planned.BaseHours("enterprise"), 9);
        Assert.All(result.Rows.Where(r => r.Level == "company"), r => Assert.Equal(
            data.Where(o => o.Month >= r.QuarterStart && o.Month < r.QuarterStart.AddMonths(3)).Sum(planned.Predict), r.PlannedHours!.Value, 9));
        Assert.Equal(0, result.Summary("csm", r => r.PredictedHours).Mape!.Value, 6);
    }

    [Fact]
    public void On_a_company_unlike_the_plan_the_calibrated_model_beats_the_planned_and_naive_ones_and_its_ranges_hold()
    {
        // Given 400 accounts x 24 months whose true equation (base 8 / 3 / 0.8 ...) differs from the planned one,
        // with Tweedie noise, 40 CSMs
        var data = SimulatedCompany.Generate(accounts: 400, months: 24, seed: 11, dispersion: 1.5);
        var model = TestModels.Shipped();

        // When backtested over the last 4 quarters
        var result = ModelBacktest.Run(model, data, quarters: 4);

        // Then MAPE per CSM-quarter, computed here from the rows, matches the summary and ranks the models
        var csm = result.Rows.Where(r => r.Level == "csm").ToList();
        Assert.Equal(4 * 40, csm.Count);
        double Mape(Func<CapacityBacktestRow, double?> predicted) =>
            csm.Where(r => predicted(r) is not null).Average(r => Math.Abs(predicted(r)!.Value - r.ObservedHours) / r.ObservedHours);
        var calibrated = Mape(r => r.PredictedHours);
        var planned = Mape(r => r.PlannedHours);
        var naive = Mape(r => r.NaiveHours);
        Assert.Equal(calibrated, result.Summary("csm", r => r.PredictedHours).Mape!.Value, 12);
        Assert.Equal(naive, result.Summary("csm", r => r.NaiveHours).Mape!.Value, 12);
        var coverage = result.Coverage("csm")!.Value;
        output.WriteLine($"MAPE per CSM-quarter: calibrated {calibrated:P1}, planned {planned:P1}, naive {naive:P1}; 90% range coverage {coverage:P0}");
        Assert.True(calibrated < planned, $"calibrated {calibrated} vs planned {planned}");
        Assert.True(calibrated < naive, $"calibrated {calibrated} vs naive {naive}");
        // and a 90% range holds the observed hours about 90% of the time (160 CSM-quarters: 80-97% is a fair band)
        Assert.InRange(coverage, 0.80, 0.97);
        // and drift has every parameter per quarter, none moving beyond the previous range on a stationary company
        Assert.Equal(4 * 7, result.Drift.Count);
        Assert.True(result.Drift.Count(d => d.ChangedBeyondRange) <= 2, string.Join(", ", result.Drift.Where(d => d.ChangedBeyondRange).Select(d => $"{d.FittedBefore} {d.Parameter}")));
    }
}
