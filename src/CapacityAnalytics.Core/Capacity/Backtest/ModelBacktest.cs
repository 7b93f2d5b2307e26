using CapacityAnalytics.Core.CapacityModelFile;
using MathNet.Numerics.LinearAlgebra;

namespace CapacityAnalytics.Core.Capacity.Backtest;

/// <summary>
/// Out-of-time backtest of the time equation (docs/capacity-model.md). For each of the last complete quarters with at
/// least <see cref="MinimumTrainingMonths"/> months of data before it, the equation is fitted on the account-months
/// before the quarter only and predicts every account-month of the quarter from the book as it was; predictions and
/// observations are summed per CSM, per segment and for the company. The planned model (the capacity model file's
/// equation) and a naive baseline (the same key's hours in the quarter before) predict the same sums.
/// </summary>
/// <remarks>
/// The 90% range of a sum T = sum(mu) is T +- 1.645 sd with var = phi_g * sum(mu^p) + g' Cov(b) g: the Tweedie variance
/// with a dispersion phi_g measured on the training data's own CSM-quarter sums (so months of one account moving
/// together widen it), plus the parameters' uncertainty by the delta method (g = sum(mu x), Cov(b) = phi (X'WX)^-1).
/// </remarks>
public static class ModelBacktest
{
    public const int MinimumTrainingMonths = 6;
    private const double Z90 = 1.6448536269514722;

