using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

public class ScenarioRunnerTests
{
    [Fact]
    public void Each_scenario_is_worked_against_the_baseline()
    {
        // Given 96 practical hours, enterprise 8 recurring hours + 36 h of onboarding touchpoints over a 36-month
        // lifetime (1 h/month) = 9 h per account-month, 96 accounts with $9.6M: baseline 96 x 9 / 96 = 9 CSMs
        var model = TestModels.Ninety6Hours();
        model.Touchpoints["enterprise"].OneTime = [new OneTimeTouchpoint { Type = "kickoff", Count = 36, Minutes = 60, Amortize = "onboarding" }];
        model.Scenarios =
        [
            new Scenario { Name = "deal_size_up_20", DealSizeChange = 0.2 },
            new Scenario { Name = "onboarding_specialists", OnboardingToSpecialists = true },
            new Scenario { Name = "digital", ToDigital = ["enterprise"] },
            new Scenario { Name = "arr_growth_30", ArrGrowth = 0.3 },
        ];

        // When the scenarios run
        var rows = ScenarioRunner.Run(model, [new SegmentPortfolio("enterprise", 96, 9_600_000)])
            .Where(r => r.Segment == "enterprise").ToDictionary(r => r.Scenario);

        // Then baseline: 9 CSMs of 96 / 9 = 10.67 accounts, $1.067M each
        Assert.Equal(9, rows["baseline"].Headcount, 9);
        Assert.Equal(96.0 / 9, rows["baseline"].AccountsPerCsm!.Value, 9);
        Assert.Equal(96.0 / 9 * 100_000, rows["baseline"].ArrPerCsm!.Value, 6);
        // deal size +20%: 80 accounts x 9 / 96 = 7.5 CSMs (-1.5), each with 10.67 accounts of $120k = $1.28M
        Assert.Equal(7.5, rows["deal_size_up_20"].Headcount, 9);
        Assert.Equal(-1.5, rows["deal_size_up_20"].HeadcountDelta, 9);
        Assert.Equal(96.0 / 9 * 120_000, rows["deal_size_up_20"].ArrPerCsm!.Value, 6);
        // onboarding to specialists: 8 h per account: 8 CSMs (-1) with 12 accounts
        Assert.Equal(8, rows["onboarding_specialists"].Headcount, 9);
        Assert.Equal(12, rows["onboarding_specialists"].AccountsPerCsm!.Value, 9);
        // digital: no CSMs (-9), 96 x 0.05 / 96 = 0.05 FTE of digital program
        Assert.Equal(0, rows["digital"].Headcount);
        Assert.Equal(-9, rows["digital"].HeadcountDelta, 9);
        Assert.Null(rows["digital"].AccountsPerCsm);
        Assert.Equal(0.05, rows["digital"].DigitalProgramFte, 12);
        // ARR +30%: 124.8 accounts x 9 / 96 = 11.7 CSMs (+2.7)
        Assert.Equal(11.7, rows["arr_growth_30"].Headcount, 9);
        Assert.Equal(2.7, rows["arr_growth_30"].HeadcountDelta, 9);
    }

    [Fact]
    public void The_shipped_scenarios_each_give_a_total_row()
    {
        var model = TestModels.Shipped();
        var portfolio = new[] { new SegmentPortfolio("enterprise", 50, 5_000_000), new SegmentPortfolio("mid_market", 200, 5_000_000), new SegmentPortfolio("smb", 1000, 5_000_000) };

        var totals = ScenarioRunner.Run(model, portfolio).Where(r => r.Segment == "total").Select(r => r.Scenario);

        Assert.Equal(["baseline", "deal_size_up_20", "onboarding_specialists", "smb_digital", "arr_growth_30"], totals);
    }
}
