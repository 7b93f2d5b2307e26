using CapacityAnalytics.Pipeline.Tests.Support;
using static CapacityAnalytics.Pipeline.Tests.Marts.EarlyWarningTests;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

/// <summary>
/// The overload family and exposure counted once per book. Shipped thresholds: utilization above 1.0 in at least 3 of
/// the last 4 weeks; recovery_weeks 3. A CSM's customer-facing hours are 40 x 0.6667 = 26.668 a week, so 35 hours
/// (1,500 proactive + 600 reactive minutes) are a utilization of 35 / 26.668 = 1.31244.
/// </summary>
public class EarlyWarningFamilyTests
{
    private const double CustomerFacingHours = 40 * 0.6667;

    [Fact]
    public void A_csm_over_capacity_from_the_first_week_is_flagged_by_the_overload_family_and_closes_after_recovery()
    {
        // Given 35 hours a week in weeks 1-20 (proactive share 1500 / 2100 = 0.714, steady, so no decline), then the
        // steady 80 minutes (share 0.75). By hand: weeks 1-3 over -> holds and opens in week 3 (no history needed);
        // week 21: weeks 18-20 over (3 of 4) still holds; week 22: 2 of 4, no longer; 22, 23, 24 -> closes in week 24.
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, k => k <= 20 ? (1500, 600) : (60, 20));

        // When built
        w.Build();

