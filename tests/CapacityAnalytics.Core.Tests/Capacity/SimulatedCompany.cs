using CapacityAnalytics.Core.Capacity;
using MathNet.Numerics.Distributions;

namespace CapacityAnalytics.Core.Tests.Capacity;

/// <summary>
/// Account-months drawn from the time equation with known parameters and Tweedie (p = 1.5) noise: a Poisson number of
/// exponential jumps with mean mu in total, so small accounts have many zero months.
/// </summary>
internal static class SimulatedCompany
{
    public static readonly IReadOnlyDictionary<string, double> TrueBase = new Dictionary<string, double>
    {
        ["enterprise"] = 8,
        ["mid_market"] = 3,
        ["smb"] = 0.8,
    };

    public const double TrueComplexity = 1.15;
    public const double TrueOnboarding = 0.6;
    public const double TrueExpansion = 0.3;
    public const double TrueStakeholders = 1.05;

    public static List<AccountMonthObservation> Generate(int accounts, int months, int seed, double dispersion = 1.0)
    {
        var random = new Random(seed);
        var first = new DateOnly(2025, 1, 1);
        var rows = new List<AccountMonthObservation>(accounts * months);
        for (var a = 0; a < accounts; a++)
        {
            var u = random.NextDouble();
            var segment = u < 0.2 ? "enterprise" : u < 0.55 ? "mid_market" : "smb";
            var complexity = random.Next(1, 6);
            int? stakeholders = random.NextDouble() < 0.1 ? null : segment switch
            {
                "enterprise" => random.Next(2, 15),
                "mid_market" => random.Next(1, 9),
                _ => random.Next(1, 5),
            };
            var arr = segment switch
            {
                "enterprise" => 50_000 + (random.NextDouble() * 150_000),
                "mid_market" => 10_000 + (random.NextDouble() * 40_000),
                _ => 2_000 + (random.NextDouble() * 8_000),
            };
            // A third of the accounts start inside the observed window; their first 3 months are onboarding.
            var start = random.NextDouble() < 1.0 / 3 ? random.Next(0, months - 3) : -12;
            var csm = $"csm{a % 40:D2}";
            for (var m = Math.Max(0, start); m < months; m++)
            {
                var onboarding = m - start < 3;
                var expansion = random.NextDouble() < 0.25;
                var mu = TrueBase[segment]
                    * Math.Pow(TrueComplexity, complexity - 3)
                    * (onboarding ? 1 + TrueOnboarding : 1)
                    * (expansion ? 1 + TrueExpansion : 1)
                    * Math.Pow(TrueStakeholders, Math.Min(stakeholders ?? 3, 12) - 3);
                var hours = Tweedie(random, mu, dispersion);
                rows.Add(new AccountMonthObservation($"acc{a:D5}", csm, first.AddMonths(m), segment, hours, complexity, onboarding, expansion, stakeholders, arr));
            }
        }
        return rows;
    }

    /// <summary>Compound Poisson-gamma with power 1.5: N ~ Poisson(2 sqrt(mu) / phi) jumps, each exponential with mean phi sqrt(mu) / 2.</summary>
    private static double Tweedie(Random random, double mu, double dispersion)
    {
        var jumps = Poisson.Sample(random, 2 * Math.Sqrt(mu) / dispersion);
        var total = 0.0;
        for (var k = 0; k < jumps; k++) total += Exponential.Sample(random, 2 / (dispersion * Math.Sqrt(mu)));
        return total;
    }
}
