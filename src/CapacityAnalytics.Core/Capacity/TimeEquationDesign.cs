namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The design of the time equation (docs/time-equation.md): one indicator per segment and no intercept, then
/// complexity - 3, onboarding, expansion_active and min(stakeholders, 12) - 3 (missing: 3). Rows are kept in a flat
/// row-major array for the IRLS loop; each row knows its account, for the bootstrap over accounts.
/// </summary>
public sealed class TimeEquationDesign
{
    public const int CovariateCount = 4;

    private TimeEquationDesign(IReadOnlyList<string> segments, IReadOnlyList<string> accountIds, double[] x, double[] y, int[] account, int[] segment, int[] csmOfAccount)
    {
        CsmOfAccount = csmOfAccount;
        Segments = segments;
        AccountIds = accountIds;
        X = x;
        Y = y;
        Account = account;
        Segment = segment;
    }

    public IReadOnlyList<string> Segments { get; }
    public IReadOnlyList<string> AccountIds { get; }
    public int Rows => Y.Length;
    public int Columns => Segments.Count + CovariateCount;
    internal double[] X { get; }
    internal double[] Y { get; }
    internal int[] Account { get; }
    internal int[] Segment { get; }

    /// <summary>Per account: the CSM that owned its first observed month (the bootstrap's outer cluster).</summary>
    internal int[] CsmOfAccount { get; }

    /// <summary>Segment columns in the given order (e.g. the model's), keeping only segments that have observations.</summary>
    public static TimeEquationDesign Build(IReadOnlyList<AccountMonthObservation> observations, IEnumerable<string>? segmentOrder = null)
    {
        var present = observations.Select(o => o.Segment).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var ordered = (segmentOrder ?? present.OrderBy(s => s, StringComparer.Ordinal)).Where(present.Contains).ToList();
        foreach (var s in present.Where(s => !ordered.Contains(s)).OrderBy(s => s, StringComparer.Ordinal)) ordered.Add(s);
        var segmentIndex = ordered.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);

        var accountIds = observations.Select(o => o.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var accountIndex = accountIds.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);

        var columns = ordered.Count + CovariateCount;
        var x = new double[observations.Count * columns];
        var y = new double[observations.Count];
        var account = new int[observations.Count];
        var segment = new int[observations.Count];
        for (var r = 0; r < observations.Count; r++)
        {
            var o = observations[r];
            if (o.Hours < 0 || !double.IsFinite(o.Hours)) throw new ArgumentException($"Account {o.AccountId} {o.Month:yyyy-MM}: hours must be finite and not negative.", nameof(observations));
            var s = segmentIndex[o.Segment];
            Row(x, r * columns, ordered.Count, s, o);
            y[r] = o.Hours;
            account[r] = accountIndex[o.AccountId];
            segment[r] = s;
        }
        var csms = observations.Select(o => o.CsmId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        // Each account's CSM in its first month (the first such row when two share that month), in one pass, not a sort.
        var csmOfAccount = new int[accountIds.Count];
        var firstMonth = new DateOnly[accountIds.Count];
        Array.Fill(csmOfAccount, -1);
        for (var r = 0; r < observations.Count; r++)
        {
            var a = account[r];
            if (csmOfAccount[a] >= 0 && observations[r].Month >= firstMonth[a]) continue;
            csmOfAccount[a] = csms[observations[r].CsmId];
            firstMonth[a] = observations[r].Month;
        }
        return new TimeEquationDesign(ordered, accountIds, x, y, account, segment, csmOfAccount);
    }

    private static void Row(double[] x, int offset, int segmentCount, int segment, AccountMonthObservation o)
    {
        x[offset + segment] = 1;
        x[offset + segmentCount] = TimeEquationTerms.ComplexityTerm(o.Complexity);
        x[offset + segmentCount + 1] = o.Onboarding ? 1 : 0;
        x[offset + segmentCount + 2] = o.ExpansionActive ? 1 : 0;
        x[offset + segmentCount + 3] = TimeEquationTerms.StakeholderTerm(o.Stakeholders);
    }
}
