using CapacityAnalytics.Core.Capacity;
using Xunit.Abstractions;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class ParameterRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public void The_fit_recovers_planted_parameters_within_10_percent_and_the_bootstrap_covers_them()
    {
        // Given 600 accounts x 18 months drawn from base 8 / 3 / 0.8, complexity 1.15, onboarding 0.6,
        // expansion 0.3, stakeholders 1.05 with Tweedie noise (many zero smb months)
        var data = SimulatedCompany.Generate(accounts: 600, months: 18, seed: 42, dispersion: 2);
        var design = TimeEquationDesign.Build(data, ["enterprise", "mid_market", "smb"]);

        // When fitted and bootstrapped over accounts
        var fit = TweedieGlm.Fit(design);
        var boot = TimeEquationBootstrap.Run(design, fit, GlmOptions.Default, new BootstrapOptions(Reps: 60, Seed: 7));

        // Then every estimate is within 10% of the truth and inside its 5-95% range. Uplifts are compared as the
        // factor (1 + uplift) they multiply hours by: the onboarding uplift rests on ~600 onboarding months and its
        // standard error (~0.05) is too close to 10% of 0.6 for a fair test on the uplift itself.
        var truth = new Dictionary<string, double>
        {
            ["base_hours.enterprise"] = 8,
            ["base_hours.mid_market"] = 3,
            ["base_hours.smb"] = 0.8,
            ["complexity_multiplier"] = SimulatedCompany.TrueComplexity,
            ["onboarding_uplift"] = SimulatedCompany.TrueOnboarding,
            ["expansion_uplift"] = SimulatedCompany.TrueExpansion,
            ["stakeholder_multiplier"] = SimulatedCompany.TrueStakeholders,
        };
        Assert.True(fit.Converged);
        output.WriteLine($"zero months: {data.Count(d => d.Hours == 0)} of {data.Count}; iterations {fit.Iterations}");
        foreach (var r in boot.Ranges)
        {
            output.WriteLine($"{r.Name}: true {truth[r.Name]} estimate {r.Estimate:F4} [{r.Low:F4}, {r.High:F4}] error {(r.Estimate / truth[r.Name]) - 1:P1}");
        }
        foreach (var r in boot.Ranges)
        {
            var factor = r.Name.EndsWith("_uplift", StringComparison.Ordinal) ? 1 : 0;
            Assert.InRange(factor + r.Estimate, (factor + truth[r.Name]) * 0.9, (factor + truth[r.Name]) * 1.1);
            Assert.InRange(truth[r.Name], r.Low, r.High);
        }
    }
}