    public static BacktestResult Run(CapacityModel model, IReadOnlyList<AccountMonthObservation> observations, int quarters = 4, GlmOptions? glm = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        glm ??= GlmOptions.Default;
        if (observations.Count == 0 || quarters <= 0) return new BacktestResult([], []);
        var first = observations.Min(o => o.Month);
        var last = observations.Max(o => o.Month);
        var starts = QuarterStarts(first, last)
            .Where(q => q.AddMonths(2) <= last && MonthsBetween(first, q) >= MinimumTrainingMonths)
            .TakeLast(quarters)
            .ToList();
        var rows = new List<CapacityBacktestRow>();
        var drift = new List<CapacityDriftRow>();
        Dictionary<string, (double Low, double High)>? previous = null;
        foreach (var quarter in starts)
        {
            var training = observations.Where(o => o.Month < quarter).ToList();
            var design = TimeEquationDesign.Build(training, model.Segments.Select(s => s.Name));
            var fit = TweedieGlm.Fit(design, glm);
            var fitted = new TimeEquationParameters(design.Segments, fit.Coefficients);
            var covariance = Covariance(design, fit, glm.TweediePower);
            var dispersion = GroupDispersion(training, fitted, glm.TweediePower);
            var planned = Planned(model);
            var test = observations.Where(o => o.Month >= quarter && o.Month < quarter.AddMonths(3) && design.Segments.Contains(o.Segment)).ToList();
            var before = observations.Where(o => o.Month >= quarter.AddMonths(-3) && o.Month < quarter).ToList();
            foreach (var level in BacktestResult.Levels)
            {
                var keyOf = KeyOf(level);
                var naive = before.GroupBy(keyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(o => o.Hours), StringComparer.Ordinal);
                foreach (var group in test.GroupBy(keyOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var (predicted, variance) = Predict(group.ToList(), fitted, covariance, dispersion, glm.TweediePower);
                    var spread = Z90 * Math.Sqrt(variance);
                    var observed = group.Sum(o => o.Hours);
                    var low = Math.Max(0, predicted - spread);
                    var high = predicted + spread;
                    rows.Add(new CapacityBacktestRow(quarter, level, group.Key, group.Count(), observed, predicted, low, high,
                        observed >= low && observed <= high, group.All(o => planned.Segments.Contains(o.Segment)) ? group.Sum(planned.Predict) : null,
                        naive.TryGetValue(group.Key, out var n) ? n : null, training.Count));
                }
            }
            var ranges = Ranges(fitted, covariance);
            drift.AddRange(ranges.Select(r => new CapacityDriftRow(quarter, r.Name, r.Estimate, r.Low, r.High,
                previous is not null && previous.TryGetValue(r.Name, out var p) && (r.Estimate < p.Low || r.Estimate > p.High))));
            previous = ranges.ToDictionary(r => r.Name, r => (r.Low, r.High), StringComparer.Ordinal);
        }
        return new BacktestResult(rows, drift);
    }

    private static Func<AccountMonthObservation, string> KeyOf(string level) => level switch
    {
        "csm" => o => o.CsmId,
        "segment" => o => o.Segment,
        _ => _ => "all",
    };

    /// <summary>The capacity model file's time equation: steady-state hours per segment and the planned drivers.</summary>
    public static TimeEquationParameters Planned(CapacityModel model)
    {
        var segments = model.Segments.Select(s => s.Name).ToList();
        var drivers = model.Drivers;
        double[] coefficients =
        [
            .. segments.Select(s => Math.Log(SegmentPlan.From(model, s).SteadyStateHours)),
            Math.Log(drivers.ComplexityMultiplier), Math.Log(1 + drivers.OnboardingUplift),
            Math.Log(1 + drivers.ExpansionUplift), Math.Log(drivers.StakeholderMultiplier),
        ];
        return new TimeEquationParameters(segments, coefficients);
    }

    private static (double Total, double Variance) Predict(List<AccountMonthObservation> rows, TimeEquationParameters fitted,
        Matrix<double> covariance, double dispersion, double power)
    {
        // The gradient sum_i mu_i x_i, accumulated in place: one design row per account-month, no vector allocated per row.
        var g = new double[covariance.RowCount];
        var x = new double[g.Length];
        double total = 0, process = 0;
        foreach (var o in rows)
        {
            var mu = fitted.Predict(o);
            total += mu;
            process += Math.Pow(mu, power);
            Covariates(fitted.Segments, o, x);
            for (var j = 0; j < g.Length; j++) g[j] += mu * x[j];
        }
        var gradient = Vector<double>.Build.DenseOfArray(g);
        return (total, (dispersion * process) + (gradient * covariance * gradient));
    }

    /// <summary>The design row of an account-month against the fit's segments (the training data's columns), into <paramref name="x"/>.</summary>
    private static void Covariates(IReadOnlyList<string> segments, AccountMonthObservation o, double[] x)
    {
        for (var s = 0; s < segments.Count; s++) x[s] = segments[s] == o.Segment ? 1 : 0;
        x[segments.Count] = TimeEquationTerms.ComplexityTerm(o.Complexity);
        x[segments.Count + 1] = o.Onboarding ? 1 : 0;
        x[segments.Count + 2] = o.ExpansionActive ? 1 : 0;
        x[segments.Count + 3] = TimeEquationTerms.StakeholderTerm(o.Stakeholders);
    }

    /// <summary>Cov(b) = phi (X'WX)^-1 with W = mu^(2-p) and phi the Pearson dispersion of the fit.</summary>
    private static Matrix<double> Covariance(TimeEquationDesign design, GlmFit fit, double power)
    {
        var k = design.Columns;
        var information = Matrix<double>.Build.Dense(k, k);
        double pearson = 0;
        for (var i = 0; i < design.Rows; i++)
        {
            double eta = 0;
            for (var j = 0; j < k; j++) eta += design.X[(i * k) + j] * fit.Coefficients[j];
            var mu = Math.Exp(eta);
            var w = Math.Pow(mu, 2 - power);
            for (var a = 0; a < k; a++)
            {
                var xa = design.X[(i * k) + a];
                if (xa == 0) continue;
                for (var b = 0; b < k; b++) information[a, b] += w * xa * design.X[(i * k) + b];
            }
            pearson += (design.Y[i] - mu) * (design.Y[i] - mu) / Math.Pow(mu, power);
        }
        var phi = pearson / Math.Max(1, design.Rows - k);
        return information.Inverse() * phi;
    }

    /// <summary>The dispersion of the training data's CSM-quarter sums: sum((obs - pred)^2) / sum(sum(mu^p)).</summary>
    private static double GroupDispersion(List<AccountMonthObservation> training, TimeEquationParameters fitted, double power)
    {
        // Each CSM-quarter's sums in one pass, the groups in the order they first appear (as a grouping would give them).
        var index = new Dictionary<(string, DateOnly), int>();
        var sums = new List<(double Predicted, double Observed, double Variance)>();
        foreach (var o in training)
        {
            var key = (o.CsmId, QuarterStart(o.Month));
            if (!index.TryGetValue(key, out var i))
            {
                index[key] = i = sums.Count;
                sums.Add((0, 0, 0));
            }
            var mu = fitted.Predict(o);
            var (predicted, observed, variance) = sums[i];
            sums[i] = (predicted + mu, observed + o.Hours, variance + Math.Pow(mu, power));
        }
        double squares = 0, total = 0;
        foreach (var (predicted, observed, variance) in sums)
        {
            squares += (observed - predicted) * (observed - predicted);
            total += variance;
        }
        return total > 0 ? squares / total : 1;
    }

    /// <summary>Each parameter's 90% range from the coefficients' standard errors, on the parameter's own scale.</summary>
    private static List<ParameterRange> Ranges(TimeEquationParameters fitted, Matrix<double> covariance)
    {
        var names = fitted.Names;
        var values = fitted.Values;
        var ranges = new List<ParameterRange>();
        for (var j = 0; j < names.Count; j++)
        {
            var b = fitted.Coefficients[j];
            var se = Math.Sqrt(Math.Max(0, covariance[j, j]));
            // Base hours and multipliers are exp(b); uplifts exp(b) - 1.
            var shift = names[j] is TimeEquationParameters.OnboardingUpliftName or TimeEquationParameters.ExpansionUpliftName ? 1 : 0;
            ranges.Add(new ParameterRange(names[j], values[j], Math.Exp(b - (Z90 * se)) - shift, Math.Exp(b + (Z90 * se)) - shift));
        }
        return ranges;
    }

    public static DateOnly QuarterStart(DateOnly month) => new(month.Year, (((month.Month - 1) / 3) * 3) + 1, 1);

    private static IEnumerable<DateOnly> QuarterStarts(DateOnly first, DateOnly last)
    {
        for (var q = QuarterStart(first); q <= last; q = q.AddMonths(3)) yield return q;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
