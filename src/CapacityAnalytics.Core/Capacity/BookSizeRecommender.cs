using MathNet.Numerics.Random;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// The variance buffer (docs/capacity-model.md). A CSM's month with n accounts of a segment is simulated as the sum of n account-months
/// drawn with replacement from the segment's observed account-months. For each simulated month the draws are added one
/// account at a time until the load first exceeds capacity; that first count e is where this month overloads. The
/// overload share of a book of n is the share of months with e &lt;= n, which never falls as n grows (every n sees the
/// same draws), and the recommendation is the largest n whose share is at most the allowed share. Seeded Mersenne
/// Twister: the same inputs give the same book. With constant hours h it is exactly floor(capacity / h).
/// </summary>
public static class BookSizeRecommender
{
    public const int DefaultSimulatedMonths = 4000;
    private const int MaxBook = 100_000;

    public static BookSize Recommend(IReadOnlyList<double> accountMonthHours, double capacityHours, double maxOverloadShare, int seed, int simulatedMonths = DefaultSimulatedMonths, double hoursScale = 1)
    {
        ArgumentNullException.ThrowIfNull(accountMonthHours);
        if (accountMonthHours.Count == 0) throw new ArgumentException("No observed account-months to draw from.", nameof(accountMonthHours));
        if (maxOverloadShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(maxOverloadShare), "Must be in [0, 1).");
        if (simulatedMonths < 1) throw new ArgumentOutOfRangeException(nameof(simulatedMonths), "At least one month.");
        var hours = accountMonthHours.ToArray();
        var random = new MersenneTwister(seed);
        var firstOverload = new int[simulatedMonths];
        for (var m = 0; m < simulatedMonths; m++)
        {
            var load = 0.0;
            var n = 0;
            while (load <= capacityHours && n < MaxBook)
            {
                load += hours[random.Next(hours.Length)] * hoursScale;
                n++;
            }
            firstOverload[m] = load > capacityHours ? n : MaxBook + 1;
        }
        Array.Sort(firstOverload);
        // share(n) <= q  <=>  #{e <= n} <= floor(q M)  <=>  n < the (floor(q M) + 1)-th smallest e.
        var allowed = (int)Math.Floor(maxOverloadShare * simulatedMonths);
        var accounts = Math.Min(firstOverload[allowed] - 1, MaxBook);
        var overloaded = firstOverload.Count(e => e <= accounts);
        return new BookSize(accounts, (double)overloaded / simulatedMonths);
    }
}