        // Then one alert in all, of the overload family
        var alert = Assert.Single(w.Rows("select * from fct_early_warning"));
        Assert.Equal(("overload", "csm", "c1", "utilization"), (alert["family"], alert["level"], alert["key"], alert["indicator"]));
        Assert.Equal((Week(1), Week(3), Week(20), Week(24)), (alert["breach_started_week"], alert["opened_week"], alert["last_week"], alert["closed_week"]));
        Assert.Equal(21L, alert["weeks_open"]);
        Assert.Equal(20L, alert["weeks_breached"]);
        Assert.Null(alert["baseline_value"]);
        Assert.Equal(1.0, (double)alert["threshold_value"]!, 9);
        Assert.Equal(35 / CustomerFacingHours, (double)alert["worst_value"]!, 9);
        Assert.Equal(80.0 / 60 / CustomerFacingHours, (double)alert["current_value"]!, 9); // weeks 21-24
        Assert.Equal("customer hours at 131% of customer-facing capacity: rebalance the book or add capacity", alert["next_step"]);
    }

    [Fact]
    public void An_alert_on_a_csm_who_left_closes_the_week_after_their_last_week()
    {
        // Given c1 over capacity (35 h a week) until they leave after week 20, their account passing to c2 in week 21,
        // and c2 working steadily through week 30
        using var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east", end_date = Week(20).AddDays(6) });
        w.Add("csms", new { csm_id = "c2", team = "east" });
        w.Add("accounts", new { account_id = "a1", csm_id = "c2", arr = 100_000.0, contract_start = new DateOnly(2020, 1, 1) });
        w.Add("accounts", new { account_id = "a2", csm_id = "c2", arr = 50_000.0, contract_start = new DateOnly(2020, 1, 1) });
        w.Add("account_history", new { account_id = "a1", valid_from = new DateOnly(2020, 1, 1), csm_id = "c1" });
        w.Add("account_history", new { account_id = "a1", valid_from = Week(21), csm_id = "c2" });
        for (var k = 1; k <= 30; k++)
        {
            var monday = Week(k).ToDateTime(new TimeOnly(10, 0));
            if (k <= 20) w.Add("activities", new { activity_id = $"c1-{k}", account_id = "a1", csm_id = "c1", type = "check_in", occurred_at = monday, duration_minutes = 2100.0 });
            w.Add("activities", new { activity_id = $"c2-{k}", account_id = "a2", csm_id = "c2", type = "check_in", occurred_at = monday, duration_minutes = 60.0 });
        }

        // When built
        w.Build();

        // Then c1's overload alert is not left open for a CSM who is gone: it closes in week 21
        var alert = Assert.Single(w.Rows("select * from fct_early_warning where key = 'c1'"));
        Assert.Equal(("closed", Week(21)), (alert["status"], alert["closed_week"]));
        Assert.Empty(w.Rows("select * from fct_early_warning where status = 'open' and key = 'c1'"));
    }

    [Fact]
    public void A_book_above_the_high_end_of_its_range_is_flagged_whatever_its_history()
    {
        // Given a CSM with n smb accounts (ARR 5,000), n = the smallest whole book above the smb range's high end, and
        // little work. book_vs_range = n / high > 1 every week, so the rule holds from week 3 and stays open.
        using var w = new TestWarehouse();
        w.Build(Week(10));
        var high = w.Number("select accounts_high from model_book_range where segment = 'smb'");
        var n = (int)Math.Floor(high) + 1;
        using var book = new TestWarehouse();
        book.Add("csms", new { csm_id = "c1", team = "east" });
        for (var i = 0; i < n; i++) book.Add("accounts", new { account_id = $"s{i}", csm_id = "c1", arr = 5_000.0, contract_start = new DateOnly(2020, 1, 1) });
        for (var k = 1; k <= 10; k++) book.Add("activities", new { activity_id = $"p{k}", account_id = "s0", csm_id = "c1", type = "check_in", occurred_at = Week(k).ToDateTime(new TimeOnly(10, 0)), duration_minutes = 60.0 });

        // When built
        book.Build();

        // Then an open overload alert on the book, at n / high
        var alert = Assert.Single(book.Rows("select * from fct_early_warning where indicator = 'book_vs_range'"));
        Assert.Equal(("overload", "open", Week(3)), (alert["family"], alert["status"], alert["opened_week"]));
        Assert.Equal(n / high, (double)alert["current_value"]!, 9);
        Assert.Equal(n, (long)alert["exposed_accounts"]!);
    }

    [Fact]
    public void Exposure_is_counted_once_per_book_however_many_alerts_are_open_on_it()
    {
        // Given 35 hours a week throughout (overload from week 3) and, from week 17, 600 proactive / 1,500 reactive
        // minutes (share 0.2857 vs 0.7143): week 18 window (2 x 0.7143 + 2 x 0.2857) / 4 = 0.5, drop 0.214 -> breach,
        // week 19 the decline opens. Both are open at week 30 on the same 100,000 book.
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, k => k < 17 ? (1500, 600) : (600, 1500));

        // When built
        w.Build();

        // Then two open CSM alerts, each exposing the book, but the book counted once
        var alerts = w.Rows("select * from fct_early_warning where level = 'csm' and status = 'open' order by family");
        Assert.Equal(["decline", "overload"], alerts.Select(a => (string)a["family"]!));
        Assert.Equal(Week(19), alerts[0]["opened_week"]);
        Assert.Equal(200_000.0, w.Number("select sum(exposed_arr) from fct_early_warning where level = 'csm' and status = 'open'"));
        Assert.Equal(100_000.0, w.Number("select sum(counted_exposed_arr) from fct_early_warning where level = 'csm' and status = 'open'"));
        Assert.Equal(1.0, w.Number("select cast(sum(counted_exposed_accounts) as double) from fct_early_warning where level = 'csm' and status = 'open'"));
        Assert.Equal([true, false], alerts.Select(a => (bool)a["exposure_counted"]!));
        // Every level counts its own book once: csm, team, segment, company
        Assert.Equal(4.0, w.Number("select count(*) from fct_early_warning where exposure_counted"));
    }

    [Fact]
    public void A_decline_after_the_book_grew_names_the_accounts_to_rebalance()
    {
        // Given the planted decline (weeks 17-22) and 12 accounts handed to c1 on Monday of week 17 (history).
        // By hand, at the opened week 19: window weeks 16-19 book = (1 + 13 + 13 + 13) / 4 = 10, the baseline weeks
        // 4-15 had 1: grew by 9 accounts (> 20%), so the cause is "book grew" and the step names 9.
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, PlantedDecline);
        w.Add("csms", new { csm_id = "c2", team = "east" });
        for (var i = 0; i < 12; i++)
        {
            w.Add("accounts", new { account_id = $"b{i}", csm_id = "c1", arr = 100_000.0, contract_start = new DateOnly(2020, 1, 1) });
            w.Add("account_history", new { account_id = $"b{i}", valid_from = new DateOnly(2020, 1, 1), csm_id = "c2", arr = 100_000.0 });
            w.Add("account_history", new { account_id = $"b{i}", valid_from = Week(17), csm_id = "c1", arr = 100_000.0 });
        }

        // When built
        w.Build();

        // Then the proactive-share alert of c1 says to rebalance 9 accounts
        var alert = Assert.Single(w.Rows("select * from fct_early_warning where level = 'csm' and key = 'c1' and indicator = 'proactive_share'"));
        Assert.Equal(Week(19), alert["opened_week"]);
        Assert.Contains("book grew", (string)alert["likely_cause"]!, StringComparison.Ordinal);
        Assert.Equal("book grew by 9 accounts: rebalance", alert["next_step"]);
    }
}
