namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The distinct rows of a design matrix and which one each row is. Rows that are equal share eta and mu in a GLM, so
/// IRLS and the deviance need only each distinct row with sums over its copies (<see cref="Totals"/>). The time
/// equation's covariates are a segment, small integers and flags: the 87,000 account-months of the benchmark's large
/// company have a few hundred distinct rows, and each bootstrap refit costs that many instead of every row.
/// </summary>
internal sealed class RowGroups
{
    private RowGroups(int columns, double[] x, int[] groupOf)
    {
        Columns = columns;
        X = x;
        GroupOf = groupOf;
    }

    public int Columns { get; }

    /// <summary>The distinct rows, row-major, in order of first appearance.</summary>
    public double[] X { get; }

    /// <summary>For each row of the design, its distinct row.</summary>
    public int[] GroupOf { get; }

    public int Count => X.Length / Math.Max(1, Columns);

    public static RowGroups Of(double[] x, int columns)
    {
        var rows = columns == 0 ? 0 : x.Length / columns;
        var first = new Dictionary<int, int>(new RowComparer(x, columns));
        var groupOf = new int[rows];
        var distinct = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            if (!first.TryGetValue(r, out var g))
            {
                g = distinct.Count;
                first.Add(r, g);
                distinct.Add(r);
            }
            groupOf[r] = g;
        }
        var unique = new double[distinct.Count * columns];
        for (var g = 0; g < distinct.Count; g++) Array.Copy(x, distinct[g] * columns, unique, g * columns, columns);
        return new RowGroups(columns, unique, groupOf);
    }

    /// <summary>Per distinct row, the sums over its copies of the prior weight w, of w y and of w times the deviance's y-only term.</summary>
    public Totals Sums(double[] y, double[]? weights, double power)
    {
        var totals = new Totals(new double[Count], new double[Count], new double[Count]);
        for (var i = 0; i < y.Length; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0) continue;
            var g = GroupOf[i];
            totals.Weight[g] += w;
            totals.WeightedY[g] += w * y[i];
            totals.WeightedYTerm[g] += w * TweedieDeviance.YTerm(y[i], power);
        }
        return totals;
    }

    internal sealed record Totals(double[] Weight, double[] WeightedY, double[] WeightedYTerm);

    /// <summary>Rows by index, equal when every value is.</summary>
    private sealed class RowComparer(double[] x, int columns) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b) => x.AsSpan(a * columns, columns).SequenceEqual(x.AsSpan(b * columns, columns));

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            foreach (var value in x.AsSpan(row * columns, columns)) hash.Add(value);
            return hash.ToHashCode();
        }
    }
}
