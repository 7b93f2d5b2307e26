using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Capacity.Planning;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity.Planning;

/// <summary>Expected hours, capacity, protection and lane rules on hand-built accounts.</summary>
public sealed class PlanningTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 30);

    /// <summary>One segment "ent" with base hours e^1.5 = 4.4817; complexity x e^0.1, onboarding uplift e^0.2 - 1, expansion e^0.3 - 1, stakeholders x e^0.05.</summary>
    private static readonly TimeEquationParameters Fit = new(["ent"], [1.5, 0.1, 0.2, 0.3, 0.05]);

    private static PlanningAccount Account(string id, double arr = 20000, int complexity = 3, int? stakeholders = 3, bool onboarding = false,
        bool expansion = false, DateOnly? renewal = null, double? observed = null, double? tickets = null, bool atRisk = false, string lane = "pooled") =>
        new(id, "c1", "ent", lane, arr, complexity, stakeholders, onboarding, expansion, renewal, observed, tickets, atRisk);

    [Fact]
    public void Expected_hours_follow_the_calibrated_time_equation()
    {
        // complexity 5 (+2 steps), 5 stakeholders (+2), onboarding, expansion:
        // e^1.5 x e^(0.1 x 2) x e^0.2 x e^0.3 x e^(0.05 x 2) = e^(1.5 + 0.2 + 0.2 + 0.3 + 0.1) = e^2.3 = 9.9742
        var hours = BookPlanner.ExpectedHours(Fit, Account("a", complexity: 5, stakeholders: 5, onboarding: true, expansion: true));
        Assert.Equal(Math.Exp(2.3), hours, 12);
        // a typical account: the base hours alone; a segment the fit never saw: 0
        Assert.Equal(Math.Exp(1.5), BookPlanner.ExpectedHours(Fit, Account("b")), 12);
        Assert.Equal(0, BookPlanner.ExpectedHours(Fit, Account("c") with { Segment = "smb" }));
    }

    [Fact]
    public void Capacity_is_the_customer_facing_hours_of_the_available_hours_chain()
    {
        // 40 h x (52 - 4) / 12 = 160 h; x 0.6 = 96 customer-facing (the practical factor is not applied); half-time: 48
        var model = TestModels.Ninety6Hours();
        model.AvailableHours.PracticalCapacity = 0.5;
        Assert.Equal(96, BookPlanner.CapacityHours(model, 40), 12);
        Assert.Equal(48, BookPlanner.CapacityHours(model, 20), 12);
    }

    [Fact]
    public void Renewals_within_the_window_and_onboarding_protect_an_account()
    {
        var policy = new RebalancePolicy { ProtectRenewalDays = 60 };
        // 2026-10-30 + 60 days = 2026-12-29: in; 2026-12-30: out; a renewal already past does not protect.
        Assert.Equal("renewal in 60 days", BookPlanner.Protection(policy, Account("a", renewal: new DateOnly(2026, 12, 29)), AsOf));
        Assert.Null(BookPlanner.Protection(policy, Account("b", renewal: new DateOnly(2026, 12, 30)), AsOf));
        Assert.Null(BookPlanner.Protection(policy, Account("c", renewal: new DateOnly(2026, 10, 1)), AsOf));
        Assert.Equal("renewal in 1 days, onboarding", BookPlanner.Protection(policy, Account("d", onboarding: true, renewal: new DateOnly(2026, 10, 31)), AsOf));
        Assert.Null(BookPlanner.Protection(new RebalancePolicy { ProtectOnboarding = false }, Account("e", onboarding: true), AsOf));
    }

    [Fact]
    public void Lanes_follow_the_rules_with_reasons_and_the_hours_they_free_or_need()
    {
        // Rules: dedicated at ARR >= 50,000, complexity >= 5 or >= 5 h; digital below 10,000 ARR, complexity <= 3,
        // <= 1 h, <= 1 ticket, healthy. Base hours e^1.5 = 4.48 h, so a typical account is not digital on hours;
        // a digital candidate needs a fit with small base hours: use base e^-1 = 0.3679 h.
        var model = TestModels.Ninety6Hours();
        var small = new TimeEquationParameters(["ent"], [-1, 0.1, 0.2, 0.3, 0.05]);
        var accounts = new[]
        {
            Account("big", arr: 60000, lane: "pooled"),                                  // ARR -> dedicated
            Account("busy", observed: 6, lane: "dedicated"),                             // observed 6 h > expected 0.37 -> dedicated
            Account("tiny", arr: 5000, observed: 0.5, tickets: 0.5, lane: "pooled"),     // every digital condition -> digital
            Account("risky", arr: 5000, observed: 0.5, tickets: 0.5, atRisk: true, lane: "digital"), // at risk -> pooled
            Account("new", arr: 5000, lane: "pooled"),                                   // no observed months -> pooled
        };
        var rows = LaneRecommender.Recommend(model, small, accounts).ToDictionary(r => r.AccountId);

        Assert.Equal(("dedicated", "ARR 60,000 >= 50,000"), (rows["big"].RecommendedLane, rows["big"].Reasons));
        Assert.Equal(("dedicated", "6.0 h/month >= 5.0"), (rows["busy"].RecommendedLane, rows["busy"].Reasons));
        Assert.Equal("digital", rows["tiny"].RecommendedLane);
        Assert.Equal("ARR 5,000 < 10,000; complexity 3 <= 3; 0.5 h/month <= 1.0; 0.5 tickets/month <= 1.0; healthy", rows["tiny"].Reasons);
        Assert.Equal(("pooled", "below the dedicated thresholds; not digital: at risk"), (rows["risky"].RecommendedLane, rows["risky"].Reasons));
        Assert.Equal(("pooled", "below the dedicated thresholds; not digital: no observed months"), (rows["new"].RecommendedLane, rows["new"].Reasons));

        // Hours: expected e^-1 = 0.3679 in dedicated/pooled, 0.05 in digital. "tiny" pooled -> digital frees 0.3179;
        // "risky" digital -> pooled needs 0.3179; "big" pooled -> dedicated moves 0.3679 between the two.
        var e = Math.Exp(-1);
        Assert.Equal(0.05 - e, rows["tiny"].HoursChange, 12);
        Assert.Equal(e - 0.05, rows["risky"].HoursChange, 12);
        Assert.False(rows["new"].ChangesLane);
        var summary = LaneRecommender.Summarize(model, [.. rows.Values]).ToDictionary(s => s.Lane);
        // pooled now: big, tiny, new = 3e; recommended: risky, new = 2e -> change -e; FTE: -e / 96
        Assert.Equal((3, 2, 1, 2), (summary["pooled"].AccountsNow, summary["pooled"].AccountsRecommended, summary["pooled"].AccountsIn, summary["pooled"].AccountsOut));
        Assert.Equal(-e, summary["pooled"].HoursChange, 12);
        Assert.Equal(-e / 96, summary["pooled"].FteChange, 12);
        // dedicated now: busy = e; recommended: big, busy = 2e -> +e. digital now: risky = 0.05; recommended: tiny = 0.05 -> 0
        Assert.Equal(e, summary["dedicated"].HoursChange, 12);
        Assert.Equal(0, summary["digital"].HoursChange, 12);
    }
}
