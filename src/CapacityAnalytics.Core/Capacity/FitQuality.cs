namespace CapacityAnalytics.Core.Capacity;

/// <summary>Fit quality by segment and the accounts the time equation fits worst.</summary>
public static class FitQuality
{
    public static IReadOnlyList<SegmentFitQuality> BySegment(IReadOnlyList<AccountMonthObservation> observations, TimeEquationParameters parameters, double power)
    {
        var rows = new List<SegmentFitQuality>();
        foreach (var segment in parameters.Segments)
        {
            var obs = observations.Where(o => o.Segment == segment).ToList();
            if (obs.Count == 0) continue;
            var predicted = obs.Select(parameters.Predict).ToArray();
            var mean = obs.Average(o => o.Hours);
            double abs = 0, squares = 0, deviance = 0, nullDeviance = 0, pearson = 0;
            for (var i = 0; i < obs.Count; i++)
            {
                var residual = obs[i].Hours - predicted[i];
                abs += Math.Abs(residual);
                squares += residual * residual;
                deviance += TweedieDeviance.Unit(obs[i].Hours, predicted[i], power);
                nullDeviance += mean > 0 ? TweedieDeviance.Unit(obs[i].Hours, mean, power) : 0;
                pearson += residual * residual / Math.Pow(predicted[i], power);
            }
            var meanResidual = obs.Select((o, i) => o.Hours - predicted[i]).Average();
            var residualVariance = obs.Select((o, i) => Math.Pow(o.Hours - predicted[i] - meanResidual, 2)).Sum() / Math.Max(1, obs.Count - 1);
            rows.Add(new SegmentFitQuality(
                segment,
                obs.Count,
                mean,
                predicted.Average(),
                abs / obs.Count,
                Math.Sqrt(squares / obs.Count),
                nullDeviance > 0 ? 1 - (deviance / nullDeviance) : 0,
                Math.Sqrt(residualVariance),
                pearson / obs.Count));
        }
        return rows;
    }

    /// <summary>The accounts with the largest total deviance (ties: account id), most poorly fitted first.</summary>
    public static IReadOnlyList<AccountFit> WorstAccounts(IReadOnlyList<AccountMonthObservation> observations, TimeEquationParameters parameters, double power, int count) =>
        observations
            .GroupBy(o => o.AccountId, StringComparer.Ordinal)
            .Select(g =>
            {
                var observed = g.Sum(o => o.Hours);
                var predicted = g.Sum(parameters.Predict);
                return new AccountFit(
                    g.Key,
                    g.First().Segment,
                    g.Count(),
                    observed,
                    predicted,
                    predicted > 0 ? observed / predicted : 0,
                    g.Sum(o => TweedieDeviance.Unit(o.Hours, parameters.Predict(o), power)));
            })
            .OrderByDescending(a => a.Deviance)
            .ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
