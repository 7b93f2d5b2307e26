namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The ARR base headcount is planned on (docs/capacity-model.md): current ARR x (1 - churn) + new + expansion; new logos = new ARR /
/// average ACV. Seed example: $5M at 15% churn keeps $4.25M; + $3.8M new + $0.95M expansion = the $9M state.
/// </summary>
public sealed record ForwardArr(
    double CurrentArr,
    double ChurnRate,
    double RetainedArr,
    double NewArr,
    double ExpansionArr,
    double TargetArr,
    double AverageAcv,
    double NewLogos)
{
    public static ForwardArr Plan(double currentArr, double churnRate, double newArr, double expansionArr, double averageAcv)
    {
        if (churnRate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(churnRate), "Churn must be in [0, 1).");
        if (averageAcv <= 0 && newArr > 0) throw new ArgumentOutOfRangeException(nameof(averageAcv), "Average ACV must be positive.");
        var retained = currentArr * (1 - churnRate);
        var newLogos = newArr > 0 ? newArr / averageAcv : 0;
        return new ForwardArr(currentArr, churnRate, retained, newArr, expansionArr, retained + newArr + expansionArr, averageAcv, newLogos);
    }
}
