using CapacityAnalytics.Core.Capacity;
using MathNet.Numerics.LinearAlgebra;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class TweedieGlmTests
{
    private static AccountMonthObservation Obs(string account, string segment, double hours, bool onboarding = false) =>
        new(account, "c1", new DateOnly(2026, 1, 1), segment, hours, 3, onboarding, false, 3, 1000);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void With_only_segment_indicators_the_base_is_the_segment_mean_exactly(double power)
    {
        // Given enterprise months 4, 8, 12 (mean 8) and smb months 0, 0, 1, 2 (mean 0.75): the score equations
        // sum (y - mu) mu^(1-p) = 0 per segment give mu = the segment mean for any power
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 } });
        var y = Vector<double>.Build.DenseOfArray([4, 8, 12, 0, 0, 1, 2]);

        // When fitted
        var fit = TweedieGlm.Fit(x, y, new GlmOptions(TweediePower: power));

        // Then exp(b) are the means
        Assert.True(fit.Converged);
        Assert.Equal(8, Math.Exp(fit.Coefficients[0]), 9);
        Assert.Equal(0.75, Math.Exp(fit.Coefficients[1]), 9);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.3)]
    [InlineData(1.5)]
    public void The_deviance_of_rows_sharing_mu_from_their_sums_is_the_sum_of_their_unit_deviances(double power)
    {
        // Given three rows with one mu (2.7): y 0, 2, 5.5 with prior weights 1, 3, 0.5
        double[] y = [0, 2, 5.5], w = [1, 3, 0.5];
        var rowByRow = Enumerable.Range(0, 3).Sum(i => w[i] * TweedieDeviance.Unit(y[i], 2.7, power));

        // When the deviance is taken from their sums of w, w y and w times the y-only term
        var summed = TweedieDeviance.Summed(w.Sum(), Enumerable.Range(0, 3).Sum(i => w[i] * y[i]),
            Enumerable.Range(0, 3).Sum(i => w[i] * TweedieDeviance.YTerm(y[i], power)), 2.7, power);

        // Then it is the same
        Assert.Equal(rowByRow, summed, 10);
    }

    [Fact]
    public void The_fitted_deviance_over_identical_rows_is_the_sum_over_every_row()
    {
        // Given the segment means of the first test (8 and 0.75), which the fit reaches over two distinct rows
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 } });
        double[] y = [4, 8, 12, 0, 0, 1, 2];
        var fit = TweedieGlm.Fit(x, Vector<double>.Build.DenseOfArray(y));

        // Then its deviance is each month's unit deviance at its segment's mean, added up (power 1.5)
        var expected = y.Select((v, i) => TweedieDeviance.Unit(v, i < 3 ? 8 : 0.75, 1.5)).Sum();
        Assert.Equal(expected, fit.Deviance, 9);
    }

    [Fact]
    public void In_a_saturated_design_the_onboarding_uplift_is_the_ratio_of_group_means_minus_one()
    {
        // Given one segment: steady months 2, 4 (mean 3) and onboarding months 3, 6, 9 (mean 6). With segment,
        // onboarding and the other covariates constant at 0 the design is saturated in the two cells.
        var data = new[]
        {
            Obs("a", "smb", 2), Obs("b", "smb", 4),
            Obs("c", "smb", 3, onboarding: true), Obs("d", "smb", 6, onboarding: true), Obs("e", "smb", 9, onboarding: true),
        };
        var design = TimeEquationDesign.Build(data);

        // When the time equation is fitted
        var fit = TweedieGlm.Fit(design);
        var p = new TimeEquationParameters(design.Segments, fit.Coefficients);

        // Then base = 3 and uplift = 6 / 3 - 1 = 1
        Assert.Equal(3, p.BaseHours("smb"), 9);
        Assert.Equal(1, p.OnboardingUplift, 9);
    }

    [Fact]
    public void A_segment_with_many_zero_months_still_converges_to_its_mean()
    {
        // Given 19 zero months and one 10-hour month
        var data = Enumerable.Range(0, 20).Select(i => Obs($"a{i}", "smb", i == 0 ? 10 : 0)).ToArray();

        // When fitted
        var design = TimeEquationDesign.Build(data);
        var fit = TweedieGlm.Fit(design);

        // Then base = 10 / 20 = 0.5
        Assert.True(fit.Converged);
        Assert.Equal(0.5, new TimeEquationParameters(design.Segments, fit.Coefficients).BaseHours("smb"), 9);
    }

    [Fact]
    public void Observed_hours_that_are_all_zero_cannot_be_fitted()
    {
        var design = TimeEquationDesign.Build([Obs("a", "smb", 0), Obs("b", "smb", 0)]);

        Assert.Throws<ArgumentException>(() => TweedieGlm.Fit(design));
    }
}
