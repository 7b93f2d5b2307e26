using CapacityAnalytics.Core.Capacity;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class FitQualityTests
{
    private static AccountMonthObservation Obs(string account, double hours) =>
        new(account, "c", new DateOnly(2026, 1, 1), "smb", hours, 3, false, false, 3, 5000);

    [Fact]
    public void Errors_are_measured_against_the_prediction_and_the_worst_account_comes_first()
    {
        // Given a base of 2 h and months a: 2, 2; b: 1, 3; c: 0, 8
        var data = new[] { Obs("a", 2), Obs("a", 2), Obs("b", 1), Obs("b", 3), Obs("c", 0), Obs("c", 8) };
        var p = new TimeEquationParameters(["smb"], [Math.Log(2), 0, 0, 0, 0]);

        // When quality is measured
        var q = FitQuality.BySegment(data, p, 1.0).Single();
        var worst = FitQuality.WorstAccounts(data, p, 1.0, 2);

        // Then residuals 0, 0, -1, 1, -2, 6: MAE 10 / 6, RMSE sqrt(42 / 6); observed mean 16 / 6 vs predicted 2
        Assert.Equal(10.0 / 6, q.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt(42.0 / 6), q.RootMeanSquaredError, 12);
        Assert.Equal(16.0 / 6, q.MeanObserved, 12);
        Assert.Equal(2, q.MeanPredicted, 12);
        // And c (8 h observed against 4 predicted, ratio 2) fits worst, then b
        Assert.Equal(["c", "b"], worst.Select(w => w.AccountId));
        Assert.Equal(2, worst[0].Ratio, 12);
    }
}
