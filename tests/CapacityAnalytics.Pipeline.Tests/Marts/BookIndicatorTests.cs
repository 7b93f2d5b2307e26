using System.Globalization;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

/// <summary>Book-level leading indicators, each on a small hand-built book measured at a fixed as-of date.</summary>
public class BookIndicatorTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30); // a Monday: the last week is 2025-06-30 with ref_date = as_of

    private static TestWarehouse Book(params (string Id, double Arr)[] accounts)
    {
        var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east" });
        foreach (var (id, arr) in accounts)
        {
            w.Add("accounts", new { account_id = id, csm_id = "c1", arr, contract_start = new DateOnly(2020, 1, 1) });
        }
        return w;
    }

    private static void Touch(TestWarehouse w, string id, string? account, string type, DateOnly day, string? direction = null) =>
        w.Add("activities", new { activity_id = id, account_id = account, csm_id = "c1", type, occurred_at = day.ToDateTime(new TimeOnly(10, 0)), direction });

    private static Dictionary<string, object?> LastWeek(TestWarehouse w) =>
        w.Rows("select * from fct_csm_week where csm_id = 'c1' and week_start = date '2025-06-30'").Single();

    private static double N(Dictionary<string, object?> row, string column) => Convert.ToDouble(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public void Coverage_counts_accounts_and_arr_with_a_proactive_touch_in_the_last_30_60_and_90_days()
    {
        // Given four accounts (ARR 10k, 20k, 30k, 40k) last touched proactively 10, 45 and 75 days before as_of, and
        // a4 only ever reached by an inbound email (contact, not a proactive touch). Data start = 2025-04-16 (75 days).
        using var w = Book(("a1", 10_000), ("a2", 20_000), ("a3", 30_000), ("a4", 40_000));
        Touch(w, "x1", "a1", "check_in", new DateOnly(2025, 6, 20));
        Touch(w, "x2", "a2", "check_in", new DateOnly(2025, 5, 16));
        Touch(w, "x3", "a3", "check_in", new DateOnly(2025, 4, 16));
        Touch(w, "x4", "a4", "email", new DateOnly(2025, 6, 25), "inbound");

        // When built as of 2025-06-30
        w.Build(AsOf);
        var week = LastWeek(w);

        // Then coverage 30d = 1/4, 60d = 2/4, 90d = 3/4; by ARR 10/100, 30/100, 60/100
        Assert.Equal(0.25, N(week, "coverage_30d"), 9);
        Assert.Equal(0.50, N(week, "coverage_60d"), 9);
        Assert.Equal(0.75, N(week, "coverage_90d"), 9);
        Assert.Equal(0.10, N(week, "arr_coverage_30d"), 9);
        Assert.Equal(0.30, N(week, "arr_coverage_60d"), 9);
        Assert.Equal(0.60, N(week, "arr_coverage_90d"), 9);
        // gone dark (>= 60 days without proactive touch): a3 (75 days) and a4 (never, observed 75 days) -> 2, ARR 70k at risk
        Assert.Equal(2.0, N(week, "accounts_gone_dark"));
        Assert.Equal(70_000.0, N(week, "arr_at_risk"));
        // and days since the last proactive touch per account: 10, 45, 75, never
        var days = w.Rows("select account_id, days_since_proactive_touch, gone_dark, no_contact from fct_account_health order by account_id");
        Assert.Equal([10L, 45L, 75L, null], days.Select(r => (long?)r["days_since_proactive_touch"]));
        Assert.Equal([false, false, true, true], days.Select(r => (bool)r["gone_dark"]!));
        // a2's last contact was 45 days ago (>= 30: no contact); a4 had an inbound email 5 days ago
        Assert.Equal([false, true, true, false], days.Select(r => (bool)r["no_contact"]!));
    }

    [Fact]
    public void Qbr_completion_is_qbrs_held_within_the_segment_cadence_over_qbrs_due()
    {
        // Given data from 2024-12-01 (211 days before as_of); enterprise QBR cadence 3 months = round(91.3) = 91 days,
        // mid-market 6 months = 183 days, SMB none. e1 had a QBR 30 days ago, e2 121 days ago, m1 never, s1 is SMB.
        using var w = Book(("e1", 60_000), ("e2", 80_000), ("m1", 20_000), ("s1", 5_000));
        Touch(w, "x0", null, "admin", new DateOnly(2024, 12, 1));
        Touch(w, "x1", "e1", "qbr", new DateOnly(2025, 5, 31));
        Touch(w, "x2", "e2", "qbr", new DateOnly(2025, 3, 1));
        Touch(w, "x3", "s1", "check_in", new DateOnly(2025, 6, 2));

        // When built
        w.Build(AsOf);
        var week = LastWeek(w);

        // Then due = e1, e2, m1 = 3; held = e1 = 1; completion = 1/3
        Assert.Equal(3.0, N(week, "qbrs_due"));
        Assert.Equal(1.0, N(week, "qbrs_held"));
        Assert.Equal(1 / 3.0, N(week, "qbr_completion"), 9);
    }

    [Fact]
    public void Health_drift_is_measured_on_accounts_without_contact_in_30_days()
    {
        // Given b1, last contacted 2025-05-01 (60 days before as_of), health 80 -> 60 over four weeks and daily active
        // users 10 in the four weeks to 2025-06-01 and 5 in the four weeks to 2025-06-29;
        // and b2, contacted 2025-06-20, whose health fell 90 -> 50 (contacted, so not in the drift).
        var asOf = new DateOnly(2025, 6, 29); // a Sunday: the last week starts 2025-06-23
        using var w = Book(("b1", 20_000), ("b2", 20_000));
        Touch(w, "x1", "b1", "check_in", new DateOnly(2025, 5, 1));
        Touch(w, "x2", "b2", "check_in", new DateOnly(2025, 6, 20));
        w.Add("health_scores", new { account_id = "b1", date = new DateOnly(2025, 5, 28), score = 80.0 });
        w.Add("health_scores", new { account_id = "b1", date = new DateOnly(2025, 6, 25), score = 60.0 });
        w.Add("health_scores", new { account_id = "b2", date = new DateOnly(2025, 5, 28), score = 90.0 });
        w.Add("health_scores", new { account_id = "b2", date = new DateOnly(2025, 6, 25), score = 50.0 });
        for (var d = new DateOnly(2025, 5, 5); d <= asOf; d = d.AddDays(1))
        {
            w.Add("usage_daily", new { account_id = "b1", date = d, active_users = d < new DateOnly(2025, 6, 2) ? 10L : 5L });
        }

        // When built as of 2025-06-29
        w.Build(asOf);
        var week = w.Rows("select * from fct_csm_week where csm_id = 'c1' and week_start = date '2025-06-23'").Single();

        // Then one account has no contact; its score moved 60 - 80 = -20 and its usage 5 / 10 - 1 = -50%
        Assert.Equal(1.0, N(week, "no_contact_accounts"));
        Assert.Equal(-20.0, N(week, "no_contact_health_drift"), 9);
        Assert.Equal(-0.5, N(week, "no_contact_usage_drift"), 9);
        Assert.Equal(1.0, N(week, "no_contact_declining_accounts"));
        var b1 = w.Rows("select * from fct_account_health where account_id = 'b1'").Single();
        Assert.Equal(59L, b1["days_since_contact"]);
        Assert.True((bool)b1["declining_without_contact"]!);
        // 59 days without a proactive touch is not yet gone dark (60)
        Assert.False((bool)b1["gone_dark"]!);
    }

    [Fact]
    public void Book_measures_count_onboarding_renewals_bunching_expansion_and_arr_at_risk()
    {
        // Given as of 2025-06-30 (renewal horizon 90 days: 2025-07-01 .. 2025-09-28):
        //   a1 60k, contract 2025-05-01 (onboarding until 2025-07-30), renews 2025-07-15
        //   a2 20k, renews 2025-07-20, health 40 (< 50: at risk)
        //   a3  5k, renews 2025-09-15, expansion opportunity opened 2025-06-30
        //   a4 15k, renews 2025-12-01 (outside the horizon), expansion meeting 2025-06-30
        // all four touched proactively on 2025-06-25.
        using var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east" });
        w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 60_000.0, contract_start = new DateOnly(2025, 5, 1), renewal_date = new DateOnly(2025, 7, 15) });
        w.Add("accounts", new { account_id = "a2", csm_id = "c1", arr = 20_000.0, contract_start = new DateOnly(2023, 1, 1), renewal_date = new DateOnly(2025, 7, 20) });
        w.Add("accounts", new { account_id = "a3", csm_id = "c1", arr = 5_000.0, contract_start = new DateOnly(2023, 1, 1), renewal_date = new DateOnly(2025, 9, 15) });
        w.Add("accounts", new { account_id = "a4", csm_id = "c1", arr = 15_000.0, contract_start = new DateOnly(2023, 1, 1), renewal_date = new DateOnly(2025, 12, 1) });
        foreach (var a in new[] { "a1", "a2", "a3", "a4" }) Touch(w, "t-" + a, a, "check_in", new DateOnly(2025, 6, 25));
        Touch(w, "m-a4", "a4", "expansion_meeting", AsOf);
        w.Add("health_scores", new { account_id = "a2", date = new DateOnly(2025, 6, 25), score = 40.0 });
        w.Add("opportunities", new { opportunity_id = "o1", account_id = "a3", type = "expansion", amount = 2_000.0, created_on = AsOf });

        // When built
        w.Build(AsOf);
        var week = LastWeek(w);

        // Then
        Assert.Equal(4.0, N(week, "book_accounts"));
        Assert.Equal(100_000.0, N(week, "book_arr"));
        Assert.Equal(1.0, N(week, "onboarding_accounts"));
        Assert.Equal(3.0, N(week, "renewals_in_horizon"));        // a1, a2, a3
        Assert.Equal(85_000.0, N(week, "renewal_arr_in_horizon"));
        Assert.Equal(2.0, N(week, "renewal_bunching"));           // two in July
        Assert.Equal(20_000.0, N(week, "arr_at_risk"));           // a2 (health 40)
        Assert.Equal(1.0, N(week, "expansion_opps_opened"));
        Assert.Equal(0.25, N(week, "expansion_opps_per_account"), 9);
        Assert.Equal(0.25, N(week, "expansion_meetings_per_account"), 9);
        Assert.Equal(0.25, N(week, "proactive_touches_per_account"), 9); // one proactive touch (the meeting) this week
        // and the rollups agree: the team and the company hold the same single book
        Assert.Equal(3.0, w.Number("select count(*) from fct_indicator_rollup where week_start = date '2025-06-30' and book_arr = 100000 and level in ('csm', 'team', 'company')"));
        Assert.Equal(60_000.0, w.Number("select book_arr from fct_indicator_rollup where week_start = date '2025-06-30' and level = 'segment' and key = 'enterprise'"));
    }
}
