using CapacityAnalytics.Core.Capacity;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Xunit.Abstractions;

namespace CapacityAnalytics.Core.Tests.Capacity;

public sealed class ClusterBootstrapTests(ITestOutputHelper output)
{
    /// <summary>
    /// 20 CSMs x 15 accounts x 12 months; each CSM works all their accounts at a factor of their own (lognormal, mean 1,
    /// sd of log 0.35), each account at its own (sd 0.2), months Poisson around that: hours of one CSM move together.
    /// </summary>
    private static List<AccountMonthObservation> CorrelatedCompany(int seed)
    {
        var random = new MersenneTwister(seed);
        var rows = new List<AccountMonthObservation>();
        for (var c = 0; c < 20; c++)
        {
            var csmFactor = Math.Exp(Normal.Sample(random, -0.35 * 0.35 / 2, 0.35));
            for (var a = 0; a < 15; a++)
            {
                var accountFactor = Math.Exp(Normal.Sample(random, -0.2 * 0.2 / 2, 0.2));
                var complexity = 1 + ((a + c) % 5);
                var stakeholders = 1 + (a % 6);
                for (var m = 0; m < 12; m++)
                {
                    var onboarding = a % 5 == 0 && m < 3;
                    var expansion = (a + m) % 4 == 0;
                    var mu = 8 * csmFactor * accountFactor * Math.Pow(1.1, complexity - 3) * (onboarding ? 1.5 : 1) * (expansion ? 1.2 : 1)
                        * Math.Pow(1.05, stakeholders - 3);
                    rows.Add(new AccountMonthObservation($"a{c:D2}{a:D2}", $"c{c:D2}", new DateOnly(2025, 1, 1).AddMonths(m), "enterprise",
                        Poisson.Sample(random, mu), complexity, onboarding, expansion, stakeholders, 100_000));
                }
            }
        }
        return rows;
    }

    [Fact]
    public void Ranges_hold_the_true_base_hours_about_as_often_as_claimed_when_a_csms_accounts_move_together()
    {
        // Given 40 companies whose CSMs each work at a factor of their own around the true 8 base hours
        int hits = 0, accountOnlyHits = 0;
        const int companies = 40;
        for (var seed = 1; seed <= companies; seed++)
        {
            var design = TimeEquationDesign.Build(CorrelatedCompany(seed), ["enterprise"]);
            var fit = TweedieGlm.Fit(design);

            // When the base hours' 90% range is bootstrapped: whole CSMs then whole accounts, and accounts alone
            var range = TimeEquationBootstrap.Run(design, fit, GlmOptions.Default, new BootstrapOptions(Reps: 60, Seed: seed))["base_hours.enterprise"];
            var accountOnly = TimeEquationBootstrap.Run(design, fit, GlmOptions.Default, new BootstrapOptions(Reps: 60, Seed: seed, ByCsm: false))["base_hours.enterprise"];
            hits += range.Low <= 8 && 8 <= range.High ? 1 : 0;
            accountOnlyHits += accountOnly.Low <= 8 && 8 <= accountOnly.High ? 1 : 0;
        }

        // Then drawing whole CSMs holds the truth in most companies, while drawing accounts alone ignores the CSM
        // factors and misses it in most (the unseen companies of issue 13: 3 ranges of 5). With 20 CSMs the percentile
        // range still runs a little short of 90%: measured 31 of 40 here, against 13 of 40 for accounts alone.
        output.WriteLine($"90% ranges holding the true base hours: {hits} of {companies} drawing CSMs, {accountOnlyHits} drawing accounts alone");
        Assert.InRange(hits, (int)(0.7 * companies), companies);
        Assert.True(accountOnlyHits < hits - 10, $"accounts alone {accountOnlyHits}, CSMs {hits}");
    }
}
