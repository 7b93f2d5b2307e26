using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

/// <summary>Small hand-made models whose numbers can be worked by hand.</summary>
internal static class TestModels
{
    /// <summary>
    /// 40 h/week, 4 PTO weeks: 40 x 48 / 12 = 160 h/month; x 0.6 customer-facing = 96; practical capacity 1 -> 96.
    /// Enterprise: 8 recurring touches of 60 min = 8 h per account-month; nothing else.
    /// </summary>
    public static CapacityModel Ninety6Hours(double enterpriseHours = 8) => new()
    {
        Version = "2026.1.0",
        EffectiveDate = new DateOnly(2026, 1, 1),
        AvailableHours = new AvailableHours { WeeklyHours = 40, PtoWeeksPerYear = 4, CustomerFacingShare = 0.6, PracticalCapacity = 1 },
        Segments = [new SegmentBand { Name = "enterprise", Lane = "dedicated" }],
        Touchpoints = new()
        {
            ["enterprise"] = new SegmentTouchpoints
            {
                Recurring = [new RecurringTouchpoint { Type = "check_in", PerMonth = enterpriseHours, Minutes = 60 }],
            },
        },
        Drivers = new Drivers { ComplexityMultiplier = 1.5, OnboardingUplift = 0.5, ExpansionUplift = 0.25, StakeholderMultiplier = 1.1, RiskUplift = 0.2, AverageLifetimeMonths = 36 },
        Forward = new ForwardPlan { ChurnRate = 0.15 },
    };

    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CapacityAnalytics.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    public static CapacityModel Shipped() => CapacityModelLoader.LoadFile(RepoFile("pipelines/capacity-model.yaml"));
}
