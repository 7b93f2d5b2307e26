using MathNet.Numerics.Random;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Two-stage cluster bootstrap: within each segment (so every segment keeps its indicator identified and its share of
/// accounts), each repetition draws the segment's CSMs with replacement, then for each CSM drawn as many of its
/// accounts with replacement as it holds; an account's months stay together. Accounts of one CSM share that CSM's way
/// of working, and months of one account move together, so drawing whole CSMs and whole accounts keeps the ranges
/// honest about how correlated the data are. The GLM is refitted from the full fit with the draw counts as row
/// weights. Repetition r uses its own Mersenne Twister seeded from (seed, r), so the result does not depend on the
/// degree of parallelism.
/// </summary>
public static class TimeEquationBootstrap
{
    public static BootstrapResult Run(TimeEquationDesign design, GlmFit full, GlmOptions glm, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(full);
        if (options.Reps < 2) throw new ArgumentOutOfRangeException(nameof(options), "At least 2 bootstrap repetitions are needed.");
        var strata = AccountsBySegment(design, options.ByCsm);
        var replicates = new IReadOnlyList<double>[options.Reps];
        var converged = new bool[options.Reps];
        var start = full.Coefficients.ToArray();
        // Every refit has the same rows with other weights: their distinct rows are found once.
        var groups = RowGroups.Of(design.X, design.Columns);
        Parallel.For(0, options.Reps, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, rep =>
        {
            var random = new MersenneTwister(unchecked((options.Seed * 7919) + rep));
            var counts = new double[design.AccountIds.Count];
            foreach (var clusters in strata)
            {
                for (var k = 0; k < clusters.Length; k++)
                {
                    var accounts = clusters[random.Next(clusters.Length)];
                    for (var j = 0; j < accounts.Length; j++) counts[accounts[random.Next(accounts.Length)]]++;
                }
            }
            var weights = new double[design.Rows];
            for (var i = 0; i < design.Rows; i++) weights[i] = counts[design.Account[i]];
            var fit = TweedieGlm.Fit(design.X, design.Y, design.Columns, weights, glm, (double[])start.Clone(), groups);
            replicates[rep] = new TimeEquationParameters(design.Segments, fit.Coefficients).Values;
            converged[rep] = fit.Converged;
        });

        var estimate = new TimeEquationParameters(design.Segments, full.Coefficients);
        var names = estimate.Names;
        var values = estimate.Values;
        var ranges = names.Select((name, j) =>
        {
            var sample = replicates.Select(r => r[j]).Order().ToArray();
            return new ParameterRange(name, values[j], Percentile(sample, options.LowPercentile), Percentile(sample, options.HighPercentile));
        }).ToList();
        return new BootstrapResult(ranges, options.Reps, converged.Count(c => !c));
    }

    /// <summary>Percentile of a sorted sample with linear interpolation between order statistics (Hyndman-Fan type 7).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) throw new ArgumentException("Empty sample.", nameof(sorted));
        var h = (sorted.Count - 1) * percent / 100;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Per segment, its CSMs, each with the accounts of that segment it holds (or each account alone).</summary>
    private static List<int[][]> AccountsBySegment(TimeEquationDesign design, bool byCsm)
    {
        var segmentOf = new int[design.AccountIds.Count];
        Array.Fill(segmentOf, -1);
        for (var i = 0; i < design.Rows; i++)
        {
            if (segmentOf[design.Account[i]] < 0) segmentOf[design.Account[i]] = design.Segment[i];
        }
        return Enumerable.Range(0, design.Segments.Count)
            .Select(s => Enumerable.Range(0, segmentOf.Length).Where(a => segmentOf[a] == s)
                .GroupBy(a => byCsm ? design.CsmOfAccount[a] : a)
                .OrderBy(g => g.Key)
                .Select(g => g.ToArray())
                .ToArray())
            .Where(c => c.Length > 0)
            .ToList();
    }
}
