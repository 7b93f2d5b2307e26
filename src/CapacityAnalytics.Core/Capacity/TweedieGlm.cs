using MathNet.Numerics.LinearAlgebra;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Log-link GLM with Tweedie (or Poisson) quasi-likelihood, fitted by iteratively reweighted least squares: working
/// weights mu^(2-p), working response eta + (y - mu) / mu, the normal equations solved by Cholesky (SVD when the
/// weighted cross-product is not positive definite). A step that raises the deviance is halved. Deterministic: no
/// randomness, a fixed summation order.
/// </summary>
public static class TweedieGlm
{
    private const double MaxEta = 30;

    /// <summary>Fits the time equation's design; optional prior weights per row (the bootstrap's account counts).</summary>
    public static GlmFit Fit(TimeEquationDesign design, GlmOptions? options = null, IReadOnlyList<double>? weights = null, IReadOnlyList<double>? start = null) =>
        Fit(design.X, design.Y, design.Columns, weights?.ToArray(), options ?? GlmOptions.Default, start?.ToArray());

    /// <summary>Fits any design matrix (no intercept is added).</summary>
    public static GlmFit Fit(Matrix<double> x, Vector<double> y, GlmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var flat = new double[x.RowCount * x.ColumnCount];
        for (var r = 0; r < x.RowCount; r++)
        {
            for (var c = 0; c < x.ColumnCount; c++) flat[(r * x.ColumnCount) + c] = x[r, c];
        }
        return Fit(flat, y.ToArray(), x.ColumnCount, null, options ?? GlmOptions.Default, null);
    }

    /// <param name="groups">The design's identical rows (<see cref="RowGroups.Of"/>), when the caller fits the same
    /// design many times (the bootstrap); else found here.</param>
    internal static GlmFit Fit(double[] x, double[] y, int columns, double[]? weights, GlmOptions options, double[]? start, RowGroups? groups = null)
    {
        var power = options.TweediePower;
        TweedieDeviance.Validate(power);
        var beta = start ?? StartingCoefficients(x, y, columns, weights, power);
        groups ??= RowGroups.Of(x, columns);
        var sums = groups.Sums(y, weights, power);
        var deviance = Deviance(groups, sums, beta, power);
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations && !converged)
        {
            iterations++;
            var proposal = Step(groups, sums, beta, power);
            var proposed = Deviance(groups, sums, proposal, power);
            // At the optimum a full step changes the deviance by rounding noise only: that is convergence, not a
            // worse step to halve.
            converged = Math.Abs(proposed - deviance) / (Math.Abs(proposed) + 0.1) < options.Tolerance;
            var halvings = 0;
            while (!converged && !(proposed <= deviance) && halvings < options.MaxStepHalvings)
            {
                for (var j = 0; j < columns; j++) proposal[j] = (proposal[j] + beta[j]) / 2;
                proposed = Deviance(groups, sums, proposal, power);
                halvings++;
            }
            if (!converged && !(proposed <= deviance)) break;
            beta = proposal;
            deviance = proposed;
        }
        return new GlmFit(beta, deviance, iterations, converged);
    }

    /// <summary>One weighted least-squares step from mu0 = (y + mean) / 2, the usual GLM start (row by row: mu0 depends on y).</summary>
    private static double[] StartingCoefficients(double[] x, double[] y, int columns, double[]? weights, double power)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var w = weights?[i] ?? 1;
            sum += w * y[i];
            total += w;
        }
        var mean = total > 0 ? sum / total : 0;
        if (mean <= 0) throw new ArgumentException("Observed hours are all zero: nothing to fit.", nameof(y));
        var xtwx = new double[columns * columns];
        var xtwz = new double[columns];
        for (var i = 0; i < y.Length; i++)
        {
            var prior = weights?[i] ?? 1;
            if (prior == 0) continue;
            var mu = (y[i] + mean) / 2;
            Accumulate(x, i * columns, columns, prior * TweedieDeviance.WorkingWeight(mu, power), Math.Log(mu), xtwx, xtwz);
        }
        return Solve(xtwx, xtwz, columns);
    }

    /// <summary>
    /// One IRLS step over the distinct rows: a row's working weight and response are the same for every copy, so a
    /// distinct row enters the normal equations once with its summed prior weight and the weighted mean of its y.
    /// </summary>
    private static double[] Step(RowGroups groups, RowGroups.Totals sums, double[] beta, double power)
    {
        var columns = groups.Columns;
        var xtwx = new double[columns * columns];
        var xtwz = new double[columns];
        for (var g = 0; g < groups.Count; g++)
        {
            var weight = sums.Weight[g];
            if (weight == 0) continue;
            var eta = Eta(groups.X, g * columns, columns, beta);
            var mu = Math.Exp(eta);
            Accumulate(groups.X, g * columns, columns, weight * TweedieDeviance.WorkingWeight(mu, power), eta + (((sums.WeightedY[g] / weight) - mu) / mu), xtwx, xtwz);
        }
        return Solve(xtwx, xtwz, columns);
    }

    private static double Deviance(RowGroups groups, RowGroups.Totals sums, double[] beta, double power)
    {
        var deviance = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            if (sums.Weight[g] == 0) continue;
            var mu = Math.Exp(Eta(groups.X, g * groups.Columns, groups.Columns, beta));
            deviance += TweedieDeviance.Summed(sums.Weight[g], sums.WeightedY[g], sums.WeightedYTerm[g], mu, power);
        }
        return deviance;
    }

    internal static double Eta(double[] x, int offset, int columns, double[] beta)
    {
        var eta = 0.0;
        for (var j = 0; j < columns; j++) eta += x[offset + j] * beta[j];
        return Math.Clamp(eta, -MaxEta, MaxEta);
    }

    private static void Accumulate(double[] x, int offset, int columns, double w, double z, double[] xtwx, double[] xtwz)
    {
        for (var j = 0; j < columns; j++)
        {
            var wxj = w * x[offset + j];
            if (wxj == 0) continue;
            xtwz[j] += wxj * z;
            for (var k = j; k < columns; k++) xtwx[(j * columns) + k] += wxj * x[offset + k];
        }
    }

    /// <summary>
    /// Solves the normal equations. A column that is zero in every weighted row (e.g. no onboarding months in the data)
    /// is aliased: its coefficient stays 0, a multiplier of 1. A cross-product that is still not positive definite
    /// (collinear covariates) gets a tiny ridge on its diagonal.
    /// </summary>
    private static double[] Solve(double[] upper, double[] rhs, int columns)
    {
        var kept = Enumerable.Range(0, columns).Where(j => upper[(j * columns) + j] > 0).ToArray();
        var result = new double[columns];
        if (kept.Length == 0) return result;
        var a = Matrix<double>.Build.Dense(kept.Length, kept.Length, (r, c) =>
        {
            var (i, j) = (kept[Math.Min(r, c)], kept[Math.Max(r, c)]);
            return upper[(i * columns) + j];
        });
        var b = Vector<double>.Build.Dense(kept.Length, r => rhs[kept[r]]);
        Vector<double> solution;
        try
        {
            solution = a.Cholesky().Solve(b);
        }
        catch (ArgumentException)
        {
            var ridge = 1e-9 * a.Diagonal().Average();
            solution = (a + Matrix<double>.Build.DenseDiagonal(kept.Length, ridge)).Cholesky().Solve(b);
        }
        for (var r = 0; r < kept.Length; r++) result[kept[r]] = solution[r];
        return result;
    }
}
