using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

public class UsageStagingTests
{
    [Fact]
    public void A_usage_daily_row_wins_over_the_events_of_its_account_day_and_the_events_fill_the_days_it_lacks()
    {
        // Given usage_daily for a1 on 03-01 (5 users, 50 events) and a2 on 03-01 (2, 20); events aggregated for
        // a1 on 03-01 (9, 90: the same day, so usage_daily wins) and 03-02 (3, 30: a day usage_daily lacks),
        // and for a3 on 03-01 (4, 40)
        using var w = new TestWarehouse();
        w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 10_000.0, contract_start = new DateOnly(2024, 1, 1) });
        w.Add("csms", new { csm_id = "c1" });
        w.Add("usage_daily", new { account_id = "a1", date = new DateOnly(2025, 3, 1), active_users = 5L, events = 50L });
        w.Add("usage_daily", new { account_id = "a2", date = new DateOnly(2025, 3, 1), active_users = 2L, events = 20L });
        w.Add("usage_events_daily", new { account_id = "a1", date = new DateOnly(2025, 3, 1), active_users = 9L, events = 90L });
        w.Add("usage_events_daily", new { account_id = "a1", date = new DateOnly(2025, 3, 2), active_users = 3L, events = 30L });
        w.Add("usage_events_daily", new { account_id = "a3", date = new DateOnly(2025, 3, 1), active_users = 4L, events = 40L });
        w.Add("activities", new { activity_id = "y1", account_id = "a1", csm_id = "c1", type = "check_in", occurred_at = new DateTime(2025, 3, 3, 10, 0, 0), duration_minutes = 30.0 });

        // When built
        w.Build();

        // Then each account-day once: usage_daily's where it has one, the events' elsewhere
        var rows = w.Rows("select account_id, cast(usage_date as varchar) as day, active_users, events from stg_usage_daily order by all")
            .Select(r => ((string)r["account_id"]!, (string)r["day"]!, (long)r["active_users"]!, (long)r["events"]!));
        Assert.Equal(
        [
            ("a1", "2025-03-01", 5L, 50L),
            ("a1", "2025-03-02", 3L, 30L),
            ("a2", "2025-03-01", 2L, 20L),
            ("a3", "2025-03-01", 4L, 40L),
        ], rows);
    }
}
